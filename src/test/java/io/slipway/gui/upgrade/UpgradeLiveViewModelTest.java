package io.slipway.gui.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.upgrade.RunBasis;
import io.slipway.core.upgrade.RunEvidence;
import io.slipway.core.upgrade.RunState;
import io.slipway.core.upgrade.RunStatus;
import io.slipway.core.upgrade.TargetAction;
import io.slipway.core.upgrade.TargetPhase;
import io.slipway.core.upgrade.UpgradeEvent;
import io.slipway.core.upgrade.UpgradeListener;
import io.slipway.core.upgrade.UpgradeStatus;
import io.slipway.core.upgrade.UpgradeSummary;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import io.slipway.gui.tasks.UiDispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds the core's upgrade events (its listener contract) into the live view-model, without the toolkit. */
class UpgradeLiveViewModelTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** Queues UI work; the test runs it. */
    static final class ManualUi implements UiDispatcher {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public synchronized void runLater(Runnable work, long delayMillis) {
            queued.add(work);
        }

        void runQueued() {
            List<Runnable> now;
            synchronized (this) {
                now = new ArrayList<>(queued);
                queued.clear();
            }
            now.forEach(Runnable::run);
        }
    }

    private final ManualUi ui = new ManualUi();
    private final AtomicInteger finished = new AtomicInteger();
    private UpgradeLiveViewModel vm;
    private UpgradeListener listener;

    @BeforeEach
    void create() {
        vm = new UpgradeLiveViewModel(null, new SynchronousTaskExecutor(), ui, finished::incrementAndGet,
                () -> T0.plusSeconds(30), System::nanoTime);
        listener = vm.listener();
    }

    private static UpgradeTargetRecord target(String node, String sw, TargetPhase phase, UpgradeStatus up,
                                              RunStatus run, RunBasis basis, TargetAction action) {
        RunEvidence ev = run == RunStatus.ABNORMAL ? new RunEvidence(false, 3L, 0, false, null, List.of(), 2000,
                "exited with 3 after 2 s") : RunEvidence.NONE;
        return new UpgradeTargetRecord(7, node, sw, "1.0.0", "1.1.0", 1, phase, phase == TargetPhase.UPGRADING
                ? "push" : null, up, null, null, run, basis, ev, action, 3L, 1, "env", null, "img", null,
                T0, phase.isFinal() ? T0.plusSeconds(20) : null, null, null);
    }

    @Test
    void rowsFollowBothVerdictsTheCountdownAndTheEnd() {
        UpgradeTargetRecord okWaiting = target("n1", "tool", TargetPhase.PENDING, null, null, null, null);
        UpgradeTargetRecord badWaiting = target("n2", "tool", TargetPhase.PENDING, null, null, null, null);
        listener.onEvent(new UpgradeEvent.RunStarted(7, "uid", "offer", List.of(List.of("n1", "n2")),
                List.of(okWaiting, badWaiting), false, T0));
        listener.onEvent(new UpgradeEvent.WaveStarted(7, 1, 1, List.of("n1", "n2"), 0.1, T0));
        listener.onEvent(new UpgradeEvent.TargetChanged(7, target("n1", "tool", TargetPhase.UPGRADING, null, null,
                null, null), T0));
        listener.onEvent(new UpgradeEvent.LogLine(7, "n1", "tool", "compiling", false));
        ui.runQueued();

        assertThat(vm.rows()).extracting(LiveTargetRow::node).containsExactly("n1", "n2");
        LiveTargetRow n1 = vm.rows().get(0);
        assertThat(n1.stepProperty().get()).isEqualTo("push");
        assertThat(n1.progressProperty().get()).isEqualTo(-1);
        assertThat(n1.elapsedProperty().get()).isEqualTo("30 s");
        assertThat(n1.log()).containsExactly("compiling");
        assertThat(n1.change()).isEqualTo("1.0.0 → 1.1.0");
        assertThat(vm.waveProperty().get()).isEqualTo("Wave 1 of 1: 2 nodes, at most 10% may fail");
        assertThat(vm.titleProperty().get()).isEqualTo("Upgrade run #7: offer 'offer', 2 targets in 1 wave");

        // the run check: ticks are coalesced to the newest per target
        listener.onEvent(new UpgradeEvent.TargetChanged(7, target("n1", "tool", TargetPhase.RUN_CHECK,
                UpgradeStatus.SUCCEEDED, null, null, null), T0));
        listener.onEvent(new UpgradeEvent.RunCheckTick(7, "n1", "tool", Duration.ofSeconds(10),
                Duration.ofSeconds(120), true, "healthy", 0));
        listener.onEvent(new UpgradeEvent.RunCheckTick(7, "n1", "tool", Duration.ofSeconds(33),
                Duration.ofSeconds(120), true, "healthy", 0));
        ui.runQueued();
        assertThat(n1.countdownProperty().get()).isEqualTo("run check: 87 s left · running · healthy · 0 restarts");
        assertThat(n1.progressProperty().get()).isEqualTo(33 / 120.0);
        assertThat(Verdicts.upgrade(n1.recordProperty().get())).isEqualTo("✔ succeeded");

        UpgradeTargetRecord ok = target("n1", "tool", TargetPhase.DONE, UpgradeStatus.SUCCEEDED, RunStatus.HEALTHY,
                RunBasis.HEALTH_COMMAND, TargetAction.COMMITTED);
        UpgradeTargetRecord bad = target("n2", "tool", TargetPhase.DONE, UpgradeStatus.SUCCEEDED, RunStatus.ABNORMAL,
                RunBasis.LIVENESS, TargetAction.ROLLED_BACK);
        listener.onEvent(new UpgradeEvent.TargetFinished(7, ok));
        listener.onEvent(new UpgradeEvent.TargetFinished(7, bad));
        listener.onEvent(new UpgradeEvent.RunEnded(7, new UpgradeSummary(7, "uid", "offer", RunState.FINISHED, null,
                List.of(ok, bad), Duration.ofSeconds(40))));
        ui.runQueued();

        assertThat(n1.countdownProperty().get()).isEmpty();
        assertThat(n1.stepProperty().get()).isEqualTo("✔ committed");
        LiveTargetRow n2 = vm.rows().get(1);
        assertThat(n2.stepProperty().get()).isEqualTo("↩ rolled back (abnormal)");
        assertThat(Verdicts.run(n2.recordProperty().get())).isEqualTo("⚠ abnormal (liveness only)");
        assertThat(Verdicts.styleClass(n2.recordProperty().get())).isEqualTo("outcome-rolled-back");
        assertThat(Verdicts.run(n1.recordProperty().get())).isEqualTo("♥ healthy (health command)");
        assertThat(Verdicts.styleClass(n1.recordProperty().get())).isEqualTo("outcome-committed");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 targets · upgrade: 2 succeeded, 0 failed · run: 1 healthy, "
                + "1 abnormal, 0 not checked · 1 rolled back · 0 running, 0 waiting");
        assertThat(vm.messageProperty().get()).isEqualTo("Upgrade run #7 finished after 40 s.");
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.pausedProperty().get()).isFalse();
        assertThat(finished.get()).isEqualTo(1);
    }

    @Test
    void aFailedUpgradeIsRedAndWordedApartFromARolledBackOne() {
        UpgradeTargetRecord failed = new UpgradeTargetRecord(7, "n3", "tool", "1.0.0", "1.1.0", 2, TargetPhase.DONE,
                null, UpgradeStatus.FAILED, "toolchain + compile", "exit 2", RunStatus.NOT_CHECKED, RunBasis.NONE,
                RunEvidence.NONE, TargetAction.FAILED, 3L, 1, null, null, null, null, T0, T0, 10L, null);
        assertThat(Verdicts.upgrade(failed)).isEqualTo("✖ failed at toolchain + compile");
        assertThat(Verdicts.run(failed)).isEqualTo("– not checked");
        assertThat(Verdicts.outcome(failed)).isEqualTo("✖ failed");
        assertThat(Verdicts.styleClass(failed)).isEqualTo("outcome-failed");
        assertThat(HistoryFilter.FAILED.test(failed)).isTrue();
        assertThat(HistoryFilter.ROLLED_BACK.test(failed)).isFalse();
    }

    @Test
    void aPausedRunOffersResumeAndSaysWhy() {
        UpgradeTargetRecord bad = target("n1", "tool", TargetPhase.DONE, UpgradeStatus.SUCCEEDED, RunStatus.ABNORMAL,
                RunBasis.LIVENESS, TargetAction.ROLLED_BACK);
        listener.onEvent(new UpgradeEvent.RunStarted(7, "uid", "offer", List.of(List.of("n1"), List.of("n2")),
                List.of(bad), false, T0));
        listener.onEvent(new UpgradeEvent.WaveFinished(7, 1, 1, 1, 0, false));
        listener.onEvent(new UpgradeEvent.RunEnded(7, new UpgradeSummary(7, "uid", "offer", RunState.PAUSED,
                "wave 1: 1 of 1 failed, over 0%", List.of(bad), Duration.ofSeconds(9))));
        ui.runQueued();

        assertThat(vm.pausedProperty().get()).isTrue();
        assertThat(vm.waveProperty().get()).isEqualTo("Wave 1 finished: 1 of 1 failed or abnormal (past its threshold "
                + "of 0%)");
        assertThat(vm.messageProperty().get()).startsWith("Upgrade run #7 paused after 9 s: wave 1: 1 of 1 failed")
                .contains("Resume goes on with the next wave");
    }
}
