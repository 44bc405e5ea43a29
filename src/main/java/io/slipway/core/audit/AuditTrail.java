package io.slipway.core.audit;

import io.slipway.core.common.Clock;
import io.slipway.core.common.Json;
import io.slipway.core.store.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Append-only, hash-chained audit events in the workspace. Every feature records what it did here, with who (OS
 * user and host) and, when the user gave one, why (the reason).
 *
 * <p>Reasons reach events without every service taking a parameter: a CLI command sets a {@link #setSessionReason
 * session reason} for everything it records; a console action runs its service call inside {@link #withReason},
 * which applies to events recorded by that thread meanwhile.
 */
public final class AuditTrail {
    static final String GENESIS = AuditHashing.GENESIS;
    /** What {@link #map} reads; details as VARCHAR because reading H2 CLOBs one by one is ~5x slower. */
    static final String COLUMNS = "seq, at, who, action, subject, CAST(details AS VARCHAR), prev_hash, hash, host, "
            + "reason, hash_version";
    private static final String INSERT_COLUMNS = "seq, at, who, action, subject, details, prev_hash, hash, host, "
            + "reason, hash_version";

    private final Jdbc jdbc;
    private final Clock clock;
    private final String who;
    private final String host;
    private volatile String sessionReason;

    public AuditTrail(Jdbc jdbc, Clock clock, String who) {
        this(jdbc, clock, new Actor(who, Actor.localHost()));
    }

    public AuditTrail(Jdbc jdbc, Clock clock, Actor actor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.who = actor.user();
        this.host = actor.host();
    }

    /** Who the events of this trail are recorded for. */
    public String who() {
        return who;
    }

    /** The OS user, which is who acts in a desktop console. */
    public static String osUser() {
        return Actor.osUser();
    }

    /** The reason recorded with every event this trail writes from now on (a CLI command's {@code --reason}). */
    public void setSessionReason(String reason) {
        this.sessionReason = AuditHashing.normaliseReason(reason);
    }

    /** Runs {@code work} so that the events this thread records meanwhile carry {@code reason}. */
    public <T> T withReason(String reason, Supplier<T> work) {
        return AuditReasons.during(reason, work);
    }

    private String currentReason() {
        String scoped = AuditReasons.current();
        return scoped != null ? scoped : sessionReason;
    }

    public AuditEvent record(String action, String subject, Map<String, ?> details) {
        return record(action, subject, Json.write(details));
    }

    /** Appends one event; synchronized because each event links to the one before it. */
    public synchronized AuditEvent record(String action, String subject, String detailsJson) {
        String reason = currentReason();
        return jdbc.inTransaction(c -> append(c, new Entry(action, subject, detailsJson), reason));
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
        String reason = currentReason();
        synchronized (this) {
            return jdbc.inTransaction(c -> {
                T result = work.run(c);
                for (Entry e : events) {
                    append(c, e, reason);
                }
                return result;
            });
        }
    }

    /** Appends after the last event; the caller holds this trail's lock and commits. */
    private AuditEvent append(Connection c, Entry e, String reason) throws SQLException {
        // the link only: the last event's details (a CLOB) are not needed to chain the next one
        List<String[]> last = Jdbc.query(c, "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        long seq = last.isEmpty() ? 1 : Long.parseLong(last.get(0)[0]) + 1;
        String prev = last.isEmpty() ? GENESIS : last.get(0)[1];
        Instant at = clock.now();
        String hash = AuditHashing.hash(AuditHashing.CURRENT, prev, seq, at, who, e.action(), e.subject(),
                e.detailsJson(), host, reason);
        Jdbc.update(c, "INSERT INTO audit_event (" + INSERT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, Jdbc.utc(at), who, e.action(), e.subject(), e.detailsJson(), prev, hash, host, reason,
                AuditHashing.CURRENT);
        return new AuditEvent(seq, at, who, e.action(), e.subject(), e.detailsJson(), prev, hash, host, reason,
                AuditHashing.CURRENT);
    }

    public List<AuditEvent> latest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq DESC LIMIT ?", AuditTrail::map, limit);
    }

    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM audit_event", rs -> rs.getLong(1)).orElse(0L);
    }

    /** The last event's sequence number and hash: what every event before it is anchored to. */
    public ChainHead head() {
        return jdbc.queryOne("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1",
                rs -> new ChainHead(rs.getLong(1), rs.getString(2))).orElse(ChainHead.EMPTY);
    }

    /** Filtered, paged reads and ordered streams over the trail. */
    public AuditQueries queries() {
        return new AuditQueries(jdbc);
    }

    /** Walks the whole chain in order and names the first event that does not hold. */
    public ChainVerification verify() {
        return verify(ChainWalker.Progress.NONE);
    }

    /** As {@link #verify()}, reporting every few thousand events how far it got. */
    public ChainVerification verify(ChainWalker.Progress progress) {
        ChainWalker walker = new ChainWalker(progress, count());
        queries().forEachInOrder(AuditFilter.ALL, walker::accept);
        return walker.result();
    }

    static AuditEvent map(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11));
    }
}
