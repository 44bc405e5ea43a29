package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.cli.AuditCliSupport.Result;
import io.slipway.core.common.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit evidence} on the published sample release, and {@code audit verify --evidence} offline. */
class AuditEvidenceCliTest {
    @TempDir
    static Path shared;
    static AuditCliSupport cli;
    static Path ws;
    static Path evidence;
    static String key;

    @TempDir
    Path tmp;

    @BeforeAll
    static void publishAndWriteEvidence() throws Exception {
        cli = new AuditCliSupport(shared);
        ws = shared.resolve("ws");
        Path sbom = shared.resolve("sbom");
        assertThat(cli.runSample(ws, "sbom", "generate", "sample/release-set", "--out", sbom.toString()).code())
                .isZero();
        Result pub = cli.run(ws, "sbom", "publish", sbom.resolve("sbom-index.spdx.json").toString(), "--out",
                shared.resolve("published").toString(), "--reason", "customer drop 2026-12");
        assertThat(pub.code()).as(pub.err()).isZero();
        evidence = shared.resolve("evidence");
        Result r = cli.run(ws, "audit", "evidence", "adas-stack@2.4.0", "--out", evidence.toString(),
                "--passphrase-file", cli.passphraseFile().toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("evidence for adas-stack 2.4.0 written to " + evidence);
        key = r.out().replaceAll("(?s).*signed by key (SHA256:[0-9a-f]+).*", "$1");
    }

    Path copy() throws Exception {
        Path c = tmp.resolve("evidence-copy");
        try (var s = Files.walk(evidence)) {
            for (Path p : s.toList()) {
                Path d = c.resolve(evidence.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d);
                }
            }
        }
        return c;
    }

    Result verify(Path dir) {
        return cli.run(tmp.resolve("auditor"), "audit", "verify", "--evidence", dir.toString());
    }

    @Test
    void thePackHoldsTheReleaseItsEventsAndWhereItRuns() throws Exception {
        assertThat(evidence.resolve("sbom/sbom-index.spdx.json")).exists();
        try (var s = Files.walk(evidence.resolve("sbom"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".spdx.json")).count()).isEqualTo(12); // index + 11
        }
        JsonNode release = Json.MAPPER.readTree(evidence.resolve("release.json").toFile());
        assertThat(release.path("release").asText()).isEqualTo("adas-stack 2.4.0");
        assertThat(release.path("reason").asText()).isEqualTo("customer drop 2026-12");
        assertThat(release.path("gate").asText()).isEqualTo("PASS");
        assertThat(release.path("plan")).hasSize(11);

        JsonNode deployments = Json.MAPPER.readTree(evidence.resolve("deployments.json").toFile());
        JsonNode node1 = deployments.path("nodes").get(0);
        assertThat(node1.path("node").asText()).isEqualTo("build-node-01");
        assertThat(node1.path("software").findValuesAsText("software"))
                .containsExactly("hmi-app", "perception-core", "planning-service");
        JsonNode perception = node1.path("software").get(1);
        assertThat(perception.path("installedVersion").asText()).isEqualTo("2.3.1");
        assertThat(perception.path("matchesRelease").asBoolean()).isFalse();
        assertThat(perception.path("deploys").get(0).path("nodeState").asText()).isEqualTo("DONE");

        String events = Files.readString(evidence.resolve("audit-events.jsonl"));
        assertThat(events).contains("\"action\":\"sbom.generated\"", "\"action\":\"sbom.published\"");
        assertThat(events).doesNotContain("\"action\":\"workspace.created\"");
        assertThat(Files.readString(evidence.resolve("SHA256SUMS"))).contains("  release.json\n",
                "  audit-events.jsonl\n", "  sbom/sbom-index.spdx.json\n");
        assertThat(cli.run(ws, "audit", "log", "--limit", "1").out()).contains("audit.evidence-written");
    }

    @Test
    void itVerifiesOnAnotherMachine() throws Exception {
        Result v = cli.run(tmp.resolve("auditor"), "audit", "verify", "--evidence", copy().toString(), "--key", key);
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("intact: 16 files checked", "signed by key " + key);
        assertThat(tmp.resolve("auditor")).doesNotExist();
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path c = copy();
        Files.delete(c.resolve("deployments.json"));
        Result v = verify(c);
        assertThat(v.code()).isEqualTo(3);
        assertThat(v.err()).isEqualTo("slipway: NOT VERIFIED: The evidence file deployments.json listed in SHA256SUMS "
                + "is missing from " + c + ".\n");
    }

    @Test
    void anExtraFileIsNamed() throws Exception {
        Path c = copy();
        Files.writeString(c.resolve("sbom/notes.txt"), "added later");
        Result v = verify(c);
        assertThat(v.code()).isEqualTo(3);
        assertThat(v.err()).contains("has an extra file sbom/notes.txt that SHA256SUMS does not list");
    }

    @Test
    void aChangedFileAndAChangedListAreCaught() throws Exception {
        Path c = copy();
        Files.writeString(c.resolve("release.json"), "{}");
        assertThat(verify(c).err()).contains("The evidence file release.json was changed");
        Path d = tmp.resolve("second");
        Files.move(c, d);
        List<String> sums = AuditCliSupport.lines(d.resolve("SHA256SUMS"));
        sums.remove(0);
        AuditCliSupport.writeLines(d.resolve("SHA256SUMS"), sums);
        Result v = verify(d);
        assertThat(v.code()).isEqualTo(3);
        assertThat(v.err()).contains("SHA256SUMS changed after it was signed");
    }

    @Test
    void aReleaseNeverPublishedIsBadInput() {
        Result r = cli.run(ws, "audit", "evidence", "adas-stack@9.9", "--out", tmp.resolve("x").toString(),
                "--passphrase-file", shared.resolve("passphrase.txt").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("No published release 'adas-stack@9.9' in the audit trail");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
