package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeployState;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.inventory.Node;
import io.slipway.core.upgrade.RunState;
import io.slipway.core.upgrade.RunStatus;
import io.slipway.core.upgrade.TargetAction;
import io.slipway.core.upgrade.TargetPhase;
import io.slipway.core.upgrade.UpgradeEvent;
import io.slipway.core.upgrade.UpgradeOffer;
import io.slipway.core.upgrade.UpgradeRunRecord;
import io.slipway.core.upgrade.UpgradeStatus;
import io.slipway.core.upgrade.UpgradeSummary;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waves and thresholds against the real nodes: a canary that fails pauses the run before later waves start; resume
 * after a fix goes on with the next wave, retry runs the failed canary again; abort ends a paused run; a node's
 * engine stopped mid-wave fails only that node's target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeWavesIT {
    private DeploySupport s;
    private final String sw = DeploySupport.uniqueSoftware("wave");

    @BeforeAll
    void installVersionOneEverywhere(@TempDir Path workspace) throws Exception {
        DeployFixtures.publish(sw, "1.0.0", DeployFixtures.Variant.NORMAL);
        DeployFixtures.publish(sw, "2.0.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.exitsSoon(sw));
        DeployFixtures.publish(sw, "3.0.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.exitsSoon(sw));
        s = new DeploySupport(workspace);
        DeploySummary v1 = s.deploy(DeployRequest.of(sw, "1.0.0", s.nodes()).withParallelism(3));
        assertThat(v1.state()).as(DeploySupport.describe(v1)).isEqualTo(DeployState.SUCCEEDED);
    }

    @AfterAll
    void close() {
        if (s != null) {
            s.close();
        }
    }

    @Test
    @Order(1)
    void aFailingCanaryPausesTheRunResumeAfterAFixGoesOnAndRetryRunsTheCanaryAgain() throws Exception {
        List<UpgradeEvent> events = Collections.synchronizedList(new ArrayList<>());
        UpgradeOffer offer = UpgradeSupport.offer(s, "canary", Map.of(sw, "2.0.0"));

        UpgradeSummary paused = UpgradeSupport.run(s, UpgradeSupport.request(offer, s.nodes(), "1,100%"), events::add);

        assertThat(paused.state()).as(UpgradeSupport.describe(paused)).isEqualTo(RunState.PAUSED);
        assertThat(paused.exitCode()).isEqualTo(5);
        assertThat(paused.pauseReason()).contains("wave 1 of 2 (canary)").contains("threshold of 0%");
        List<UpgradeTargetRecord> canary = paused.targets().stream().filter(t -> t.wave() == 1).toList();
        assertThat(canary).singleElement().satisfies(t -> {
            assertThat(t.runStatus()).isEqualTo(RunStatus.ABNORMAL);
            assertThat(t.action()).isEqualTo(TargetAction.ROLLED_BACK);
        });
        // later waves never started: their targets wait, no deploy touched their nodes
        assertThat(paused.targets().stream().filter(t -> t.wave() == 2)).hasSize(2).allSatisfy(t -> {
            assertThat(t.phase()).isEqualTo(TargetPhase.PENDING);
            assertThat(t.deployId()).isNull();
        });
        assertThat(events).noneMatch(e -> e instanceof UpgradeEvent.WaveStarted w && w.wave() == 2);
        assertThat(s.core.upgradeService().run(paused.runId()).orElseThrow().state()).isEqualTo(RunState.PAUSED);

        // the fix: the 2.0.0 environment's run-command now keeps running
        DeployFixtures.publish(sw, "2.0.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.healthy(sw));
        UpgradeSummary resumed = s.core.upgradeService().resume(paused.runId(), s.registry(), s.pool,
                io.slipway.core.upgrade.UpgradeListener.NONE).await(Duration.ofMinutes(10));

        assertThat(resumed.state()).as(UpgradeSupport.describe(resumed)).isEqualTo(RunState.FINISHED);
        assertThat(resumed.targets().stream().filter(t -> t.wave() == 2)).hasSize(2).allSatisfy(t -> {
            assertThat(t.runStatus()).as(t.key()).isEqualTo(RunStatus.HEALTHY);
            assertThat(t.action()).isEqualTo(TargetAction.COMMITTED);
        });
        assertThat(resumed.exitCode()).as("the canary stays rolled back").isEqualTo(1);

        UpgradeSummary retried = s.core.upgradeService().retry(paused.runId(), s.registry(), s.pool,
                io.slipway.core.upgrade.UpgradeListener.NONE).await(Duration.ofMinutes(10));

        assertThat(retried.state()).as(UpgradeSupport.describe(retried)).isEqualTo(RunState.FINISHED);
        assertThat(retried.targets()).allSatisfy(t -> assertThat(t.action()).as(t.key()).isEqualTo(TargetAction.COMMITTED));
        assertThat(retried.exitCode()).isZero();
        UpgradeTargetRecord again = retried.targets().stream().filter(t -> t.wave() == 1).findFirst().orElseThrow();
        assertThat(again.attempts()).isEqualTo(2);
        for (Node n : s.nodes()) {
            assertThat(UpgradeSupport.probe(s, n.name())).containsEntry(sw, "2.0.0");
        }
    }

    @Test
    @Order(2)
    void abortEndsAPausedRunAndItsWaitingTargetsAreSkipped() throws Exception {
        UpgradeOffer offer = UpgradeSupport.offer(s, "abort", Map.of(sw, "3.0.0"));
        UpgradeSummary paused = UpgradeSupport.run(s, UpgradeSupport.request(offer, s.nodes(), "1,100%"), e -> { });
        assertThat(paused.state()).as(UpgradeSupport.describe(paused)).isEqualTo(RunState.PAUSED);

        UpgradeRunRecord aborted = s.core.upgradeService().abort(paused.runId());

        assertThat(aborted.state()).isEqualTo(RunState.ABORTED);
        assertThat(aborted.targets().stream().filter(t -> t.wave() == 2)).hasSize(2).allSatisfy(t -> {
            assertThat(t.phase()).isEqualTo(TargetPhase.ABORTED);
            assertThat(t.action()).isEqualTo(TargetAction.SKIPPED);
        });
        for (Node n : s.nodes()) {
            assertThat(UpgradeSupport.probe(s, n.name())).containsEntry(sw, "2.0.0");
        }
        assertThat(s.core.audit().latest(1).get(0).action()).isEqualTo("upgrade.run.aborted");
    }

    @Test
    @Order(3)
    void aNodeWhoseEngineStopsMidWaveFailsAloneAndTheOthersAreUpgraded() throws Exception {
        DeployFixtures.publish(sw, "4.0.0", DeployFixtures.Variant.NORMAL.sleeping(6), UpgradeSupport.healthy(sw));
        UpgradeOffer offer = UpgradeSupport.offer(s, "engine-down", Map.of(sw, "4.0.0"));
        String victim = "n2";
        AtomicBoolean stopped = new AtomicBoolean();
        UpgradeSummary sum;
        try {
            sum = UpgradeSupport.run(s, UpgradeSupport.request(offer, s.nodes(), "100%"), e -> {
                if (e instanceof UpgradeEvent.TargetChanged c && c.target().node().equals(victim)
                        && "toolchain + compile".equals(c.target().step()) && stopped.compareAndSet(false, true)) {
                    try {
                        TestEnvControl.stop("podman-" + victim);
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            });
        } finally {
            TestEnvControl.restartPodmanNode(victim);
        }
        assertThat(stopped).isTrue();
        assertThat(sum.state()).as(UpgradeSupport.describe(sum)).isEqualTo(RunState.FINISHED);
        for (UpgradeTargetRecord t : sum.targets()) {
            if (t.node().equals(victim)) {
                assertThat(t.upgradeStatus()).isEqualTo(UpgradeStatus.FAILED);
                assertThat(t.runStatus()).isEqualTo(RunStatus.NOT_CHECKED);
                assertThat(t.action()).isEqualTo(TargetAction.FAILED);
                assertThat(t.detail()).containsAnyOf("cannot reach engine", "connection", "Connection");
            } else {
                assertThat(t.action()).as(t.key() + ": " + t.detail()).isEqualTo(TargetAction.COMMITTED);
                assertThat(t.runStatus()).isEqualTo(RunStatus.HEALTHY);
            }
        }
        assertThat(sum.exitCode()).isEqualTo(1);
    }

}
