package io.slipway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs the real command line on a workspace folder, with a passphrase file for signing. */
final class AuditCliSupport {
    record Result(int code, String out, String err) {
    }

    private final Path tmp;

    AuditCliSupport(Path tmp) {
        this.tmp = tmp;
    }

    Path passphraseFile() throws IOException {
        Path p = tmp.resolve("passphrase.txt");
        if (!Files.exists(p)) {
            Files.writeString(p, "correct horse battery\n");
        }
        return p;
    }

    Result run(Path workspace, String... args) {
        return runOn(workspace, false, args);
    }

    /** As {@link #run}, a new workspace seeded with the bundled sample (fleet, deploy history). */
    Result runSample(Path workspace, String... args) {
        return runOn(workspace, true, args);
    }

    private Result runOn(Path workspace, boolean sample, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--workspace", workspace.toString()));
        if (!sample) {
            all.add("--no-sample");
        }
        all.addAll(List.of(args));
        int code = Cli.run(core -> 0, new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** Every file under {@code dir} with its bytes' hash: to show a command changed nothing. */
    static List<String> snapshot(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.add(dir.relativize(p) + " " + java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    static List<String> lines(Path f) throws IOException {
        return new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
    }

    static void writeLines(Path f, List<String> lines) throws IOException {
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
