package io.slipway.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the jpackage app-image with the documented command and runs the packaged launcher. */
class AppImageIT {
    @TempDir
    Path tmp;

    @Test
    void packagedAppImageRunsVersionAndOpensAWorkspace() throws Exception {
        Path jar = Path.of(System.getenv().getOrDefault("SLIPWAY_JAR", "target/slipway.jar")).toAbsolutePath();
        assertThat(jar).as("mvn package ran before the integration tests").exists();
        Path out = tmp.resolve("jpackage");
        Result build = run(List.of("bash", "packaging/jpackage/build.sh", "app-image", out.toString()),
                jar.getParent(), 300);
        assertThat(build.code()).as(build.output()).isZero();

        Path launcher = out.resolve("Slipway/bin/Slipway");
        assertThat(launcher).isExecutable();
        String version = Files.readString(jar.getParent().resolve("classes/slipway-version.properties"))
                .replaceAll("(?s).*version=([^\\s]+).*", "$1");
        Result v = run(List.of(launcher.toString(), "--version"), jar.getParent(), 60);
        assertThat(v.code()).isZero();
        assertThat(v.output()).isEqualTo("slipway " + version + "\n");

        // The trimmed runtime still has what H2, Flyway and Jackson need.
        Result info = run(List.of(launcher.toString(), "--workspace", tmp.resolve("ws").toString(), "workspace", "info"),
                jar.getParent(), 60);
        assertThat(info.code()).as(info.output()).isZero();
        assertThat(info.output()).contains("nodes: 4, components: 11");
    }

    record Result(int code, String output) {
    }

    private static Result run(List<String> command, Path buildDir, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SLIPWAY_BUILD_DIR", buildDir.toString());
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("finished within " + timeoutSeconds + " s").isTrue();
        return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
