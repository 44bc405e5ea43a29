package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.cli.AuditCliSupport.Result;
import io.slipway.core.audit.export.DetachedSignature;
import io.slipway.core.audit.export.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of tampering with a signed JSONL export gives one message naming the first problem and exit code 3,
 * and neither the exporting workspace nor the checking one changes.
 */
class AuditTamperCliTest {
    @TempDir
    static Path shared;
    static Path ws;
    static Path original;

    @TempDir
    Path tmp;
    Path file;
    Path checker;
    List<String> wsBefore;

    @BeforeAll
    static void signedExport() throws Exception {
        AuditCliSupport cli = new AuditCliSupport(shared);
        ws = shared.resolve("ws");
        for (int i = 1; i <= 4; i++) {
            assertThat(cli.run(ws, "nodes", "add", "n" + i, "tcp://127.0.0.1:" + i, "--reason", "bench " + i).code())
                    .isZero();
        }
        original = shared.resolve("audit.jsonl");
        Result r = cli.run(ws, "audit", "export", "--out", original.toString(), "--passphrase-file",
                cli.passphraseFile().toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @BeforeEach
    void copyOfTheExport() throws Exception {
        file = tmp.resolve("audit.jsonl");
        Files.copy(original, file);
        Files.copy(DetachedSignature.sigFile(original), DetachedSignature.sigFile(file));
        checker = tmp.resolve("auditor-ws");
        Files.createDirectories(checker);
        Files.writeString(checker.resolve("marker"), "the auditor's own workspace folder");
        wsBefore = AuditCliSupport.snapshot(ws);
    }

    @AfterEach
    void nothingChanged() throws Exception {
        assertThat(AuditCliSupport.snapshot(ws)).isEqualTo(wsBefore);
        assertThat(AuditCliSupport.snapshot(checker)).containsExactly("marker "
                + java.util.Arrays.hashCode("the auditor's own workspace folder".getBytes(StandardCharsets.UTF_8)));
    }

    Result verify() {
        return new AuditCliSupport(tmp).run(checker, "audit", "verify", "--file", file.toString());
    }

    void assertRefused(String... messageParts) {
        Result r = verify();
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).startsWith("slipway: NOT VERIFIED: ").contains(messageParts);
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void theUntouchedCopyVerifies() {
        Result r = verify();
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void oneByteChangedInAnEvent() throws Exception {
        List<String> lines = AuditCliSupport.lines(file);
        lines.set(3, lines.get(3).replace("\"subject\":\"n2\"", "\"subject\":\"n3\""));
        AuditCliSupport.writeLines(file, lines);
        assertRefused("audit.jsonl line 4: event 3 does not hold: its content does not match its hash");
    }

    @Test
    void oneByteChangedInAHash() throws Exception {
        byte[] b = Files.readAllBytes(file);
        String s = new String(b, StandardCharsets.UTF_8);
        int at = s.indexOf("\"hash\":\"", s.indexOf("\"seq\":2")) + 8;
        b[at] = (byte) (b[at] == 'a' ? 'b' : 'a');
        Files.write(file, b);
        assertRefused("event 2 does not hold: its content does not match its hash");
    }

    @Test
    void anEventRemoved() throws Exception {
        List<String> lines = AuditCliSupport.lines(file);
        lines.remove(3);
        AuditCliSupport.writeLines(file, lines);
        assertRefused("line 4: event 3 does not hold: event 3 is missing (event 4 comes next");
    }

    @Test
    void eventsReordered() throws Exception {
        List<String> lines = AuditCliSupport.lines(file);
        Collections.swap(lines, 2, 3);
        AuditCliSupport.writeLines(file, lines);
        assertRefused("line 3: event 2 does not hold: event 2 is missing (event 3 comes next: events were removed "
                + "or reordered)");
    }

    @Test
    void resignedWithAnotherWorkspacesKey() {
        SigningKey otherWorkspace = SigningKey.ephemeral();
        DetachedSignature.sign(file, otherWorkspace);
        assertRefused("is signed by key " + otherWorkspace.fingerprint() + ", but it was exported by the workspace "
                + "with key SHA256:", "(a signature from another workspace)");
    }

    @Test
    void signatureOfAnotherExportPutNextToIt() throws Exception {
        Path elsewhere = tmp.resolve("other.jsonl");
        Files.writeString(elsewhere, "other content\n");
        DetachedSignature.sign(elsewhere, SigningKey.ephemeral());
        Files.copy(DetachedSignature.sigFile(elsewhere), DetachedSignature.sigFile(file),
                StandardCopyOption.REPLACE_EXISTING);
        Files.delete(DetachedSignature.sigFile(elsewhere));
        Files.delete(elsewhere);
        assertRefused("audit.jsonl changed after it was signed");
    }

    @Test
    void signatureRemoved() throws Exception {
        Files.delete(DetachedSignature.sigFile(file));
        assertRefused("The signature " + DetachedSignature.sigFile(file) + " is missing");
    }

    @Test
    void exportFromANewerSlipway() throws Exception {
        List<String> lines = AuditCliSupport.lines(file);
        lines.set(0, lines.get(0).replace("\"formatVersion\":1", "\"formatVersion\":2"));
        AuditCliSupport.writeLines(file, lines);
        assertRefused("was written by a newer Slipway (Slipway ", "export format 2); this Slipway reads format 1");
    }

    @Test
    void truncatedInTheMiddleOfALine() throws Exception {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(b, b.length / 2));
        assertRefused("not valid JSON (the file was cut short or changed)");
    }

    @Test
    void truncatedAtALineEnd() throws Exception {
        List<String> lines = AuditCliSupport.lines(file);
        AuditCliSupport.writeLines(file, lines.subList(0, lines.size() - 2));
        assertRefused("is truncated: it ends after line " + (lines.size() - 2) + " without its end record");
    }

    @Test
    void anEventAddedAfterTheEnd() throws Exception {
        List<String> lines = AuditCliSupport.lines(file);
        lines.add(lines.get(1));
        AuditCliSupport.writeLines(file, lines);
        assertRefused("line " + lines.size() + ": there is more after the end record");
    }
}
