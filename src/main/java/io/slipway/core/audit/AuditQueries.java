package io.slipway.core.audit;

import io.slipway.core.store.Jdbc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads over the trail that never hold more than one page in memory: keyset pages (by {@code seq}) for the view,
 * ordered streams for verification and exports. A million events are walked, never loaded.
 */
public final class AuditQueries {
    /** Events per round trip when streaming the whole chain. */
    static final int STREAM_PAGE = 20_000;

    private final Jdbc jdbc;

    AuditQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} events matching {@code filter} older than {@code beforeSeq}, newest first. */
    public List<AuditEvent> pageBefore(AuditFilter filter, long beforeSeq, int limit) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        params.add(beforeSeq);
        params.add(limit);
        return jdbc.query("SELECT " + AuditTrail.COLUMNS + " FROM audit_event WHERE " + where
                + " AND seq < ? ORDER BY seq DESC LIMIT ?", AuditTrail::map, params.toArray());
    }

    /** Up to {@code limit} events matching {@code filter}, newest first. */
    public List<AuditEvent> newest(AuditFilter filter, int limit) {
        return pageBefore(filter, Long.MAX_VALUE, limit);
    }

    /** How many events match, counting at most {@code cap} (a count over a million rows is not needed to page). */
    public long countUpTo(AuditFilter filter, long cap) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        params.add(cap);
        return jdbc.queryOne("SELECT COUNT(*) FROM (SELECT 1 FROM audit_event WHERE " + where + " LIMIT ?)",
                rs -> rs.getLong(1), params.toArray()).orElse(0L);
    }

    /** One event by its sequence number. */
    public java.util.Optional<AuditEvent> bySeq(long seq) {
        return jdbc.queryOne("SELECT " + AuditTrail.COLUMNS + " FROM audit_event WHERE seq = ?", AuditTrail::map, seq);
    }

    /**
     * Hands every event matching {@code filter} to {@code sink} in chain order, a page at a time, until the sink
     * returns false. Returns how many events it handed over.
     */
    public long forEachInOrder(AuditFilter filter, Predicate<AuditEvent> sink) {
        List<Object> base = new ArrayList<>();
        String where = filter.where(base);
        String sql = "SELECT " + AuditTrail.COLUMNS + " FROM audit_event WHERE " + where
                + " AND seq > ? ORDER BY seq LIMIT ?";
        long after = 0;
        long handed = 0;
        while (true) {
            List<Object> params = new ArrayList<>(base);
            params.add(after);
            params.add(STREAM_PAGE);
            List<AuditEvent> page = jdbc.query(sql, AuditTrail::map, params.toArray());
            for (AuditEvent e : page) {
                handed++;
                if (!sink.test(e)) {
                    return handed;
                }
                after = e.seq();
            }
            if (page.size() < STREAM_PAGE) {
                return handed;
            }
        }
    }
}
