package io.slipway.core.audit.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.core.audit.ChainHead;
import io.slipway.core.audit.ChainVerification;
import io.slipway.core.audit.ChainWalker;
import io.slipway.core.common.Json;
import io.slipway.core.common.UserFacingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a JSONL export with nothing but the file (and its {@code .sig}): the structure (header first, end record
 * last, nothing cut short), the hash chain across the exported events and the declared gaps, the end against the
 * chain head the header names, then the signature and that it was made by the key the header names. Streams the
 * file; never writes anything. The first problem found is thrown as a {@link ProofException}.
 */
public final class JsonlVerifier {
    /** What a verified export says. {@code keyFingerprint} is empty for an unsigned export. */
    public record Verified(Path file, long events, long leftOut, ChainHead head, String createdBy, String workspace,
                           String exportedAt, String filter, Optional<String> keyFingerprint) {
    }

    private JsonlVerifier() {
    }

    /** {@code expectedKey}: when given, the export must be signed by the key with this fingerprint. */
    public static Verified verify(Path file, Optional<String> expectedKey) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("No such export file: " + file + ".");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lineNo = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder),
                1 << 16)) {
            String first = in.readLine();
            lineNo = 1;
            if (first == null) {
                throw new ProofException(file + " is empty: not a Slipway audit export.");
            }
            JsonNode header = parse(file, 1, first);
            checkHeader(file, header);
            ChainHead head = new ChainHead(header.path("chainHead").path("seq").asLong(-1),
                    header.path("chainHead").path("hash").asText(""));
            ChainWalker walker = new ChainWalker(ChainWalker.Progress.NONE, head.seq());
            long events = 0;
            long leftOut = 0;
            boolean ended = false;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (ended) {
                    throw new ProofException(at(file, lineNo) + "there is more after the end record "
                            + "(lines were added).");
                }
                JsonNode n = parse(file, lineNo, line);
                String kind = n.path("record").asText();
                try {
                    switch (kind) {
                        case "event" -> {
                            walker.accept(JsonlFormat.readEvent(n));
                            events++;
                        }
                        case "gap" -> {
                            long from = JsonlFormat.requireLong(n, "fromSeq");
                            long to = JsonlFormat.requireLong(n, "toSeq");
                            walker.skip(from, to, JsonlFormat.requireText(n, "lastHash"));
                            leftOut += Math.max(0, to - from + 1);
                        }
                        case "end" -> {
                            ended = true;
                            if (JsonlFormat.requireLong(n, "events") != events) {
                                throw new ProofException(at(file, lineNo) + "the end record counts "
                                        + n.path("events").asLong() + " events but the file holds " + events
                                        + " (events were removed or added).");
                            }
                        }
                        case "header" -> throw new ProofException(at(file, lineNo) + "a second header.");
                        default -> throw new ProofException(at(file, lineNo) + "unknown record '" + kind
                                + "' (written by a newer Slipway, or changed).");
                    }
                } catch (IllegalArgumentException e) {
                    throw new ProofException(at(file, lineNo) + kind + " record: " + e.getMessage() + ".");
                }
                ChainVerification v = walker.result();
                if (!v.intact()) {
                    throw new ProofException(at(file, lineNo) + "event " + v.firstBrokenSeq().orElseThrow()
                            + " does not hold: " + v.reason() + ".");
                }
            }
            if (!ended) {
                throw new ProofException(file + " is truncated: it ends after line " + lineNo
                        + " without its end record.");
            }
            if (!walker.endsAt(head)) {
                throw new ProofException(file + ": " + walker.result().reason() + ".");
            }
            Optional<String> fp = checkSignature(file, header, expectedKey);
            return new Verified(file, events, leftOut, head, header.path("createdBy").asText(),
                    header.path("workspace").asText(), header.path("exportedAt").asText(),
                    header.path("filter").toString(), fp);
        } catch (CharacterCodingException e) {
            throw new ProofException(at(file, lineNo + 1) + "not valid UTF-8 (bytes were changed).", e);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("No such export file: " + file + ".", e);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read " + file + " (" + e.getMessage() + ").", e);
        }
    }

    private static void checkHeader(Path file, JsonNode h) {
        if (!"header".equals(h.path("record").asText()) || !JsonlFormat.FORMAT.equals(h.path("format").asText())) {
            throw new ProofException(at(file, 1) + "not a Slipway audit export header (expected record 'header', "
                    + "format '" + JsonlFormat.FORMAT + "').");
        }
        int version = h.path("formatVersion").asInt(-1);
        if (version > JsonlFormat.VERSION) {
            throw new ProofException(file + " was written by a newer Slipway (" + h.path("createdBy").asText()
                    + ", export format " + version + "); this Slipway reads format " + JsonlFormat.VERSION
                    + ": verify it with that version or newer.");
        }
        if (version < 1 || !h.path("chainHead").path("seq").canConvertToLong()) {
            throw new ProofException(at(file, 1) + "the header's formatVersion or chainHead is missing.");
        }
    }

    private static Optional<String> checkSignature(Path file, JsonNode header, Optional<String> expectedKey) {
        String claimed = header.path("signingKey").isTextual() ? header.path("signingKey").asText() : null;
        boolean hasSig = Files.exists(DetachedSignature.sigFile(file));
        if (claimed == null && !hasSig) {
            if (expectedKey.isPresent()) {
                throw new ProofException(file + " is not signed, but key " + expectedKey.get() + " was required.");
            }
            return Optional.empty();
        }
        String fp = DetachedSignature.check(file);
        if (claimed != null && !claimed.equals(fp)) {
            throw new ProofException(file + " is signed by key " + fp + ", but it was exported by the workspace "
                    + "with key " + claimed + " (a signature from another workspace).");
        }
        if (expectedKey.isPresent() && !expectedKey.get().equals(fp)) {
            throw new ProofException(file + " is signed by key " + fp + ", not by the required key "
                    + expectedKey.get() + ".");
        }
        return Optional.of(fp);
    }

    private static JsonNode parse(Path file, long lineNo, String line) {
        try {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n == null || !n.isObject()) {
                throw new ProofException(at(file, lineNo) + "not a JSON object.");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new ProofException(at(file, lineNo) + "not valid JSON (the file was cut short or changed).", e);
        }
    }

    static String at(Path file, long lineNo) {
        return file.getFileName() + " line " + lineNo + ": ";
    }
}
