package io.slipway.core.audit;

import java.time.Instant;

/** One entry of the audit trail. {@code hash} = SHA-256 over {@code prevHash} and the event's fields. */
public record AuditEvent(long seq, Instant at, String who, String action, String subject, String detailsJson,
                         String prevHash, String hash) {
}
