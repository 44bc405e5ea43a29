package io.slipway.core.audit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.common.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The JSONL export's records, one JSON object per line, told apart by {@code "record"}:
 * <ul>
 *   <li>{@code header} (first line): format, formatVersion, createdBy, workspace, exportedAt, filter, chainHead
 *       {seq, hash}, verification {intact, checked, firstBroken, reason}, signingKey;</li>
 *   <li>{@code event}: seq, at, who, host, action, subject, details (the exact JSON text that was hashed), reason,
 *       hashVersion, prevHash, hash;</li>
 *   <li>{@code gap}: fromSeq, toSeq, lastHash: events the filter left out, and the hash the last of them had (the
 *       link the next event points to);</li>
 *   <li>{@code end} (last line): events, lastSeq: without it the file was cut short.</li>
 * </ul>
 */
final class JsonlFormat {
    static final String FORMAT = "slipway-audit-export";
    static final int VERSION = 1;

    private JsonlFormat() {
    }

    static ObjectNode event(AuditEvent e) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("record", "event").put("seq", e.seq()).put("at", e.at().toString()).put("who", e.who())
                .put("host", e.host()).put("action", e.action()).put("subject", e.subject())
                .put("details", e.detailsJson()).put("reason", e.reason()).put("hashVersion", e.hashVersion())
                .put("prevHash", e.prevHash()).put("hash", e.hash());
        return n;
    }

    static ObjectNode gap(long fromSeq, long toSeq, String lastHash) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("record", "gap").put("fromSeq", fromSeq).put("toSeq", toSeq).put("lastHash", lastHash);
        return n;
    }

    /** Reads an event record; {@link IllegalArgumentException} naming the missing or malformed field. */
    static AuditEvent readEvent(JsonNode n) {
        try {
            return new AuditEvent(requireLong(n, "seq"), Instant.parse(requireText(n, "at")), requireText(n, "who"),
                    requireText(n, "action"), requireText(n, "subject"), requireText(n, "details"),
                    requireText(n, "prevHash"), requireText(n, "hash"), optionalText(n, "host"),
                    optionalText(n, "reason"), (int) requireLong(n, "hashVersion"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'at' is not an ISO-8601 instant");
        }
    }

    static String requireText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not text");
        }
        return v.asText();
    }

    static long requireLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a whole number");
        }
        return v.asLong();
    }

    static String optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
