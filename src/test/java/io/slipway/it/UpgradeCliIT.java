package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.core.deploy.DeployRecord;
import io.slipway.core.deploy.DeployState;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineEndpoint;
import io.slipway.core.engine.EngineTimeouts;
import io.slipway.core.engine.SlipwayLabels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway upgrade …} as a user runs it, a real process each time: offers, plan, a run killed mid-build
 * (kill -9) that the next start shows interrupted and {@code upgrade resume} finishes with no environment container
 * left; a canary that fails ends with exit code 5, and {@code upgrade abort} ends the paused run.
 */
class UpgradeCliIT {
    @TempDir
    Path tmp;

    record Run(int code, String out) {
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.slipway.Main", "--workspace",
                tmp.resolve("ws").toString(), "--no-sample"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private ProcessBuilder builder(String... args) {
        ProcessBuilder pb = new ProcessBuilder(command(args)).redirectErrorStream(true);
        pb.environment().put("SLIPWAY_REGISTRY_PASSWORD", TestEnvironment.registryPassword());
        return pb;
    }

    private Run slipway(String... args) throws IOException, InterruptedException {
        Process p = builder(args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static String[] registry(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--registry-url", "https://" + TestEnvironment.registry(), "--registry-user",
                TestEnvironment.registryUser(), "--registry-ca", TestEnvironment.registryCa().toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void offersPlanARunKilledMidBuildResumedAndAPausedRunAborted() throws Exception {
        for (String endpoint : TestEnvironment.nodes()) {
            assertThat(slipway("nodes", "add", DeploySupport.nodeName(endpoint), endpoint, "--group", "lab").code())
                    .isZero();
        }
        String sw = DeploySupport.uniqueSoftware("ucli");
        DeployFixtures.publish(sw, "1.0.0", DeployFixtures.Variant.NORMAL);
        DeployFixtures.publish(sw, "1.1.0", DeployFixtures.Variant.NORMAL.sleeping(8), UpgradeSupport.healthy(sw));
        DeployFixtures.publish(sw, "1.2.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.exitsSoon(sw));
        Run v1 = slipway(registry("deploy", "--software", sw, "--version", "1.0.0", "--group", "lab", "--parallel", "3"));
        assertThat(v1.code()).as(v1.out()).isZero();

        Run add = slipway("upgrade", "offer", "add", "--name", "fleet-1.1", "--set", sw + "=1.1.0", "--set",
                "absent-sw=2.0.0");
        assertThat(add.code()).as(add.out()).isZero();
        Run offers = slipway("upgrade", "offers", "--json");
        assertThat(offers.out()).contains("\"fleet-1.1\"").contains("\"typed\"");
        Run plan = slipway("upgrade", "plan", "fleet-1.1", "--group", "lab");
        assertThat(plan.code()).as(plan.out()).isZero();
        assertThat(plan.out()).contains("3 target(s) on 3 node(s)").contains("1.0.0 → 1.1.0")
                .contains("not installed").contains("wave 1 (canary)");

        // kill -9 while the targets build; the next start marks the run interrupted
        Process run = builder(registry("upgrade", "run", "fleet-1.1", "--group", "lab", "--waves", "100%", "--watch",
                "5s", "--parallel", "3")).start();
        StringBuilder seen = new StringBuilder();
        long runId = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                seen.append(line).append('\n');
                Matcher m = Pattern.compile("upgrade run (\\d+) ").matcher(line);
                if (m.find()) {
                    runId = Long.parseLong(m.group(1));
                }
                if (line.contains("toolchain + compile")) {
                    run.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(runId).as(seen.toString()).isPositive();
        // the killed process left its workspace lock file behind: the next start takes it over
        Run history = slipway("upgrade", "history");
        assertThat(history.out()).as(history.out()).contains("run " + runId + "  interrupted");

        Run resumed = slipway(registry("upgrade", "resume", Long.toString(runId)));
        assertThat(resumed.code()).as(resumed.out()).isZero();
        assertThat(resumed.out()).contains("upgrade succeeded").contains("run healthy (health command) -> committed")
                .contains("summary: upgrade: 3 succeeded, 0 failed · run: 3 healthy");
        List<String> deployUids;
        try (SlipwayCore core = SlipwayCore.open(tmp.resolve("ws"), Optional.empty())) {
            deployUids = core.deploys().all().stream().filter(d -> d.software().equals(sw)).map(DeployRecord::uid)
                    .toList();
            assertThat(core.deploys().all().stream().filter(d -> d.software().equals(sw)))
                    .extracting(DeployRecord::state).contains(DeployState.INTERRUPTED);
        }
        for (String endpoint : TestEnvironment.nodes()) {
            try (EngineClient e = EngineClient.connect(new EngineEndpoint(endpoint, null), EngineTimeouts.PROBE)) {
                assertThat(e.installedSoftware()).containsEntry(sw, "1.1.0");
                // no environment, package or run-check container of any deploy of this software is left, not even
                // of the one killed mid-build (resume removed its leftovers before it ran the node again)
                for (String uid : deployUids) {
                    assertThat(e.containersLabelled(SlipwayLabels.DEPLOY_ID, uid)).as(endpoint + " " + uid).isEmpty();
                }
            }
        }

        // a canary that fails: exit code 5, then abort
        slipway("upgrade", "offer", "add", "--name", "fleet-1.2", "--set", sw + "=1.2.0");
        Run paused = slipway(registry("upgrade", "run", "fleet-1.2", "--nodes", "n1,n2", "--waves", "1,100%", "--watch",
                "5s"));
        assertThat(paused.code()).as(paused.out()).isEqualTo(5);
        assertThat(paused.out()).contains("PAUSED").contains("rolled back").contains("exited with code 3");
        long pausedId = Long.parseLong(Pattern.compile("upgrade run (\\d+) ").matcher(paused.out()).results()
                .findFirst().orElseThrow().group(1));
        Run abort = slipway("upgrade", "abort", Long.toString(pausedId));
        assertThat(abort.code()).as(abort.out()).isZero();
        assertThat(abort.out()).contains("aborted: 1 target(s) aborted");
        Run nodeHistory = slipway("upgrade", "history", "--node", "n1", "--software", sw, "--json");
        assertThat(nodeHistory.code()).isZero();
        assertThat(nodeHistory.out()).contains("\"ROLLED_BACK\"").contains("\"COMMITTED\"");
        Run verify = slipway("audit", "verify");
        assertThat(verify.code()).as(verify.out()).isZero();
    }
}
