package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.common.SlipwayVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private final List<Path> consoleOpenedOn = new ArrayList<>();

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(core -> {
            consoleOpenedOn.add(core.workspace().directory());
            return 0;
        }, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void versionAndHelp() {
        assertThat(run("--version")).satisfies(r -> {
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo("slipway " + SlipwayVersion.get() + "\n");
        });
        assertThat(run("--help").out()).contains("--workspace=DIR", "audit", "workspace");
        assertThat(consoleOpenedOn).isEmpty();
    }

    @Test
    void noCommandOpensTheConsoleOnTheChosenWorkspace() {
        Path ws = tmp.resolve("ws");
        assertThat(run("--workspace", ws.toString()).code()).isZero();
        assertThat(consoleOpenedOn).containsExactly(ws);
    }

    @Test
    void unknownOptionIsOneClearLineAndNonZero() {
        Result r = run("--frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("slipway: Unknown option: '--frobnicate'").contains("--help")
                .doesNotContain("Exception");
        assertThat(r.err().lines()).hasSize(2);
    }

    @Test
    void workspaceInfoCountsTheSample() {
        Result r = run("--workspace", tmp.resolve("ws").toString(), "workspace", "info");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("nodes: 4, components: 11, upgrade offers: 1, deploys: 2, audit events: 2");
    }

    @Test
    void auditVerifyReportsIntactThenNamesTheTamperedEvent() throws Exception {
        Path ws = tmp.resolve("ws");
        Result ok = run("--workspace", ws.toString(), "audit", "verify");
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).isEqualTo("audit chain intact: 2 events verified\n");

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + ws.resolve("slipway"), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER audit_event_append_only");
            st.execute("UPDATE audit_event SET who = 'mallory' WHERE seq = 2");
        }
        Result broken = run("--workspace", ws.toString(), "audit", "verify");
        assertThat(broken.code()).isEqualTo(AuditCommand.CHAIN_BROKEN);
        assertThat(broken.err()).startsWith("audit chain BROKEN at event 2:");
        assertThat(run("--workspace", ws.toString(), "audit", "log").out()).contains("mallory", "workspace.created");
    }

    @Test
    void badWorkspaceInputsGiveOneLineNamingThePath() throws Exception {
        Path corrupt = Files.createDirectories(tmp.resolve("corrupt"));
        Files.writeString(corrupt.resolve("slipway.mv.db"), "garbage".repeat(100));
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        for (String[] args : List.of(
                new String[] {"--workspace", corrupt.toString(), "workspace", "info"},
                new String[] {"--workspace", file.resolve("sub").toString(), "workspace", "info"},
                new String[] {"--workspace", tmp.resolve("new").toString(), "--sample", tmp.resolve("none").toString(),
                    "workspace", "info"})) {
            Result r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Cli.BAD_INPUT);
            assertThat(r.err()).startsWith("slipway: ").doesNotContain("\tat ").hasLineCount(1);
        }
        assertThat(Files.readString(corrupt.resolve("slipway.mv.db"))).isEqualTo("garbage".repeat(100));
        assertThat(tmp.resolve("new")).doesNotExist();
    }

    @Test
    void workspaceInitImportsASampleFolder() {
        Result r = run("--workspace", tmp.resolve("ws").toString(), "--no-sample", "workspace", "init", "--from", "sample");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("imported 4 nodes, 1 upgrade offer(s), 2 deploys, 11 components");
    }

    @Test
    void nodesAddEditListRemove() {
        String ws = tmp.resolve("ws").toString();
        assertThat(run("--workspace", ws, "--no-sample", "nodes", "add", "n1", "unix:///run/n1.sock", "-g", "lab,x86",
                "-l", "rack=3").out()).isEqualTo("added node n1 (unix:///run/n1.sock)\n");
        Result dup = run("--workspace", ws, "nodes", "add", "n1", "unix:///run/other.sock");
        assertThat(dup.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(dup.err()).isEqualTo("slipway: A node named n1 already exists; edit it, or choose another name.\n");
        Result bad = run("--workspace", ws, "nodes", "add", "n2", "http://x");
        assertThat(bad.err()).startsWith("slipway: Node n2: endpoint http://x must start with unix:// or tcp://");
        assertThat(run("--workspace", ws, "nodes", "edit", "n1", "--name", "node-1", "--endpoint", "tcp://127.0.0.1:2375")
                .code()).isZero();
        String list = run("--workspace", ws, "nodes", "list", "--group", "lab").out();
        assertThat(list).contains("node-1").contains("UNKNOWN").contains("lab,x86");
        assertThat(run("--workspace", ws, "nodes", "remove", "node-1").out()).isEqualTo("removed node node-1\n");
        assertThat(run("--workspace", ws, "nodes", "remove", "node-1").code()).isEqualTo(Cli.BAD_INPUT);
    }

    @Test
    void deployNeedsARegistryAndTargetsWithOneLineErrors() {
        String ws = tmp.resolve("ws").toString();
        run("--workspace", ws, "--no-sample", "nodes", "add", "n1", "unix:///run/n1.sock");
        Result noRegistry = run("--workspace", ws, "deploy", "--software", "x", "--version", "1", "--nodes", "n1");
        assertThat(noRegistry.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(noRegistry.err()).startsWith("slipway: deploy needs a registry").hasLineCount(1);
        Result unknown = run("--workspace", ws, "deploy", "--software", "x", "--version", "1", "--nodes", "n1,zz",
                "--registry", "lab");
        assertThat(unknown.err()).isEqualTo("slipway: Unknown node(s): zz (see 'slipway nodes list').\n");
        Result stored = run("--workspace", ws, "deploy", "--software", "x", "--version", "1", "--nodes", "n1",
                "--registry", "lab");
        assertThat(stored.err()).isEqualTo("slipway: No registry named 'lab'; add one with: slipway registry add NAME --url URL.\n");
        Result retry = run("--workspace", ws, "deploy", "--retry", "99", "--registry", "lab");
        assertThat(retry.err()).isEqualTo("slipway: No deploy with id 99.\n");
    }
}
