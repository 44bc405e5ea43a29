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
        long[] range = seqRange(filter);
        params.add(Math.min(beforeSeq, range[1]));
        params.add(range[0]);
        params.add(limit);
        return jdbc.query("SELECT " + AuditTrail.COLUMNS + " FROM audit_event" + hint(filter) + " WHERE " + where
                + " AND seq < ? AND seq >= ? ORDER BY seq DESC LIMIT ?", AuditTrail::map, params.toArray());
    }

    /**
     * Pages come newest first, so the primary key scanned backwards finds a page of common matches at once. H2
     * would otherwise pick the {@code who}, {@code action} or {@code at} index and sort every match before the
     * first page (20-30 s over a million events). A subject prefix is the exception: its index finds rare subjects
     * without a scan. A time range becomes a sequence range ({@link #seqRange}).
     */
    private static String hint(AuditFilter f) {
        return f.subject() != null ? "" : " USE INDEX ()";
    }

    /**
     * The sequence numbers {@code [lo, hi)} that can hold events in the filter's time range, found by binary search
     * over the primary key (about 20 look-ups for a million events). The {@code at} condition still applies inside.
     */
    long[] seqRange(AuditFilter f) {
        long lo = 1;
        long hi = Long.MAX_VALUE;
        if (f.since() != null) {
            lo = firstSeqAtOrAfter(f.since());
        }
        if (f.until() != null) {
            hi = firstSeqAtOrAfter(f.until());
        }
        return new long[] {lo, hi};
    }

    private long firstSeqAtOrAfter(java.time.Instant t) {
        long lo = 1;
        long hi = jdbc.queryOne("SELECT MAX(seq) FROM audit_event", rs -> rs.getLong(1)).orElse(0L) + 1;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            java.time.Instant at = jdbc.queryOne("SELECT at FROM audit_event WHERE seq = ?",
                    rs -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), mid).orElse(null);
            if (at == null || !at.isBefore(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Up to {@code limit} events matching {@code filter}, newest first. */
    public List<AuditEvent> newest(AuditFilter filter, int limit) {
        return pageBefore(filter, Long.MAX_VALUE, limit);
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
        String sql = "SELECT " + AuditTrail.COLUMNS + " FROM audit_event" + hint(filter) + " WHERE " + where
                + " AND seq > ? ORDER BY seq LIMIT ?";
        long after = seqRange(filter)[0] - 1;
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
