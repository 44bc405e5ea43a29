package io.slipway.core.upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.slipway.core.common.Json;
import io.slipway.core.store.Jdbc;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Upgrade runs and their targets in the workspace (tables {@code upgrade_run}, {@code upgrade_target}). */
public final class UpgradeRunStore {
    private final Jdbc jdbc;

    public UpgradeRunStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new run (RUNNING) and its targets (PENDING); returns its id. */
    long begin(Connection c, String uid, UpgradeRequest r, String who, String registry, int waveCount,
               List<UpgradeTargetRecord> targets, Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO upgrade_run (uid, offer_id, offer_name, who, reason, registry, waves, "
                        + "canary_max_failures, max_failures, watch_ms, parallelism, install_missing, state, "
                        + "wave_count, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)",
                uid, r.offer().id(), r.offer().name(), who, r.reason(), registry, r.waves().spec(),
                r.canaryMaxFailures(), r.maxFailures(), r.watch().toMillis(), r.parallelism(), r.installMissing(),
                waveCount, Jdbc.utc(at));
        long id = Jdbc.query(c, "SELECT id FROM upgrade_run WHERE uid = ?", rs -> rs.getLong(1), uid).get(0);
        for (UpgradeTargetRecord t : targets) {
            Jdbc.update(c, "INSERT INTO upgrade_target (run_id, node_name, software, from_version, to_version, wave, "
                    + "phase) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')", id, t.node(), t.software(), t.fromVersion(),
                    t.toVersion(), t.wave());
        }
        return id;
    }

    /** Writes a target's whole current record. */
    void saveTarget(Connection c, UpgradeTargetRecord t) throws SQLException {
        Jdbc.update(c, "UPDATE upgrade_target SET phase = ?, step = ?, upgrade_status = ?, failed_step = ?, detail = ?, "
                        + "run_status = ?, run_basis = ?, evidence_json = ?, action = ?, deploy_id = ?, attempts = ?, "
                        + "env_image = ?, env_digest = ?, software_image = ?, software_digest = ?, started_at = ?, "
                        + "finished_at = ?, duration_ms = ?, check_ms = ? "
                        + "WHERE run_id = ? AND node_name = ? AND software = ?",
                t.phase().name(), t.step(), name(t.upgradeStatus()), t.failedStep(), truncate(t.detail()),
                name(t.runStatus()), name(t.basis()), t.evidence() == null ? null : Json.write(t.evidence()),
                name(t.action()), t.deployId(), t.attempts(), t.envImage(), t.envDigest(), t.softwareImage(),
                t.softwareDigest(), Jdbc.utc(t.startedAt()), Jdbc.utc(t.finishedAt()), t.durationMs(), t.checkMs(),
                t.runId(), t.node(), t.software());
    }

    void setState(Connection c, long runId, RunState state, int currentWave, String pauseReason, Instant finishedAt)
            throws SQLException {
        Jdbc.update(c, "UPDATE upgrade_run SET state = ?, current_wave = ?, pause_reason = ?, finished_at = ? "
                + "WHERE id = ?", state.name(), currentWave, pauseReason, Jdbc.utc(finishedAt), runId);
    }

    /**
     * Marks runs left RUNNING by a stopped app INTERRUPTED, and their targets that were under way too (those not
     * started stay PENDING). Returns the ids marked.
     */
    List<Long> markInterrupted(Connection c, Instant at) throws SQLException {
        List<Long> ids = Jdbc.query(c, "SELECT id FROM upgrade_run WHERE state = 'RUNNING'", rs -> rs.getLong(1));
        for (long id : ids) {
            Jdbc.update(c, "UPDATE upgrade_target SET phase = 'INTERRUPTED', finished_at = ?, detail = "
                    + "'Slipway stopped while this target was in ' || COALESCE(step, phase) WHERE run_id = ? AND phase "
                    + "IN ('UPGRADING', 'RUN_CHECK', 'ROLLING_BACK')", Jdbc.utc(at), id);
            Jdbc.update(c, "UPDATE upgrade_run SET state = 'INTERRUPTED', pause_reason = 'Slipway stopped while the "
                    + "run was running' WHERE id = ?", id);
        }
        return ids;
    }

    /** Newest first. */
    public List<UpgradeRunRecord> all() {
        return load("", new Object[0]);
    }

    public Optional<UpgradeRunRecord> find(long id) {
        List<UpgradeRunRecord> l = load(" WHERE r.id = ?", new Object[] {id});
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Targets of {@code node} × {@code software} (either may be null: any), newest run first. */
    public List<UpgradeHistoryEntry> history(String node, String software) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (node != null) {
            where.append(" AND t.node_name = ?");
            params.add(node);
        }
        if (software != null) {
            where.append(" AND t.software = ?");
            params.add(software);
        }
        return jdbc.query("SELECT t.*, r.offer_name, r.who, r.started_at AS run_started, r.state AS run_state "
                        + "FROM upgrade_target t JOIN upgrade_run r ON r.id = t.run_id" + where
                        + " ORDER BY r.started_at DESC, r.id DESC, t.node_name, t.software",
                rs -> new UpgradeHistoryEntry(rs.getLong("run_id"), rs.getString("offer_name"), rs.getString("who"),
                        instant(rs, "run_started"), RunState.valueOf(rs.getString("run_state")), mapTarget(rs)),
                params.toArray());
    }

    private List<UpgradeRunRecord> load(String where, Object[] params) {
        return jdbc.inTransaction(c -> {
            Map<Long, List<UpgradeTargetRecord>> targets = new HashMap<>();
            String targetWhere = where.isEmpty() ? "" : " WHERE run_id = ?";
            Jdbc.query(c, "SELECT * FROM upgrade_target" + targetWhere + " ORDER BY wave, node_name, software",
                    rs -> targets.computeIfAbsent(rs.getLong("run_id"), k -> new ArrayList<>()).add(mapTarget(rs)),
                    params);
            return Jdbc.query(c, "SELECT * FROM upgrade_run r" + where + " ORDER BY started_at DESC, id DESC",
                    rs -> new UpgradeRunRecord(rs.getLong("id"), rs.getString("uid"), (Long) rs.getObject("offer_id"),
                            rs.getString("offer_name"), rs.getString("who"), rs.getString("reason"),
                            rs.getString("registry"), rs.getString("waves"), rs.getDouble("canary_max_failures"),
                            rs.getDouble("max_failures"), Duration.ofMillis(rs.getLong("watch_ms")),
                            rs.getInt("parallelism"), rs.getBoolean("install_missing"),
                            RunState.valueOf(rs.getString("state")), rs.getInt("current_wave"),
                            rs.getInt("wave_count"), rs.getString("pause_reason"), instant(rs, "started_at"),
                            instant(rs, "finished_at"), targets.getOrDefault(rs.getLong("id"), List.of())),
                    params);
        });
    }

    static UpgradeTargetRecord mapTarget(ResultSet rs) throws SQLException {
        return new UpgradeTargetRecord(rs.getLong("run_id"), rs.getString("node_name"), rs.getString("software"),
                rs.getString("from_version"), rs.getString("to_version"), rs.getInt("wave"),
                TargetPhase.valueOf(rs.getString("phase")), rs.getString("step"),
                value(UpgradeStatus.class, rs.getString("upgrade_status")), rs.getString("failed_step"),
                rs.getString("detail"), value(RunStatus.class, rs.getString("run_status")),
                value(RunBasis.class, rs.getString("run_basis")), evidence(rs.getClob("evidence_json")),
                value(TargetAction.class, rs.getString("action")), (Long) rs.getObject("deploy_id"),
                rs.getInt("attempts"), rs.getString("env_image"), rs.getString("env_digest"),
                rs.getString("software_image"), rs.getString("software_digest"), instant(rs, "started_at"),
                instant(rs, "finished_at"), (Long) rs.getObject("duration_ms"), (Long) rs.getObject("check_ms"));
    }

    private static RunEvidence evidence(Clob clob) throws SQLException {
        if (clob == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(clob.getSubString(1, (int) clob.length()), RunEvidence.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored run evidence is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Jdbc.instant(rs.getObject(column, OffsetDateTime.class));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String stored) {
        return stored == null ? null : Enum.valueOf(type, stored);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }

    /** Audit details of a target (its verdicts and images), for {@code upgrade.target.*} events. */
    static Map<String, Object> auditDetails(String runUid, UpgradeTargetRecord t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("run", runUid);
        d.put("node", t.node());
        d.put("software", t.software());
        d.put("from", t.fromVersion());
        d.put("to", t.toVersion());
        d.put("wave", t.wave());
        d.put("upgradeStatus", name(t.upgradeStatus()));
        d.put("failedStep", t.failedStep());
        d.put("runStatus", name(t.runStatus()));
        d.put("basis", name(t.basis()));
        d.put("action", name(t.action()));
        d.put("envImage", t.envImage());
        d.put("envDigest", t.envDigest());
        d.put("softwareImage", t.softwareImage());
        d.put("softwareDigest", t.softwareDigest());
        d.put("deployId", t.deployId());
        if (t.evidence() != null) {
            d.put("evidence", t.evidence().summary());
        }
        return d;
    }
}
