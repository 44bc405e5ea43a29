package io.slipway.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.testsupport.XvfbDisplay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, as a new user runs it: a fresh clone of this commit, `bash scripts/run.sh` (which
 * installs what is missing, builds and starts), under Xvfb, closing itself after its first frame. The second start
 * maps the AppCDS archive the first one wrote.
 */
class RunCommandIT {
    @TempDir
    Path tmp;

    @Test
    void theReadmeRunCommandBuildsAndOpensTheConsoleInAFreshClone() throws Exception {
        Path clone = tmp.resolve("clone");
        assertThat(run(List.of("git", "clone", "-q", "--no-local", Path.of("").toAbsolutePath().toString(),
                clone.toString()), Path.of("").toAbsolutePath(), null, 120).code()).isZero();
        try (XvfbDisplay x = XvfbDisplay.start(130)) {
            Result first = run(List.of("bash", "scripts/run.sh", "--workspace", tmp.resolve("ws").toString()), clone,
                    x.display(), 900);
            assertThat(first.code()).as(first.output()).isZero();
            assertThat(first.output()).containsPattern("first-frame-ms=\\d+");
            assertThat(clone.resolve("target/slipway.jsa")).as("the first start wrote the class archive").exists();

            Result second = run(List.of("bash", "scripts/run.sh", "--workspace", tmp.resolve("ws").toString()), clone,
                    x.display(), 300);
            assertThat(second.code()).as(second.output()).isZero();
            assertThat(second.output()).containsPattern("first-frame-ms=\\d+");
        }
    }

    record Result(int code, String output) {
    }

    private static Result run(List<String> cmd, Path dir, String display, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("SLIPWAY_EXIT_AFTER_FIRST_FRAME", "1");
        pb.environment().remove("SLIPWAY_BUILD_DIR");
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        Path log = Files.createTempFile("run-command", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("finished within " + timeoutSeconds + " s").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(p.exitValue(), out);
    }
}
