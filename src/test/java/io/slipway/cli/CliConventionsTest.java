package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Walks the whole command tree (commands added later are covered without touching this test): every command
 * answers {@code --help} and {@code -h} with its exit codes, and an unknown command or option is a usage error
 * naming it, with {@code --help} after it too.
 */
class CliConventionsTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    Result run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--workspace", tmp.resolve("ws").toString()));
        all.addAll(args);
        int code = Cli.run(core -> 0, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** Each command as the words that name it, e.g. [nodes, list]; the top level is []. */
    static List<List<String>> commandPaths() {
        CommandLine root = Cli.commandLine(core -> 0, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        collect(root, new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, out);
        });
    }

    private static boolean hasSubcommands(List<String> path) {
        return commandPaths().stream().anyMatch(p -> p.size() == path.size() + 1 && p.subList(0, path.size()).equals(path));
    }

    @Test
    void theTreeHoldsEveryDocumentedCommand() {
        List<String> names = commandPaths().stream().map(p -> String.join(" ", p)).toList();
        assertThat(names).contains("", "workspace info", "audit verify", "audit log", "nodes list", "nodes refresh",
                "deploy", "registry ls", "sbom publish");
        assertThat(names.size()).isGreaterThan(20);
    }

    @Test
    void everyCommandAnswersHelpAndHWithItsExitCodes() {
        for (List<String> path : commandPaths()) {
            String qualified = String.join(" ", Stream.concat(Stream.of("slipway"), path.stream()).toList());
            Result help = run(with(path, "--help"));
            assertThat(help.code()).as(qualified + " --help: " + help.err()).isZero();
            assertThat(help.out()).as(qualified + " --help").startsWith("Usage: " + qualified)
                    .contains("Exit codes:", "  0 ", "  1 ", "  2 ", "  3 ", "  4 ", "  5 ");
            assertThat(help.err()).isEmpty();
            Result h = run(with(path, "-h"));
            assertThat(h.code()).as(qualified + " -h").isZero();
            assertThat(h.out()).as(qualified + " -h").isEqualTo(help.out());
        }
        assertThat(tmp.resolve("ws")).as("help opens no workspace").doesNotExist();
    }

    @Test
    void anUnknownCommandIsAUsageErrorNamingItAlsoWithHelpAfterIt() {
        for (List<String> path : commandPaths()) {
            if (!hasSubcommands(path)) {
                continue;
            }
            for (List<String> args : List.of(with(path, "nosuch"), with(path, "nosuch", "--help"),
                    with(path, "nosuch", "thing", "-h"))) {
                Result r = run(args);
                assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
                assertThat(r.err()).as(String.join(" ", args)).contains("Unknown command 'nosuch'")
                        .contains("--help").doesNotContain("Exception");
                assertThat(r.out()).as(String.join(" ", args) + " prints no help").isEmpty();
            }
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingItOnEveryCommand() {
        for (List<String> path : commandPaths()) {
            Result r = run(with(path, "--no-such-option"));
            assertThat(r.code()).as(String.join(" ", path)).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(String.join(" ", path)).contains("'--no-such-option'");
        }
    }

    @Test
    void exitCodesHaveOneMeaningEach() {
        assertThat(ExitCodes.descriptions()).containsOnlyKeys("0", "1", "2", "3", "4", "5", "130");
        assertThat(ExitCodes.descriptions().values()).doesNotHaveDuplicates();
        assertThat(AuditCommand.CHAIN_BROKEN).isEqualTo(3);
        assertThat(SbomCommand.POLICY_FAIL).isEqualTo(4);
    }

    private static List<String> with(List<String> path, String... more) {
        List<String> all = new ArrayList<>(path);
        all.addAll(List.of(more));
        return all;
    }
}
