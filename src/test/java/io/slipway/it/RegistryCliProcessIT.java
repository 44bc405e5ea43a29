package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.testsupport.SecretScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI as a user runs it: passphrase from {@code $SLIPWAY_PASSPHRASE}, password on stdin, logging at
 * TRACE. The password appears in no output, no log line and no workspace file.
 */
class RegistryCliProcessIT {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    Result slipway(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getenv().getOrDefault("SLIPWAY_JAR", "target/slipway.jar")).toAbsolutePath();
        assertThat(jar).as("mvn package ran before the integration tests").exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--workspace", tmp.resolve("ws").toString(), "--no-sample"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SLIPWAY_PASSPHRASE");
        pb.environment().put("SLIPWAY_LOG_LEVEL", "TRACE");
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    @Test
    void passphraseFromTheEnvironmentAndNoPasswordInOutputLogsOrFiles() throws Exception {
        String password = TestEnvironment.registryPassword();
        Map<String, String> env = Map.of("SLIPWAY_PASSPHRASE", "process it passphrase");
        List<Result> all = new ArrayList<>();

        Result add = slipway(password + "\n", env, "registry", "add", "ci", "--url",
                "https://" + TestEnvironment.registry(), "--ca", TestEnvironment.registryCa().toString(),
                "--username", TestEnvironment.registryUser(), "--password-stdin");
        all.add(add);
        assertThat(add.code()).as(add.err()).isZero();

        Result login = slipway("", env, "registry", "login", "ci");
        all.add(login);
        assertThat(login.code()).as(login.err()).isZero();
        assertThat(login.out()).contains("Login succeeded");
        // TRACE logging is on: the client's request lines are there, the password is not
        assertThat(login.err()).contains("GET https://" + TestEnvironment.registry() + "/v2/ -> 200");

        Result tags = slipway("", env, "registry", "ls", "ci", RegistryAccessIT.baseRepo());
        all.add(tags);
        assertThat(tags.code()).as(tags.err()).isZero();
        assertThat(tags.out()).contains("sha256:", "labels: io.slipway.testenv=base");

        Result wrong = slipway("", Map.of("SLIPWAY_PASSPHRASE", "not the passphrase"), "registry", "login", "ci");
        all.add(wrong);
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err().lines().filter(l -> l.startsWith("slipway: ")).toList()).singleElement().asString()
                .startsWith("slipway: Wrong workspace passphrase");

        Result none = slipway("", Map.of(), "registry", "login", "ci");
        all.add(none);
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("set $SLIPWAY_PASSPHRASE");

        for (Result r : all) {
            assertThat(r.out() + r.err()).doesNotContain(password);
        }
        SecretScan.assertAbsentFromFiles(tmp.resolve("ws"), password);
    }
}
