package io.slipway.core.audit;

import java.time.Instant;

/**
 * One entry of the audit trail. {@code hash} = SHA-256 over {@code prevHash} and the event's fields
 * ({@link AuditHashing}); {@code who} is the OS user, {@code host} the machine it acted on (null before schema 7),
 * {@code reason} the optional "why" the user gave.
 */
public record AuditEvent(long seq, Instant at, String who, String action, String subject, String detailsJson,
                         String prevHash, String hash, String host, String reason, int hashVersion) {

    /** An event as written before schema 7: no host, no reason. */
    public AuditEvent(long seq, Instant at, String who, String action, String subject, String detailsJson,
                      String prevHash, String hash) {
        this(seq, at, who, action, subject, detailsJson, prevHash, hash, null, null, AuditHashing.V1);
    }

    /** "user@host", or the user alone for events that did not record the host. */
    public String whoAndWhere() {
        return host == null || host.isEmpty() ? who : who + "@" + host;
    }

    /** The hash this event's fields give; equal to {@link #hash()} unless the event was changed. */
    public String recomputeHash() {
        return AuditHashing.hash(this);
    }
}
