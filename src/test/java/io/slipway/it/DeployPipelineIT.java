package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.DeployRecord;
import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeployState;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.deploy.NodeDeployRecord;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import io.slipway.core.deploy.StepRecord;
import io.slipway.core.engine.SlipwayLabels;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.ProbeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy pipeline over the three nodes of the test environment (2 podman, 1 dockerd) and the TLS registry. */
class DeployPipelineIT {
    @TempDir
    Path workspace;

    @Test
    void fullDeployThenSkipThenForcedRebuild() throws Exception {
        String software = DeploySupport.uniqueSoftware("hello");
        DeployFixtures.Published fx = DeployFixtures.publish(software, "1.0.0", DeployFixtures.Variant.NORMAL);
        try (DeploySupport s = new DeploySupport(workspace)) {
            List<Node> nodes = s.nodes();
            assertThat(nodes).hasSize(3);
            DeployRequest request = DeployRequest.of(software, "1.0.0", nodes).withParallelism(3);

            // 1. full deploy
            DeploySummary first = s.deploy(request);
            assertThat(first.state()).as(DeploySupport.describe(first)).isEqualTo(DeployState.SUCCEEDED);
            assertThat(first.nodes()).allSatisfy(o -> {
                assertThat(o.state()).isEqualTo(NodeDeployState.DONE);
                assertThat(o.envImage()).isEqualTo(fx.envImage());
                assertThat(o.envDigest()).startsWith("sha256:");
                assertThat(o.softwareDigest()).startsWith("sha256:");
            });
            RegistryHttp registry = new RegistryHttp();
            for (NodeOutcome o : first.nodes()) {
                String tag = "1.0.0-" + o.node();
                RegistryHttp.Manifest m = registry.manifest("slipway/software/" + software, tag).orElseThrow();
                assertThat(m.digest()).as("registry digest of %s", o.node()).isEqualTo(o.softwareDigest());
                assertThat(m.labels()).containsEntry(SlipwayLabels.SOFTWARE, software)
                        .containsEntry(SlipwayLabels.VERSION, "1.0.0")
                        .containsEntry(SlipwayLabels.BUILD_ENV, fx.envImage())
                        .containsEntry(SlipwayLabels.BUILD_ENV_DIGEST, o.envDigest())
                        .containsEntry(SlipwayLabels.DEPLOY_ID, first.uid())
                        .containsEntry(SlipwayLabels.NODE, o.node());
            }
            DeployRecord rec = s.core.deploys().find(first.deployId()).orElseThrow();
            assertThat(rec.state()).isEqualTo(DeployState.SUCCEEDED);
            assertThat(rec.uid()).isEqualTo(first.uid());
            for (NodeDeployRecord n : rec.nodes()) {
                assertThat(n.state()).isEqualTo("DONE");
                assertThat(n.softwareDigest()).isEqualTo(first.nodes().stream()
                        .filter(o -> o.node().equals(n.node())).findFirst().orElseThrow().softwareDigest());
                assertThat(n.envDigest()).startsWith("sha256:");
                assertThat(n.durationMs()).isPositive();
                assertThat(n.engineMs()).isPositive();
                List<StepRecord> steps = s.core.deploys().steps(first.deployId(), n.node());
                assertThat(steps).extracting(StepRecord::step).containsExactly("CHECKING_VERSION", "REQUESTING_ACCESS",
                        "PULLING_ENV", "STARTING_ENV", "FETCHING_PACKAGE", "BUILDING", "CREATING_IMAGE", "PUSHING",
                        "RECORDING", "CLEANING_UP");
                assertThat(steps).allSatisfy(st -> assertThat(st.outcome()).isEqualTo("ok"));
                assertThat(s.core.deploys().buildLog(first.deployId(), n.node())).hasValueSatisfying(l ->
                        assertThat(l).contains("toolchain installed: mkmanifest", "building " + software + " 1.0.0",
                                "build done:"));
            }
            assertThat(s.events).filteredOn(e -> e instanceof DeployListener.LogLine).isNotEmpty();
            assertThat(s.events).filteredOn(e -> e instanceof DeployListener.TransferProgressed).isNotEmpty();
            assertThat(s.core.audit().latest(200)).extracting(e -> e.action())
                    .contains("deploy.started", "deploy.access", "deploy.node.built", "deploy.finished");
            // the probe reads the installed software back from the image labels
            List<ProbeResult> probes = s.core.inventory().refresh(nodes, s.pool, Duration.ofSeconds(10),
                    r -> { }).get();
            assertThat(probes).allSatisfy(p -> assertThat(p.facts().installed()).containsEntry(software, "1.0.0"));
            // nothing left behind on the nodes
            for (Node n : nodes) {
                try (var engine = io.slipway.core.engine.EngineClient.connect(n.engineEndpoint(),
                        io.slipway.core.engine.EngineTimeouts.PROBE)) {
                    assertThat(engine.containersLabelled(SlipwayLabels.DEPLOY_ID, first.uid())).as(n.name()).isEmpty();
                }
            }

            // 2. the same again: every node is at 1.0.0 already
            long t0 = System.nanoTime();
            DeploySummary second = s.deploy(request);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(second.state()).as(DeploySupport.describe(second)).isEqualTo(DeployState.SUCCEEDED);
            assertThat(second.nodes()).allSatisfy(o -> {
                assertThat(o.state()).isEqualTo(NodeDeployState.SKIPPED);
                assertThat(o.detail()).startsWith("already at 1.0.0");
            });
            assertThat(ms).as("skip-only deploy wall time").isLessThan(5000);

            // 3. forced: rebuilt and pushed again on every node
            DeploySummary forced = s.deploy(request.withForced(true));
            assertThat(forced.state()).as(DeploySupport.describe(forced)).isEqualTo(DeployState.SUCCEEDED);
            assertThat(forced.nodes()).allSatisfy(o -> assertThat(o.state()).isEqualTo(NodeDeployState.DONE));
            for (NodeOutcome o : forced.nodes()) {
                RegistryHttp.Manifest m = registry.manifest("slipway/software/" + software, "1.0.0-" + o.node())
                        .orElseThrow();
                assertThat(m.digest()).isEqualTo(o.softwareDigest());
                assertThat(m.labels()).containsEntry(SlipwayLabels.DEPLOY_ID, forced.uid());
            }
        }
    }
}
