package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway nodes …} and {@code slipway deploy …} as a user runs them: a real process, real nodes, exit codes. */
class DeployCliIT {
    @TempDir
    Path tmp;

    record Run(int code, String out) {
    }

    private Run slipway(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.slipway.Main", "--workspace",
                tmp.resolve("ws").toString(), "--no-sample"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("SLIPWAY_REGISTRY_PASSWORD");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void nodesAndDeployFromTheCommandLine() throws Exception {
        for (String endpoint : TestEnvironment.nodes()) {
            Run add = slipway(Map.of(), "nodes", "add", DeploySupport.nodeName(endpoint), endpoint, "--group", "lab",
                    "--label", "rack=1", "--notes", "test node");
            assertThat(add.code()).as(add.out()).isZero();
        }
        Run refresh = slipway(Map.of(), "nodes", "refresh");
        assertThat(refresh.code()).as(refresh.out()).isZero();
        assertThat(refresh.out()).contains("3 of 3 node(s) reachable").contains("podman").contains("docker");
        Run list = slipway(Map.of(), "nodes", "list", "--group", "lab");
        assertThat(list.out().lines().filter(l -> l.contains("REACHABLE"))).hasSize(3);

        String software = DeploySupport.uniqueSoftware("cli");
        DeployFixtures.publish(software, "1.2.3", DeployFixtures.Variant.NORMAL);
        String password = TestEnvironment.registryPassword();
        String[] deploy = {"deploy", "--software", software, "--version", "1.2.3", "--group", "lab", "--parallel", "3",
            "--registry-url", "https://" + TestEnvironment.registry(), "--registry-user", TestEnvironment.registryUser(),
            "--registry-ca", TestEnvironment.registryCa().toString()};

        Run first = slipway(Map.of("SLIPWAY_REGISTRY_PASSWORD", password), deploy);
        assertThat(first.code()).as(first.out()).isZero();
        assertThat(first.out()).contains("summary: 3 done, 0 skipped, 0 failed, 0 denied, 0 aborted of 3 node(s)")
                .contains("SUCCEEDED");
        for (String step : new String[] {"check version", "access request", "pull build environment",
            "start environment", "fetch package", "toolchain + compile", "software image", "push", "record",
            "clean up"}) {
            assertThat(first.out()).as(step).contains(" " + step);
        }

        Run second = slipway(Map.of("SLIPWAY_REGISTRY_PASSWORD", password), deploy);
        assertThat(second.code()).as(second.out()).isZero();
        assertThat(second.out()).contains("summary: 0 done, 3 skipped");

        Run denied = slipway(Map.of("SLIPWAY_REGISTRY_PASSWORD", password + "-wrong"), withForce(deploy));
        assertThat(denied.code()).as(denied.out()).isEqualTo(1);
        assertThat(denied.out()).contains("0 done, 0 skipped, 0 failed, 3 denied").contains("401");

        Run noPassword = slipway(Map.of(), deploy);
        assertThat(noPassword.code()).isEqualTo(1);
        assertThat(noPassword.out()).contains("SLIPWAY_REGISTRY_PASSWORD").doesNotContain("Exception");

        // the password appears nowhere: not in any output, not in the workspace files
        for (Run r : List.of(first, second, denied)) {
            assertThat(r.out()).doesNotContain(password);
        }
        try (Stream<Path> files = Files.walk(tmp.resolve("ws"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(password);
            }
        }
    }

    private static String[] withForce(String[] args) {
        String[] out = new String[args.length + 1];
        System.arraycopy(args, 0, out, 0, args.length);
        out[args.length] = "--force";
        return out;
    }
}
