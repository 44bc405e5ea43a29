package io.slipway.core.audit;

import io.slipway.core.common.Clock;
import io.slipway.core.common.Json;
import io.slipway.core.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Append-only, hash-chained audit events in the workspace. Every feature records what it did here. */
public final class AuditTrail {
    static final String GENESIS = "0".repeat(64);
    private static final String COLUMNS = "seq, at, who, action, subject, details, prev_hash, hash";

    private final Jdbc jdbc;
    private final Clock clock;
    private final String who;

    public AuditTrail(Jdbc jdbc, Clock clock, String who) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.who = who;
    }

    /** Who the events of this trail are recorded for. */
    public String who() {
        return who;
    }

    /** The OS user, which is who acts in a desktop console. */
    public static String osUser() {
        return System.getProperty("user.name", "unknown");
    }

    public AuditEvent record(String action, String subject, Map<String, ?> details) {
        return record(action, subject, Json.write(details));
    }

    /** Appends one event; synchronized because each event links to the one before it. */
    public synchronized AuditEvent record(String action, String subject, String detailsJson) {
        return jdbc.inTransaction(c -> append(c, new Entry(action, subject, detailsJson)));
    }

    /** An event to append together with other writes ({@link #inTransactionWith}). */
    public record Entry(String action, String subject, String detailsJson) {
        public static Entry of(String action, String subject, Map<String, ?> details) {
            return new Entry(action, subject, Json.write(details));
        }
    }

    /**
     * Runs {@code work} and appends {@code events} in one transaction, so a change and the audit events that describe
     * it commit together (one commit instead of several). With events, the trail's lock is held until the commit, as
     * for every append: each event links to the one committed before it.
     */
    public <T> T inTransactionWith(List<Entry> events, Jdbc.InTransaction<T> work) {
        if (events.isEmpty()) {
            return jdbc.inTransaction(work);
        }
        synchronized (this) {
            return jdbc.inTransaction(c -> {
                T result = work.run(c);
                for (Entry e : events) {
                    append(c, e);
                }
                return result;
            });
        }
    }

    /** Appends after the last event; the caller holds this trail's lock and commits. */
    private AuditEvent append(Connection c, Entry e) throws SQLException {
        // the link only: the last event's details (a CLOB) are not needed to chain the next one
        List<String[]> last = Jdbc.query(c, "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        long seq = last.isEmpty() ? 1 : Long.parseLong(last.get(0)[0]) + 1;
        String prev = last.isEmpty() ? GENESIS : last.get(0)[1];
        Instant at = clock.now();
        String hash = hash(prev, seq, at, who, e.action(), e.subject(), e.detailsJson());
        Jdbc.update(c, "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                seq, Jdbc.utc(at), who, e.action(), e.subject(), e.detailsJson(), prev, hash);
        return new AuditEvent(seq, at, who, e.action(), e.subject(), e.detailsJson(), prev, hash);
    }

    public List<AuditEvent> latest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq DESC LIMIT ?", AuditTrail::map, limit);
    }

    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM audit_event", rs -> rs.getLong(1)).orElse(0L);
    }

    /** Walks the whole chain in order (iteratively, in pages) and names the first event that does not hold. */
    public ChainVerification verify() {
        String expectedPrev = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        int page = 5_000;
        while (true) {
            List<AuditEvent> events = jdbc.query("SELECT " + COLUMNS + " FROM audit_event WHERE seq >= ? ORDER BY seq LIMIT ?",
                    AuditTrail::map, expectedSeq, page);
            for (AuditEvent e : events) {
                if (e.seq() != expectedSeq) {
                    return ChainVerification.broken(checked, expectedSeq, "event " + expectedSeq + " is missing");
                }
                if (!e.prevHash().equals(expectedPrev)) {
                    return ChainVerification.broken(checked, e.seq(), "its link does not match the previous event's hash");
                }
                String actual = hash(e.prevHash(), e.seq(), e.at(), e.who(), e.action(), e.subject(), e.detailsJson());
                if (!actual.equals(e.hash())) {
                    return ChainVerification.broken(checked, e.seq(), "its content does not match its hash");
                }
                expectedPrev = e.hash();
                expectedSeq++;
                checked++;
            }
            if (events.size() < page) {
                return ChainVerification.ok(checked);
            }
        }
    }

    static String hash(String prev, long seq, Instant at, String who, String action, String subject, String details) {
        String canonical = String.join("\n", prev, Long.toString(seq), at.toString(), who, action, subject, details);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static AuditEvent map(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("who"), rs.getString("action"), rs.getString("subject"), rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
