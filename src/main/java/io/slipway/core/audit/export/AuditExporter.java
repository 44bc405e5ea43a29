package io.slipway.core.audit.export;

import io.slipway.core.audit.AuditFilter;
import io.slipway.core.audit.AuditTrail;
import io.slipway.core.audit.ChainHead;
import io.slipway.core.audit.ChainVerification;
import io.slipway.core.common.Clock;
import io.slipway.core.common.SlipwayVersion;
import io.slipway.core.common.UserFacingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the audit trail (or the part a filter chooses) as JSONL, CSV or HTML, then signs the file with the
 * workspace key. The file appears complete or not at all (written next to the target, then moved), and the export
 * itself is recorded in the trail after the file is written (so the export never contains its own event).
 */
public final class AuditExporter {
    /** What to export and how. */
    public record Request(Path out, ExportFormat format, AuditFilter filter, boolean csvBom,
                          Optional<SigningKey> key) {
    }

    /** What was written. */
    public record Result(Path file, Optional<Path> signature, long events, ChainHead head,
                         ChainVerification verification, Optional<String> keyFingerprint) {
    }

    private final AuditTrail trail;
    private final Clock clock;
    private final String workspace;

    public AuditExporter(AuditTrail trail, Clock clock, String workspace) {
        this.trail = trail;
        this.clock = clock;
        this.workspace = workspace;
    }

    public Result export(Request r) {
        Written w = write(r);
        Optional<Path> sig = r.key().map(k -> DetachedSignature.sign(w.file(), k));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", w.file().toString());
        details.put("format", r.format().extension());
        details.put("filter", r.filter().describe());
        details.put("events", w.events());
        details.put("chainHead", w.head().seq());
        details.put("signingKey", r.key().map(SigningKey::fingerprint).orElse(null));
        trail.record("audit.exported", w.file().toString(), details);
        return new Result(w.file(), sig, w.events(), w.head(), w.verification(),
                r.key().map(SigningKey::fingerprint));
    }

    /** What {@link #write} put in the file. */
    public record Written(Path file, long events, ChainHead head, ChainVerification verification) {
    }

    /**
     * Writes the file only: no signature, no audit event (for callers that sign and record a larger whole, such as
     * the evidence pack). The header names {@code r.key()}'s fingerprint when one is given.
     */
    public Written write(Request r) {
        ChainHead head = trail.head();
        // CSV is for spreadsheets; the chain is checked for the formats that report it (JSONL header, HTML report)
        ChainVerification v = r.format() == ExportFormat.CSV ? null : trail.verify();
        String fp = r.key().map(SigningKey::fingerprint).orElse(null);
        ExportHeader header = new ExportHeader("Slipway " + SlipwayVersion.get(), workspace, clock.now(),
                r.filter().describe(), head, v, fp);
        Path target = r.out().toAbsolutePath().normalize();
        Path dir = target.getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        } catch (IOException e) {
            throw new UserFacingException("Cannot write the export into " + dir + " (" + e.getMessage() + ").", e);
        }
        long events;
        try {
            try (ExportSink sink = sink(r, Files.newOutputStream(tmp))) {
                events = write(sink, header, r.filter(), head);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(DetachedSignature.sigFile(target)); // a signature of an earlier file would mislead
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(tmp);
            throw new UserFacingException("Writing the export " + target + " failed (" + e.getMessage() + ").", e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
        return new Written(target, events, head, v);
    }

    /** Streams the chosen events up to {@code head}, declaring the left-out runs between them. */
    private long write(ExportSink sink, ExportHeader header, AuditFilter filter, ChainHead head) throws IOException {
        sink.begin(header);
        long[] last = {0};
        long[] written = {0};
        try {
            trail.queries().forEachInOrder(filter, e -> {
                if (e.seq() > head.seq()) {
                    return false; // appended after the export began: not covered by its head
                }
                try {
                    if (e.seq() > last[0] + 1) {
                        sink.gap(last[0] + 1, e.seq() - 1, e.prevHash());
                    }
                    sink.event(e);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
                last[0] = e.seq();
                written[0]++;
                return true;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (last[0] < head.seq()) {
            sink.gap(last[0] + 1, head.seq(), head.hash());
        }
        sink.end(written[0], last[0]);
        return written[0];
    }

    private ExportSink sink(Request r, java.io.OutputStream os) {
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        return switch (r.format()) {
            case JSONL -> new JsonlSink(w);
            case CSV -> new CsvSink(w, r.csvBom());
            case HTML -> new HtmlSink(w);
        };
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the .part file is hidden and harmless
        }
    }
}
