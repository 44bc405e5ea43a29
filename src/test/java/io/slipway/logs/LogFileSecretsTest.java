package io.slipway.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.common.LogLocation;
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

/**
 * The rolling log file, written by real Slipway processes at DEBUG: it lands under $XDG_STATE_HOME/slipway/logs
 * (where Help → Open log folder looks), it records what happened, and no password, passphrase or token typed
 * into a command ever reaches it, even when the registry cannot be reached.
 */
class LogFileSecretsTest {
    private static final String PASSWORD = "Pw-7c1f9e-secret";
    private static final String PASSPHRASE = "Pp-41a2d0-passphrase";
    private static final String TOKEN = "Tk-9b3e55-token";

    @TempDir
    Path dir;

    @Test
    void theLogIsWhereUsersLookAndHoldsNoSecret() throws Exception {
        Path state = dir.resolve("state");
        Path passphraseFile = Files.writeString(dir.resolve("passphrase"), PASSPHRASE + "\n");
        String ws = dir.resolve("ws").toString();

        Result add = slipway(state, PASSWORD + "\n", "--workspace", ws, "registry", "add", "lab",
                "--url", "http://127.0.0.1:9", "--insecure-http", "--username", "alice", "--password-stdin",
                "--passphrase-file", passphraseFile.toString());
        assertThat(add.code()).as(add.output()).isZero();
        // a login the registry never answers: the failure is logged, the token typed for it is not
        Result login = slipway(state, TOKEN + "\n", "--workspace", ws, "registry", "login", "lab",
                "--username", "bob", "--password-stdin", "--passphrase-file", passphraseFile.toString());
        assertThat(login.code()).as(login.output()).isNotZero();

        Path logs = LogLocation.resolve(Map.of("XDG_STATE_HOME", state.toString()), "/nonexistent");
        assertThat(logs).isEqualTo(state.resolve("slipway/logs"));
        String logged = readAll(logs);
        assertThat(logged).contains("workspace " + dir.resolve("ws") + " open at schema version");
        assertThat(logged).doesNotContain(PASSWORD, PASSPHRASE, TOKEN);
        assertThat(add.output() + login.output()).doesNotContain(PASSWORD, PASSPHRASE, TOKEN);
    }

    private static String readAll(Path logs) throws IOException {
        assertThat(logs).isDirectory();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertThat(all).as("something was logged").isNotEmpty();
        return all.toString();
    }

    record Result(int code, String output) {
    }

    /** Runs Slipway's main class in a child JVM (this test's class path, the shipped log set-up, its own state home). */
    private static Result slipway(Path stateHome, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.spdx.useJARLicenseInfoOnly=true",
                // the shipped configuration, not the tests' logback-test.xml
                "-Dlogback.configurationFile=" + LogFileSecretsTest.class.getResource("/logback.xml"),
                "io.slipway.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(LogLocation.ENV_VAR);
        pb.environment().put("XDG_STATE_HOME", stateHome.toString());
        pb.environment().put("SLIPWAY_LOG_LEVEL", "DEBUG");
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
