package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.cli.AuditCliSupport.Result;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --reason}, {@code audit export} and {@code audit verify --file}, through the real command line. */
class AuditExportCliTest {
    @TempDir
    Path tmp;
    AuditCliSupport cli;
    Path ws;
    Path other;

    @BeforeEach
    void workspaceWithEvents() throws Exception {
        cli = new AuditCliSupport(tmp);
        ws = tmp.resolve("ws");
        other = tmp.resolve("auditor-laptop");
        assertThat(cli.run(ws, "nodes", "add", "n1", "tcp://127.0.0.1:1", "--reason", "new HIL bench, OPS-7").code())
                .isZero();
        assertThat(cli.run(ws, "nodes", "add", "n2", "tcp://127.0.0.1:2").code()).isZero();
        assertThat(cli.run(ws, "nodes", "edit", "n1", "--notes", "rack \"B\", shelf 2", "--reason", "moved").code())
                .isZero();
        assertThat(cli.run(ws, "nodes", "remove", "n2", "--reason", "decommissioned").code()).isZero();
    }

    Result export(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "export", "--passphrase-file",
                cli.passphraseFile().toString()));
        args.addAll(List.of(more));
        return cli.run(ws, args.toArray(String[]::new));
    }

    @Test
    void theReasonAndWhoAreStoredAndShown() {
        Result log = cli.run(ws, "audit", "log");
        assertThat(log.out()).contains("node.added", "reason: new HIL bench, OPS-7", "reason: decommissioned",
                System.getProperty("user.name") + "@");
    }

    @Test
    void aSignedJsonlExportVerifiesWithoutTheWorkspace() throws Exception {
        Path file = tmp.resolve("out/audit.jsonl");
        Result r = export("--out", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("exported 6 events to " + file, "signed: " + file + ".sig (key SHA256:");
        String key = cli.run(ws, "audit", "key").out().replaceAll(".*(SHA256:[0-9a-f]+).*\\s*", "$1");

        Result v = cli.run(other, "audit", "verify", "--file", file.toString(), "--key", key);
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("intact: 6 events verified against chain head 6", "signed by key " + key);
        assertThat(other).doesNotExist(); // verifying a file opens no workspace
    }

    @Test
    void aFilteredExportCarriesTheLinksOfWhatItLeftOut() throws Exception {
        Path file = tmp.resolve("reasons.jsonl");
        assertThat(export("--out", file.toString(), "--action", "node.edited").code()).isZero();
        List<String> lines = AuditCliSupport.lines(file);
        assertThat(lines).hasSize(5); // header, gap 1..3, event 4, gap 5..6 (signing key created), end
        assertThat(lines.get(1)).contains("\"record\":\"gap\"", "\"fromSeq\":1", "\"toSeq\":3");
        assertThat(lines.get(2)).contains("\"action\":\"node.edited\"", "\"reason\":\"moved\"");

        Result v = cli.run(other, "audit", "verify", "--file", file.toString());
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("1 events verified against chain head 6", "5 left out by the filter");
    }

    @Test
    void csvOpensInSpreadsheetsWithQuotingAndABom() throws Exception {
        Path file = tmp.resolve("audit.csv");
        assertThat(export("--out", file.toString(), "--format", "csv", "--bom", "--unsigned").code()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.read(); // the BOM
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
            assertThat(rows).hasSize(5); // unsigned: no signing key was created
            CSVRecord added = rows.get(1);
            assertThat(added.get("reason")).isEqualTo("new HIL bench, OPS-7");
            assertThat(added.get("details")).startsWith("{\"endpoint\":\"tcp://127.0.0.1:1\"");
            assertThat(added.get("hash")).hasSize(64);
        }
        String raw = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(raw).contains(",\"new HIL bench, OPS-7\",\"{\"\"endpoint\"\":");
    }

    @Test
    void theHtmlReportIsSelfContained() throws Exception {
        Path file = tmp.resolve("audit.html");
        Result r = export("--out", file.toString(), "--format", "html");
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(file);
        assertThat(html).contains("Chain head", "event 6", "<span class=\"ok\">intact</span>: 6 events",
                "node.added (2)", "decommissioned", "<style>");
        assertThat(html).doesNotContain("<script", "<link", "http://", "https://", "@import", "url(");
        assertThat(html).containsPattern("<h2>\\d{4}-\\d{2}-\\d{2} \\(6 events\\)</h2>");
        Result v = cli.run(other, "audit", "verify", "--file", file.toString());
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("unchanged since it was signed by key SHA256:");
    }

    @Test
    void sinceUntilAndSubjectChooseEvents() throws Exception {
        Path file = tmp.resolve("n1.jsonl");
        assertThat(export("--out", file.toString(), "--unsigned", "--subject", "n1", "--since", "2000-01-01",
                "--until", "2999-01-01T00:00").code()).isZero();
        assertThat(Files.readString(file)).contains("\"subject\":\"n1\"").doesNotContain("\"subject\":\"n2\"");
        assertThat(cli.run(other, "audit", "verify", "--file", file.toString()).out())
                .contains("2 events verified", "NOT signed");
        Result bad = export("--out", file.toString(), "--since", "yesterday");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("--since 'yesterday' is not a time");
    }
}
