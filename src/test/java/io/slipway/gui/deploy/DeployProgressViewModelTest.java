package io.slipway.gui.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.DeployListener.DeployStarted;
import io.slipway.core.deploy.DeployListener.LogLine;
import io.slipway.core.deploy.DeployListener.NodeStateChanged;
import io.slipway.core.deploy.DeployListener.StepFinished;
import io.slipway.core.deploy.DeployListener.TransferProgressed;
import io.slipway.core.deploy.DeployState;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import io.slipway.core.engine.TransferProgress;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import io.slipway.gui.tasks.UiDispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds synthetic pipeline events (the core's listener contract) into the view-model. */
class DeployProgressViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** Queues UI work; the test decides when it runs. */
    static final class ManualUi implements UiDispatcher {
        final List<Runnable> queued = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        @Override
        public synchronized void runLater(Runnable work, long delayMillis) {
            queued.add(work);
            delays.add(delayMillis);
        }

        /** Runs what is queued now (not what that work queues again, such as the elapsed-time tick). */
        void runQueued() {
            List<Runnable> now;
            synchronized (this) {
                now = new ArrayList<>(queued);
                queued.clear();
            }
            now.forEach(Runnable::run);
        }
    }

    /** A starter that records what it was asked and hands out a controllable deploy. */
    static final class FakeStarter implements DeployStarter {
        final CompletableFuture<DeploySummary> completion = new CompletableFuture<>();
        final AtomicInteger aborts = new AtomicInteger();
        DeployListener listener;
        NewDeployForm started;
        long retriedId = -1;
        char[] retryPassphrase;

        @Override
        public Choices choices() {
            return new Choices(List.of("a", "b", "c"), List.of("lab"), List.of("local"));
        }

        @Override
        public RunningDeploy start(NewDeployForm form, DeployListener l) {
            started = form;
            listener = l;
            return running(7);
        }

        @Override
        public RunningDeploy retry(long id, int parallelism, String registry, char[] passphrase, DeployListener l) {
            retriedId = id;
            retryPassphrase = passphrase;
            listener = l;
            return running(8);
        }

        private RunningDeploy running(long id) {
            return new RunningDeploy() {
                @Override
                public long id() {
                    return id;
                }

                @Override
                public void abort() {
                    aborts.incrementAndGet();
                }

                @Override
                public CompletableFuture<DeploySummary> completion() {
                    return completion;
                }
            };
        }
    }

    private final ManualUi ui = new ManualUi();
    private final FakeStarter starter = new FakeStarter();
    private final AtomicInteger historyRefreshes = new AtomicInteger();
    private DeployProgressViewModel vm;

    @BeforeEach
    void create() {
        vm = new DeployProgressViewModel(starter, new SynchronousTaskExecutor(), ui, historyRefreshes::incrementAndGet,
                () -> T0.plusSeconds(30), System::nanoTime);
    }

    private void startDeploy() {
        vm.start(new NewDeployForm("tool", "1.0", List.of("a", "b", "c"), null, false, 2, "local",
                "secret".toCharArray()));
        starter.listener.deployStarted(new DeployStarted(7, "uid", "tool", "1.0", false, 2, List.of("a", "b", "c"),
                null, T0));
        ui.runQueued();
    }

    private void move(String node, NodeDeployState from, NodeDeployState to, int atSecond) {
        starter.listener.nodeStateChanged(new NodeStateChanged(7, node, from, to, T0.plusSeconds(atSecond), null));
    }

    @Test
    void invalidFormsNeverReachTheCore() {
        vm.start(new NewDeployForm("tool", "", List.of("a"), null, false, 2, "local", new char[0]));
        assertThat(starter.started).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Enter the version to deploy.");
        vm.start(new NewDeployForm("tool", "1", List.of(), null, false, 2, "local", new char[0]));
        assertThat(vm.messageProperty().get()).isEqualTo("Choose nodes or a group.");
    }

    @Test
    void deployStartedCreatesAPendingRowPerNode() {
        startDeploy();
        assertThat(starter.started.software()).isEqualTo("tool");
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.rows()).extracting(LiveNodeRow::node).containsExactly("a", "b", "c");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.stateProperty().get()).isEqualTo(NodeDeployState.PENDING));
        assertThat(vm.titleProperty().get()).isEqualTo("Deploy #7: tool 1.0 on 3 nodes");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 nodes: 0 done, 0 skipped, 0 failed, 0 running, 3 waiting");
    }

    @Test
    void eventsReachTheRowsOnlyWhenTheUiThreadRunsThem() {
        startDeploy();
        move("a", NodeDeployState.PENDING, NodeDeployState.CHECKING_VERSION, 1);
        assertThat(vm.rows().get(0).stateProperty().get()).isEqualTo(NodeDeployState.PENDING);

        ui.runQueued();

        LiveNodeRow a = vm.rows().get(0);
        assertThat(a.stateProperty().get()).isEqualTo(NodeDeployState.CHECKING_VERSION);
        assertThat(a.stepProperty().get()).isEqualTo("check version");
        assertThat(a.progressProperty().get()).isEqualTo(-1.0);
        assertThat(a.elapsedProperty().get()).isEqualTo("29 s");
        assertThat(vm.runningProperty().get()).isEqualTo(1);
    }

    @Test
    void transferProgressIsCoalescedToOneUiUpdateWithTheNewestValue() {
        startDeploy();
        move("a", NodeDeployState.PENDING, NodeDeployState.PUSHING, 1);
        ui.runQueued();
        int before = vm.flushCount();
        int queuedBefore = ui.queued.size(); // the elapsed-time tick

        for (int i = 1; i <= 500; i++) {
            starter.listener.transferProgress(new TransferProgressed(7, "a", NodeDeployState.PUSHING,
                    new TransferProgress(i * 1_000_000L, 500_000_000L, 0, 3, "pushing")));
        }
        for (int i = 0; i < 20; i++) {
            starter.listener.logLine(new LogLine(7, "a", "line " + i, false));
        }

        assertThat(ui.queued).hasSize(queuedBefore + 1); // one flush scheduled for 520 events
        ui.runQueued();
        assertThat(vm.flushCount()).isEqualTo(before + 1);
        LiveNodeRow a = vm.rows().get(0);
        assertThat(a.progressProperty().get()).isEqualTo(1.0);
        assertThat(a.stepProperty().get()).isEqualTo("push 500.0 / 500.0 MB");
        assertThat(a.log()).hasSize(20).endsWith("line 19");
    }

    @Test
    void theNextFlushWaitsForTheThrottleInterval() {
        long[] nanos = {0};
        vm = new DeployProgressViewModel(starter, new SynchronousTaskExecutor(), ui, () -> { },
                () -> T0, () -> nanos[0]);
        startDeploy();
        nanos[0] = 10_000_000; // 10 ms after the last flush
        move("a", NodeDeployState.PENDING, NodeDeployState.CHECKING_VERSION, 1);
        assertThat(ui.delays.get(ui.delays.size() - 1))
                .isBetween(DeployProgressViewModel.FLUSH_INTERVAL_MS - 11, DeployProgressViewModel.FLUSH_INTERVAL_MS);
    }

    @Test
    void staleTransferProgressOfAnEndedStepIsIgnored() {
        startDeploy();
        move("a", NodeDeployState.PENDING, NodeDeployState.PUSHING, 1);
        starter.listener.transferProgress(new TransferProgressed(7, "a", NodeDeployState.PUSHING,
                new TransferProgress(1, 10, 0, 1, "")));
        move("a", NodeDeployState.PUSHING, NodeDeployState.RECORDING, 2);
        ui.runQueued();
        assertThat(vm.rows().get(0).stepProperty().get()).isEqualTo("record");
        assertThat(vm.rows().get(0).progressProperty().get()).isEqualTo(-1.0);
    }

    @Test
    void logKeepsOnlyTheLastLines() {
        startDeploy();
        for (int i = 0; i < LiveNodeRow.LOG_LINES + 50; i++) {
            starter.listener.logLine(new LogLine(7, "b", "l" + i, false));
        }
        ui.runQueued();
        assertThat(vm.rows().get(1).log()).hasSize(LiveNodeRow.LOG_LINES).startsWith("l50");
    }

    @Test
    void stepsBecomeTimelineSpans() {
        startDeploy();
        starter.listener.stepFinished(new StepFinished(7, "a", NodeDeployState.PULLING_ENV, T0.plusSeconds(2),
                Duration.ofMillis(1500), "ok", null));
        ui.runQueued();
        assertThat(vm.spans()).containsExactly(new StepSpan("a", NodeDeployState.PULLING_ENV, 2.0, 1.5, "ok"));
    }

    @Test
    void outcomesCountAndFailuresMakeRetryAvailable() {
        startDeploy();
        finishNode("a", NodeDeployState.DONE, null);
        finishNode("b", NodeDeployState.SKIPPED, "already at 1.0");
        finishNode("c", NodeDeployState.FAILED, "build exited 2");
        ui.runQueued();
        assertThat(vm.summaryProperty().get()).isEqualTo("3 nodes: 1 done, 1 skipped, 1 failed, 0 running");
        assertThat(vm.rows().get(2).resultProperty().get()).isEqualTo("failed: build exited 2");
        assertThat(vm.rows().get(2).stepProperty().get()).isEqualTo("failed at toolchain + compile");
        assertThat(vm.rows().get(2).log()).containsExactly("make: *** error 2");
        assertThat(vm.retryAvailableProperty().get()).isFalse(); // not before the deploy ends

        starter.listener.deployFinished(new DeploySummary(7, "uid", "tool", "1.0", DeployState.FAILED, List.of(),
                Duration.ofSeconds(12)));
        ui.runQueued();

        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.retryAvailableProperty().get()).isTrue();
        assertThat(historyRefreshes.get()).isEqualTo(1);
        assertThat(vm.messageProperty().get()).isEqualTo("Deploy #7 failed after 12 s");

        char[] pass = "secret".toCharArray();
        vm.retryFailed(pass);
        assertThat(starter.retriedId).isEqualTo(7);
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void allSucceededMeansNoRetry() {
        startDeploy();
        finishNode("a", NodeDeployState.DONE, null);
        finishNode("b", NodeDeployState.DONE, null);
        finishNode("c", NodeDeployState.SKIPPED, null);
        starter.listener.deployFinished(new DeploySummary(7, "uid", "tool", "1.0", DeployState.SUCCEEDED, List.of(),
                Duration.ofSeconds(3)));
        ui.runQueued();
        assertThat(vm.doneProperty().get()).isEqualTo(2);
        assertThat(vm.skippedProperty().get()).isEqualTo(1);
        assertThat(vm.retryAvailableProperty().get()).isFalse();
    }

    @Test
    void abortGoesToTheRunningDeploy() {
        startDeploy();
        vm.abort();
        assertThat(starter.aborts.get()).isEqualTo(1);
        assertThat(vm.messageProperty().get()).isEqualTo("Aborting…");
    }

    @Test
    void anAbnormalEndStillEndsTheView() {
        startDeploy();
        starter.completion.completeExceptionally(new IllegalStateException("boom"));
        ui.runQueued();
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("boom");
    }

    @Test
    void choicesComeFromTheStarter() {
        vm.loadChoices();
        assertThat(vm.nodeChoices()).containsExactly("a", "b", "c");
        assertThat(vm.registryChoices()).containsExactly("local");
    }

    private void finishNode(String node, NodeDeployState state, String detail) {
        move(node, NodeDeployState.PENDING, NodeDeployState.CHECKING_VERSION, 1);
        starter.listener.nodeFinished(new NodeOutcome(node, state, detail,
                state == NodeDeployState.FAILED ? NodeDeployState.BUILDING : null, state == NodeDeployState.FAILED,
                null, null, null, null, T0.plusSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(4),
                state == NodeDeployState.FAILED ? List.of("make: *** error 2") : List.of()));
    }

    @SuppressWarnings("unused")
    private static String chars(char[] c) {
        return Arrays.toString(c);
    }
}
