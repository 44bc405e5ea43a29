package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeployRun;
import io.slipway.core.deploy.DeployState;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import io.slipway.core.deploy.StepRecord;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineTimeouts;
import io.slipway.core.engine.SlipwayLabels;
import io.slipway.core.inventory.Node;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys meeting trouble in the real environment: a node's API service stopped mid-batch, the registry stopped
 * during a push (then retry), an abort. Every test puts the environment back the way it found it.
 */
class DeployFailuresIT {
    @TempDir
    Path workspace;

    @Test
    void nodeApiServiceStoppedMidBatchFailsThatNodeOnly() throws Exception {
        String victim = DeploySupport.nodeName(TestEnvironment.nodes().get(1)); // a podman node
        String software = DeploySupport.uniqueSoftware("midbatch");
        DeployFixtures.publish(software, "1.0", DeployFixtures.Variant.NORMAL.sleeping(4));
        AtomicBoolean stopped = new AtomicBoolean();
        try (DeploySupport s = new DeploySupport(workspace)) {
            DeploySummary sum = s.deploy(DeployRequest.of(software, "1.0", s.nodes()).withParallelism(3),
                    s.registry(), e -> {
                        if (e instanceof DeployListener.NodeStateChanged c && c.node().equals(victim)
                                && c.to() == NodeDeployState.BUILDING && stopped.compareAndSet(false, true)) {
                            stopQuietly("podman-" + victim);
                        }
                    });
            assertThat(stopped).isTrue();
            assertThat(sum.state()).as(DeploySupport.describe(sum)).isEqualTo(DeployState.PARTIAL);
            for (NodeOutcome o : sum.nodes()) {
                if (o.node().equals(victim)) {
                    assertThat(o.state()).isEqualTo(NodeDeployState.FAILED);
                    assertThat(o.failedStep()).isIn(NodeDeployState.BUILDING, NodeDeployState.CREATING_IMAGE);
                    assertThat(o.detail()).containsAnyOf("cannot reach engine", "connection", "Connection");
                    assertThat(o.retryable()).isTrue();
                } else {
                    assertThat(o.state()).as(o.node() + ": " + o.detail()).isEqualTo(NodeDeployState.DONE);
                }
            }
        } finally {
            TestEnvControl.restartPodmanNode(victim);
        }
    }

    @Test
    void registryStoppedDuringPushFailsRetryablyAndRetryAfterRestartSucceeds() throws Exception {
        String software = DeploySupport.uniqueSoftware("regdown");
        DeployFixtures.publish(software, "3.1", DeployFixtures.Variant.NORMAL);
        AtomicBoolean stopped = new AtomicBoolean();
        Set<String> pushing = ConcurrentHashMap.newKeySet();
        try (DeploySupport s = new DeploySupport(workspace)) {
            DeploySummary sum;
            try {
                sum = s.deploy(DeployRequest.of(software, "3.1", s.nodes()).withParallelism(3),
                        s.registry(), e -> {
                            if (e instanceof DeployListener.NodeStateChanged c && c.to() == NodeDeployState.PUSHING) {
                                pushing.add(c.node());
                                if (stopped.compareAndSet(false, true)) {
                                    stopQuietly("registry");
                                }
                            }
                        });
            } finally {
                if (!TestEnvControl.registryListening()) {
                    TestEnvControl.restartRegistry();
                }
            }
            assertThat(stopped).isTrue();
            assertThat(sum.nodes()).as(DeploySupport.describe(sum)).allSatisfy(o -> {
                if (o.state() != NodeDeployState.DONE) {
                    assertThat(o.state()).isEqualTo(NodeDeployState.FAILED);
                    assertThat(o.retryable()).as(o.node() + " retryable: " + o.detail()).isTrue();
                }
            });
            List<NodeOutcome> failedAtPush = sum.nodes().stream()
                    .filter(o -> o.failedStep() == NodeDeployState.PUSHING).toList();
            assertThat(failedAtPush).as(DeploySupport.describe(sum)).isNotEmpty();

            // the registry is back: retry only the failed nodes
            DeployRequest retry = s.core.deployService().retryRequest(sum.deployId(), 3);
            assertThat(retry.nodes()).extracting(Node::name).containsExactlyInAnyOrderElementsOf(sum.nodes().stream()
                    .filter(o -> o.state() == NodeDeployState.FAILED).map(NodeOutcome::node).toList());
            DeploySummary again = s.deploy(retry);
            assertThat(again.state()).as(DeploySupport.describe(again)).isEqualTo(DeployState.SUCCEEDED);
            assertThat(again.nodes()).allSatisfy(o -> assertThat(o.state()).isEqualTo(NodeDeployState.DONE));
            assertThat(s.core.deploys().find(again.deployId()).orElseThrow().retryOf()).isEqualTo(sum.deployId());
            // a node whose image was built before the registry went away is pushed, not rebuilt
            for (NodeOutcome o : failedAtPush) {
                assertThat(s.core.deploys().steps(again.deployId(), o.node())).extracting(StepRecord::step)
                        .doesNotContain("BUILDING").contains("PUSHING");
            }
            RegistryHttp registry = new RegistryHttp();
            for (NodeOutcome o : again.nodes()) {
                assertThat(registry.manifest("slipway/software/" + software, "3.1-" + o.node()).orElseThrow().digest())
                        .isEqualTo(o.softwareDigest());
            }
        } finally {
            if (!TestEnvControl.registryListening()) {
                TestEnvControl.restartRegistry();
            }
        }
    }

    @Test
    void abortStopsRunningBuildsAndCleansUp() throws Exception {
        String software = DeploySupport.uniqueSoftware("abort");
        DeployFixtures.publish(software, "1.0", DeployFixtures.Variant.NORMAL.sleeping(120));
        try (DeploySupport s = new DeploySupport(workspace)) {
            Set<String> building = ConcurrentHashMap.newKeySet();
            DeployRun run = s.core.deployService().start(DeployRequest.of(software, "1.0", s.nodes()).withParallelism(3),
                    s.registry(), s.pool, s.listener(e -> {
                        if (e instanceof DeployListener.LogLine l && l.line().contains("compiling slowly")) {
                            building.add(l.node());
                        }
                    }));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (building.size() < 3 && System.nanoTime() < deadline && !run.completion().isDone()) {
                Thread.sleep(100);
            }
            assertThat(building).as(() -> "nodes building " + building + (run.completion().isDone()
                    ? "; the deploy ended early: " + DeploySupport.describe(run.completion().join()) : "")).hasSize(3);
            // a step that acts on the node is stored as it starts (moments later): a crash now would show it
            long stored = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < stored && !s.core.deploys().find(run.id()).orElseThrow().nodes().stream()
                    .allMatch(n -> n.state().equals("BUILDING"))) {
                Thread.sleep(50);
            }
            assertThat(s.core.deploys().find(run.id()).orElseThrow().nodes())
                    .allSatisfy(n -> assertThat(n.state()).as(n.node()).isEqualTo("BUILDING"));
            long t0 = System.nanoTime();
            run.abort();
            DeploySummary sum = run.await(Duration.ofSeconds(60));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("abort took").isLessThan(30_000);
            assertThat(sum.state()).isEqualTo(DeployState.ABORTED);
            assertThat(sum.nodes()).allSatisfy(o -> {
                assertThat(o.state()).isEqualTo(NodeDeployState.ABORTED);
                assertThat(o.failedStep()).isEqualTo(NodeDeployState.BUILDING);
            });
            for (Node n : s.nodes()) {
                try (EngineClient engine = EngineClient.connect(n.engineEndpoint(), EngineTimeouts.PROBE)) {
                    assertThat(engine.containersLabelled(SlipwayLabels.DEPLOY_ID, sum.uid())).as(n.name()).isEmpty();
                }
            }
        }
    }

    private static void stopQuietly(String service) {
        try {
            TestEnvControl.stop(service);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + service, e);
        }
    }
}
