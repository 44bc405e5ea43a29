package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.Main;
import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Json;
import io.slipway.core.deploy.DeployRecord;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineTimeouts;
import io.slipway.core.engine.SlipwayLabels;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeSpec;
import io.slipway.testsupport.BlackHole;
import io.slipway.testsupport.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy as a user runs it (a real {@code slipway} process against the real nodes and registry), killed or
 * stopped at chosen points: the workspace opens at once, the audit chain holds, nothing stored is lost, the
 * interrupted deploy shows as such and its retry (by id) finishes and leaves no environment container behind.
 * Silent nodes in the batch cost one short deadline each.
 */
class DeployCrashIT {
    private static final Pattern STARTED = Pattern.compile("deploy (\\d+) \\(id ([0-9a-f-]{36})\\)");

    @TempDir
    Path tmp;

    private Path ws() {
        return tmp.resolve("ws");
    }

    private List<Node> addNodes(List<String> silentEndpoints) {
        try (SlipwayCore core = SlipwayCore.open(ws(), Optional.empty())) {
            for (int i = 0; i < silentEndpoints.size(); i++) {
                core.inventory().add(new NodeSpec("a-silent-" + i, silentEndpoints.get(i), null, List.of("mixed"),
                        Map.of(), ""));
            }
            for (String endpoint : TestEnvironment.nodes()) {
                core.inventory().add(new NodeSpec(DeploySupport.nodeName(endpoint), endpoint, null,
                        List.of("mixed", "live"), Map.of(), ""));
            }
            return core.inventory().all();
        }
    }

    private ChildJvm slipway(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--workspace", ws().toString(), "--no-sample"));
        all.addAll(List.of(args));
        return ChildJvm.start(Map.of("SLIPWAY_REGISTRY_PASSWORD", TestEnvironment.registryPassword()), Main.class,
                all.toArray(String[]::new));
    }

    private static String[] deployArgs(String... more) {
        List<String> all = new ArrayList<>(List.of("deploy"));
        all.addAll(List.of(more));
        all.addAll(List.of("--registry-url", "https://" + TestEnvironment.registry(), "--registry-user",
                TestEnvironment.registryUser(), "--registry-ca", TestEnvironment.registryCa().toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void silentNodesInTheBatchCostOneShortDeadlineEach() throws Exception {
        String software = DeploySupport.uniqueSoftware("silent");
        DeployFixtures.publish(software, "1.0", DeployFixtures.Variant.NORMAL);
        try (BlackHole hole = BlackHole.open()) {
            addNodes(List.of(hole.endpoint(), hole.endpoint(), hole.endpoint(), hole.endpoint()));
            long t0 = System.nanoTime();
            try (ChildJvm deploy = slipway(deployArgs("--software", software, "--version", "1.0", "--group", "mixed",
                    "--parallel", "4", "--json"))) {
                assertThat(deploy.await(600)).as(deploy.transcript()).isEqualTo(1);
                double wall = (System.nanoTime() - t0) / 1e9;
                String out = deploy.transcript();
                JsonNode summary = Json.MAPPER.readTree(out.substring(out.lastIndexOf("\n{\"") + 1));
                long slowestLive = 0;
                long slowestSilent = 0;
                for (JsonNode n : summary.get("nodes")) {
                    if (n.get("node").asText().startsWith("a-silent")) {
                        assertThat(n.get("state").asText()).isEqualTo("FAILED");
                        assertThat(n.get("failedStep").asText()).isEqualTo("CHECKING_VERSION");
                        assertThat(n.get("retryable").asBoolean()).isTrue();
                        assertThat(n.get("durationMs").asLong()).as("one short deadline").isLessThan(15_000);
                        slowestSilent = Math.max(slowestSilent, n.get("durationMs").asLong());
                    } else {
                        assertThat(n.get("state").asText()).as(out).isEqualTo("DONE");
                        slowestLive = Math.max(slowestLive, n.get("durationMs").asLong());
                    }
                }
                // the live nodes waited for one short deadline at most (the silent nodes held every slot), then ran
                // as they would alone
                System.out.printf("DEADLINES deploy with 4 silent nodes ahead of 3 live, --parallel 4: %.1f s (process "
                        + "%.1f s); silent nodes failed after %d ms at most; slowest live node %d ms%n",
                        summary.get("durationMs").asLong() / 1000.0, wall, slowestSilent, slowestLive);
                assertThat(summary.get("durationMs").asLong()).as(out).isLessThan(slowestSilent + slowestLive + 5_000);
            }
        }
    }

    @Test
    void sigtermEndsTheDeployWithinSecondsAndTheWorkspaceStaysUsable() throws Exception {
        String software = DeploySupport.uniqueSoftware("term");
        DeployFixtures.publish(software, "1.0", DeployFixtures.Variant.NORMAL.sleeping(300));
        try (BlackHole hole = BlackHole.open()) {
            addNodes(List.of(hole.endpoint()));
            try (ChildJvm deploy = slipway(deployArgs("--software", software, "--version", "1.0", "--group", "mixed",
                    "--parallel", "4"))) {
                deploy.awaitLine("[", 60);
                awaitStep(deploy, "toolchain + compile");
                long t0 = System.nanoTime();
                deploy.process().destroy(); // SIGTERM, as Ctrl-C or a service manager sends
                deploy.await(60);
                double took = (System.nanoTime() - t0) / 1e9;
                System.out.printf("RECOVERY sigterm-mid-build: process ended %.1f s after SIGTERM%n", took);
                assertThat(took).as(deploy.transcript()).isLessThan(10);
            }
            try (SlipwayCore core = SlipwayCore.open(ws(), Optional.empty())) {
                assertThat(core.audit().verify().intact()).isTrue();
                DeployRecord d = core.deploys().all().get(0);
                assertThat(d.state().name()).isIn("ABORTED", "INTERRUPTED");
            }
        }
    }

    @Test
    void kill9MidBuildThenRetryByIdFinishesAndLeavesNoContainer() throws Exception {
        crashAndRetry("build", DeployFixtures.Variant.NORMAL.sleeping(20), "toolchain + compile");
    }

    @Test
    void kill9MidPushThenRetryFinishes() throws Exception {
        crashAndRetry("push", DeployFixtures.Variant.NORMAL.withOutputBytes(96L << 20), "push");
    }

    private void crashAndRetry(String where, DeployFixtures.Variant variant, String step) throws Exception {
        String software = DeploySupport.uniqueSoftware("kill-" + where);
        DeployFixtures.publish(software, "1.0", variant);
        List<Node> nodes = addNodes(List.of());
        long auditBefore;
        try (SlipwayCore core = SlipwayCore.open(ws(), Optional.empty())) {
            auditBefore = core.audit().count();
        }
        String uid;
        try (ChildJvm deploy = slipway(deployArgs("--software", software, "--version", "1.0", "--group", "live",
                "--parallel", "3"))) {
            Matcher m = STARTED.matcher(deploy.awaitLineContaining("(id ", 120));
            assertThat(m.find()).as(deploy.transcript()).isTrue();
            uid = m.group(2);
            awaitStep(deploy, step);
            deploy.kill9();
        }
        long t0 = System.nanoTime();
        try (SlipwayCore core = SlipwayCore.open(ws(), Optional.empty())) {
            assertThat(core.audit().verify().intact()).isTrue();
            double recover = (System.nanoTime() - t0) / 1e9;
            assertThat(core.inventory().all()).as("nothing stored before the kill is lost").isEqualTo(nodes);
            assertThat(core.audit().count()).isGreaterThan(auditBefore);
            DeployRecord d = core.deploys().find(core.deployService().deployNumber(uid)).orElseThrow();
            assertThat(d.state().name()).isEqualTo("INTERRUPTED");
            assertThat(d.nodes()).anySatisfy(n -> assertThat(n.state()).isEqualTo("INTERRUPTED"));
            System.out.printf("RECOVERY kill9-mid-%s: workspace open + audit verified %.2f s after the kill, "
                    + "records lost 0, manual steps 0%n", where, recover);
        }
        try (ChildJvm retry = slipway(deployArgs("--retry", uid))) {
            assertThat(retry.await(600)).as(retry.transcript()).isZero();
            assertThat(retry.transcript()).contains("0 failed");
        }
        for (String endpoint : TestEnvironment.nodes()) {
            try (EngineClient engine = EngineClient.connect(io.slipway.core.engine.EngineEndpoint.of(endpoint),
                    EngineTimeouts.PROBE)) {
                assertThat(engine.containersLabelled(SlipwayLabels.DEPLOY_ID, uid)).as(endpoint).isEmpty();
            }
        }
        try (SlipwayCore core = SlipwayCore.open(ws(), Optional.empty())) {
            assertThat(core.audit().verify().intact()).isTrue();
        }
    }

    /** Waits until some node prints that it entered {@code step} ("[  12.3s] node-x   push"). */
    private static void awaitStep(ChildJvm child, String step) throws InterruptedException {
        long end = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < end) {
            String line = child.awaitLine("[", 300);
            if (line.endsWith(" " + step)) {
                return;
            }
        }
        throw new AssertionError("no node reached " + step + ":\n" + child.transcript());
    }
}
