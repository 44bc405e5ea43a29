package io.slipway.it;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;

import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.DeployRecord;
import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeployState;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.deploy.NodeDeployRecord;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import io.slipway.core.deploy.StepRecord;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineTimeouts;
import io.slipway.core.engine.SlipwayLabels;
import io.slipway.core.engine.TransferProgress;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.ProbeResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.InstanceOfAssertFactories;
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

            // 1. full deploy; while each environment runs, look at its transfer port on the engine itself
            AtomicReference<String> uid = new AtomicReference<>();
            Map<String, List<String>> published = new ConcurrentHashMap<>();
            Map<String, List<TransferProgress>> envPull = new ConcurrentHashMap<>();
            DeploySummary first = s.deploy(request, s.registry(), e -> {
                if (e instanceof DeployListener.TransferProgressed p && p.step() == NodeDeployState.PULLING_ENV) {
                    envPull.computeIfAbsent(p.node(), k -> new CopyOnWriteArrayList<>()).add(p.progress());
                } else if (e instanceof DeployListener.DeployStarted d) {
                    uid.set(d.uid());
                } else if (e instanceof DeployListener.StepFinished f && f.step() == NodeDeployState.STARTING_ENV) {
                    String endpoint = nodes.stream().filter(n -> n.name().equals(f.node())).findFirst().orElseThrow()
                            .endpoint();
                    published.put(f.node(), transferPortBindings(endpoint, uid.get()));
                }
            });
            assertThat(first.state()).as(DeploySupport.describe(first)).isEqualTo(DeployState.SUCCEEDED);
            assertThat(first.nodes()).allSatisfy(o -> {
                assertThat(o.state()).isEqualTo(NodeDeployState.DONE);
                assertThat(o.envImage()).isEqualTo(fx.envImage());
                assertThat(o.envDigest()).startsWith("sha256:");
                assertThat(o.softwareDigest()).startsWith("sha256:");
            });
            RegistryHttp registry = new RegistryHttp();
            // pull progress counts bytes on every engine: podman reports only layer states, the manifest's sizes
            // (read before the pull) make them bytes; the total is the manifest's layer-size sum everywhere
            long envLayerBytes = 0;
            for (JsonNode l : registry.manifest("slipway/buildenv/" + software, "1.0.0").orElseThrow().body()
                    .path("layers")) {
                envLayerBytes += l.path("size").asLong();
            }
            for (Node n : nodes) {
                List<TransferProgress> pulled = envPull.get(n.name());
                assertThat(pulled).as("env pull progress on %s (%s)", n.name(), n.groups()).isNotEmpty();
                long expected = envLayerBytes;
                assertThat(pulled).allSatisfy(p -> assertThat(p.bytesTotal()).isEqualTo(expected));
                assertThat(pulled.get(pulled.size() - 1).bytesDone()).isEqualTo(expected);
            }
            assertThat(nodes).filteredOn(n -> n.inGroup("podman")).hasSize(2);
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
                // the transfer port was published on every node kind, on loopback only, and the step says where
                assertThat(published.get(n.node())).as("transfer port bindings on %s", n.node())
                        .singleElement(as(InstanceOfAssertFactories.STRING)).matches("127\\.0\\.0\\.1:\\d+");
                assertThat(steps.get(3).detail()).contains("transfer port 8080/tcp -> " + published.get(n.node()).get(0));
                assertThat(s.core.deploys().buildLog(first.deployId(), n.node())).hasValueSatisfying(l ->
                        assertThat(l).contains("toolchain installed: mkmanifest", "building " + software + " 1.0.0",
                                "build done:"));
            }
            assertThat(s.events).filteredOn(e -> e instanceof DeployListener.LogLine).isNotEmpty();
            assertThat(s.events).filteredOn(e -> e instanceof DeployListener.TransferProgressed).isNotEmpty();
            assertThat(s.core.audit().latest(200)).extracting(e -> e.action())
                    .contains("deploy.started", "deploy.access", "deploy.node.built", "deploy.finished");
            // each node records the decisions it acted on; the registry was asked each question once per deploy
            // (env pull, software push, package pull), not once per node
            assertThat(s.core.audit().latest(200)).filteredOn(e -> e.action().equals("deploy.access")).hasSize(9);
            assertThat(s.core.audit().latest(200)).filteredOn(e -> e.action().equals("registry.access")).hasSize(3);
            // the record step stored the installed version (before any probe) ...
            assertThat(s.core.inventory().all()).allSatisfy(n -> assertThat(n.installed())
                    .as("installed on %s", n.name()).containsEntry(software, "1.0.0"));
            // ... and the probe reads it back from the image labels
            List<ProbeResult> probes = s.core.inventory().refresh(nodes, s.pool, Duration.ofSeconds(10),
                    r -> { }).get();
            assertThat(probes).allSatisfy(p -> assertThat(p.facts().installed()).containsEntry(software, "1.0.0"));
            // nothing left behind on the nodes
            for (Node n : nodes) {
                try (EngineClient engine = EngineClient.connect(n.engineEndpoint(), EngineTimeouts.PROBE)) {
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

            // 4. and after the forced rebuild, the node is at 1.0.0 again: skipped, with the new digest
            DeploySummary after = s.deploy(request);
            assertThat(after.nodes()).as(DeploySupport.describe(after)).allSatisfy(o -> {
                assertThat(o.state()).isEqualTo(NodeDeployState.SKIPPED);
                assertThat(o.softwareDigest()).isEqualTo(forced.nodes().stream()
                        .filter(f -> f.node().equals(o.node())).findFirst().orElseThrow().softwareDigest());
            });
        }
    }

    /** Host bindings ({@code ip:port}) of 8080/tcp of the running build-environment container of deploy {@code uid}. */
    private static List<String> transferPortBindings(String endpoint, String uid) {
        try (DockerClient docker = TestEnvironment.docker(endpoint)) {
            Container env = docker.listContainersCmd().withLabelFilter(Map.of(SlipwayLabels.DEPLOY_ID, uid)).exec()
                    .stream().filter(c -> SlipwayLabels.ROLE_BUILD_ENV.equals(c.getLabels().get(SlipwayLabels.ROLE)))
                    .findFirst().orElseThrow(() -> new AssertionError("no running environment of " + uid + " on "
                            + endpoint));
            Ports.Binding[] bindings = docker.inspectContainerCmd(env.getId()).exec().getNetworkSettings().getPorts()
                    .getBindings().get(ExposedPort.tcp(8080));
            return bindings == null ? List.of() : Arrays.stream(bindings)
                    .map(b -> b.getHostIp() + ":" + b.getHostPortSpec()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void wrongPasswordIsDeniedOnEveryNodeAndNothingIsPulled() throws Exception {
        String software = DeploySupport.uniqueSoftware("denied");
        DeployFixtures.Published fx = DeployFixtures.publish(software, "2.0", DeployFixtures.Variant.NORMAL);
        try (DeploySupport s = new DeploySupport(workspace)) {
            DeploySummary sum = s.deploy(DeployRequest.of(software, "2.0", s.nodes()).withParallelism(3),
                    s.wrongPasswordRegistry(), e -> { });
            assertThat(sum.state()).as(DeploySupport.describe(sum)).isEqualTo(DeployState.FAILED);
            assertThat(sum.nodes()).allSatisfy(o -> {
                assertThat(o.state()).isEqualTo(NodeDeployState.DENIED);
                assertThat(o.failedStep()).isEqualTo(NodeDeployState.REQUESTING_ACCESS);
                assertThat(o.detail()).contains("access denied", "401");
                assertThat(o.retryable()).isFalse();
            });
            for (Node n : s.nodes()) {
                try (EngineClient engine = EngineClient.connect(n.engineEndpoint(), EngineTimeouts.PROBE)) {
                    assertThat(engine.inspectImage(fx.envImage())).as("env image on %s", n.name()).isEmpty();
                    assertThat(engine.inspectImage(fx.packageImage())).as("package image on %s", n.name()).isEmpty();
                }
                assertThat(s.core.deploys().steps(sum.deployId(), n.name())).extracting(StepRecord::step)
                        .containsExactly("CHECKING_VERSION", "REQUESTING_ACCESS");
            }
            assertThat(s.core.audit().latest(50)).filteredOn(e -> e.action().equals("deploy.access"))
                    .hasSize(3).allSatisfy(e -> assertThat(e.detailsJson()).contains("\"approved\":false"));
        }
    }

    @Test
    void environmentImageMissingALabelFailsNamingTheLabel() throws Exception {
        String software = DeploySupport.uniqueSoftware("nolabel");
        DeployFixtures.publish(software, "1.1",
                DeployFixtures.Variant.NORMAL.withoutLabel(SlipwayLabels.ENV_BUILD_COMMAND));
        try (DeploySupport s = new DeploySupport(workspace)) {
            DeploySummary sum = s.deploy(DeployRequest.of(software, "1.1", s.nodes()).withParallelism(3));
            assertThat(sum.state()).isEqualTo(DeployState.FAILED);
            assertThat(sum.nodes()).allSatisfy(o -> {
                assertThat(o.state()).isEqualTo(NodeDeployState.FAILED);
                assertThat(o.failedStep()).isEqualTo(NodeDeployState.PULLING_ENV);
                assertThat(o.detail()).contains("label " + SlipwayLabels.ENV_BUILD_COMMAND + " is missing");
                assertThat(o.retryable()).isFalse();
            });
        }
    }

    @Test
    void failingBuildCommandFailsWithTheLogTail() throws Exception {
        String software = DeploySupport.uniqueSoftware("broken");
        DeployFixtures.publish(software, "0.9", DeployFixtures.Variant.NORMAL.failingWith(3));
        try (DeploySupport s = new DeploySupport(workspace)) {
            DeploySummary sum = s.deploy(DeployRequest.of(software, "0.9", s.nodes()).withParallelism(3)
                    .withKeepFailedContainers(false));
            assertThat(sum.state()).isEqualTo(DeployState.FAILED);
            assertThat(sum.nodes()).allSatisfy(o -> {
                assertThat(o.state()).isEqualTo(NodeDeployState.FAILED);
                assertThat(o.failedStep()).isEqualTo(NodeDeployState.BUILDING);
                assertThat(o.detail()).contains("build command exited with 3", "libfoo-dev is missing");
                assertThat(o.logTail()).anySatisfy(l -> assertThat(l).contains("libfoo-dev is missing"));
            });
            for (Node n : s.nodes()) {
                assertThat(s.core.deploys().buildLog(sum.deployId(), n.name())).hasValueSatisfying(l ->
                        assertThat(l).contains("toolchain installed", "libfoo-dev is missing"));
                try (EngineClient engine = EngineClient.connect(n.engineEndpoint(), EngineTimeouts.PROBE)) {
                    assertThat(engine.containersLabelled(SlipwayLabels.DEPLOY_ID, sum.uid())).as(n.name()).isEmpty();
                }
            }
        }
    }
}
