package io.slipway.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * How an audit event's hash is computed; shared by the trail, the export writer and the offline verifier so the
 * three can never disagree.
 *
 * <ul>
 *   <li>version 1 (events before schema 7): SHA-256 of {@code prev \n seq \n at \n who \n action \n subject \n details}</li>
 *   <li>version 2: the same, then {@code \n host \n reason} (empty when no reason was given)</li>
 * </ul>
 * {@code at} is ISO-8601 UTC ({@link Instant#toString()}); everything is UTF-8. A reason is one line (line breaks
 * are folded to spaces when it is given), so the fields stay unambiguous.
 */
public final class AuditHashing {
    public static final int V1 = 1;
    public static final int V2 = 2;
    /** What new events are written with; a verifier meeting a higher version says the event is from a newer Slipway. */
    public static final int CURRENT = V2;
    public static final String GENESIS = "0".repeat(64);

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    });

    private AuditHashing() {
    }

    public static String hash(AuditEvent e) {
        return hash(e.hashVersion(), e.prevHash(), e.seq(), e.at(), e.who(), e.action(), e.subject(), e.detailsJson(),
                e.host(), e.reason());
    }

    public static String hash(int version, String prev, long seq, Instant at, String who, String action,
                              String subject, String details, String host, String reason) {
        StringBuilder canonical = new StringBuilder(256 + details.length());
        canonical.append(prev).append('\n').append(seq).append('\n').append(at).append('\n').append(who)
                .append('\n').append(action).append('\n').append(subject).append('\n').append(details);
        if (version >= V2) {
            canonical.append('\n').append(host == null ? "" : host).append('\n').append(reason == null ? "" : reason);
        }
        MessageDigest sha = SHA256.get();
        sha.reset();
        return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A reason as stored: trimmed, line breaks folded to spaces, null when blank. */
    public static String normaliseReason(String reason) {
        if (reason == null) {
            return null;
        }
        String oneLine = reason.replaceAll("[\\r\\n\\t]+", " ").strip();
        return oneLine.isEmpty() ? null : oneLine;
    }
}
