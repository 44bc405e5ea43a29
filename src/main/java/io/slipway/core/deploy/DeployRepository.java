package io.slipway.core.deploy;

import io.slipway.core.inventory.Node;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deploy history in the workspace: runs, per-node results, per-step timings, build logs. */
public final class DeployRepository {
    private static final String TERMINAL_NODE_STATES = "('DONE','SKIPPED','DENIED','FAILED','ABORTED','INTERRUPTED','ROLLED_BACK')";

    private final Jdbc jdbc;

    public DeployRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a finished deploy as a whole (sample history). */
    public long add(DeployRecord d) {
        return jdbc.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO deploy (software, version, forced, state, started_at, finished_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", d.software(), d.version(), d.forced(), d.state().name(),
                    Jdbc.utc(d.startedAt()), Jdbc.utc(d.finishedAt()));
            long id = Jdbc.query(c, "SELECT MAX(id) FROM deploy", rs -> rs.getLong(1)).get(0);
            for (NodeDeployRecord n : d.nodes()) {
                Jdbc.update(c, "INSERT INTO deploy_node (deploy_id, node_name, state, detail, env_image, env_digest, "
                                + "software_image, software_digest, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, n.node(), n.state(), n.detail(), n.envImage(), n.envDigest(), n.softwareImage(),
                        n.softwareDigest(), n.durationMs());
            }
            return id;
        });
    }

    /** Records a starting deploy (RUNNING) with its nodes (PENDING); returns its id. */
    public long begin(String uid, DeployRequest r, String registry, String envImageRef, Instant at) {
        return jdbc.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO deploy (software, version, forced, state, started_at, uid, registry, "
                            + "env_image_ref, parallelism, retry_of) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?, ?, ?, ?)",
                    r.software(), r.version(), r.forced(), Jdbc.utc(at), uid, registry, envImageRef, r.parallelism(),
                    r.retryOf());
            long id = Jdbc.query(c, "SELECT id FROM deploy WHERE uid = ?", rs -> rs.getLong(1), uid).get(0);
            for (Node n : r.nodes()) {
                Jdbc.update(c, "INSERT INTO deploy_node (deploy_id, node_name, state) VALUES (?, ?, 'PENDING')",
                        id, n.name());
            }
            return id;
        });
    }

    /** A node's current state while it runs (so a crash leaves it visible as interrupted, with its step). */
    public void nodeState(long deployId, String node, NodeDeployState state, Instant startedAt) {
        jdbc.inTransaction(c -> setState(c, deployId, node, state, startedAt));
    }

    // The writes below run in the caller's transaction: a node's pipeline commits each state change together with
    // what the step before it recorded (NodeJournal).

    int setState(Connection c, long deployId, String node, NodeDeployState state, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE deploy_node SET state = ?, started_at = COALESCE(started_at, ?) "
                + "WHERE deploy_id = ? AND node_name = ?", state.name(), Jdbc.utc(at), deployId, node);
    }

    void insertSteps(Connection c, long deployId, List<StepRecord> steps) throws SQLException {
        for (StepRecord s : steps) {
            Jdbc.update(c, "INSERT INTO deploy_step (deploy_id, node_name, seq, step, started_at, duration_ms, "
                            + "outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", deployId, s.node(), s.seq(), s.step(),
                    Jdbc.utc(s.startedAt()), s.durationMs(), s.outcome(), truncate(s.detail(), 4000));
        }
    }

    /** The record step: images and digests as soon as the push succeeded. */
    void setImages(Connection c, long deployId, String node, String envImage, String envDigest, String softwareImage,
                   String softwareDigest) throws SQLException {
        Jdbc.update(c, "UPDATE deploy_node SET env_image = ?, env_digest = ?, software_image = ?, software_digest = ? "
                + "WHERE deploy_id = ? AND node_name = ?", envImage, envDigest, softwareImage, softwareDigest, deployId,
                node);
    }

    /** What the deploy with label id {@code uid} recorded for {@code node}, if this workspace ran it. */
    public Optional<NodeDeployRecord> nodeRecord(String uid, String node) {
        if (uid == null) {
            return Optional.empty();
        }
        return jdbc.queryOne("SELECT n.* FROM deploy_node n JOIN deploy d ON d.id = n.deploy_id "
                + "WHERE d.uid = ? AND n.node_name = ?", DeployRepository::mapNode, uid, node);
    }

    /** A node's final result, images, digests, timings and build log. */
    public void nodeFinished(long deployId, NodeOutcome o, String containerId, String buildLog, Instant at) {
        jdbc.inTransaction(c -> setOutcome(c, deployId, o, containerId, buildLog, at));
    }

    int setOutcome(Connection c, long deployId, NodeOutcome o, String containerId, String buildLog, Instant at)
            throws SQLException {
        return Jdbc.update(c, "UPDATE deploy_node SET state = ?, detail = ?, env_image = ?, env_digest = ?, "
                        + "software_image = ?, software_digest = ?, duration_ms = ?, failed_step = ?, retryable = ?, "
                        + "started_at = COALESCE(started_at, ?), finished_at = ?, engine_ms = ?, container_id = ?, "
                        + "build_log = ? WHERE deploy_id = ? AND node_name = ?",
                o.state().name(), truncate(o.detail(), 4000), o.envImage(), o.envDigest(), o.softwareImage(),
                o.softwareDigest(), o.duration().toMillis(), o.failedStep() == null ? null : o.failedStep().name(),
                o.retryable(), Jdbc.utc(o.startedAt()), Jdbc.utc(at), o.engineTime().toMillis(), containerId, buildLog,
                deployId, o.node());
    }

    public void finish(long deployId, DeployState state, Instant at) {
        jdbc.update("UPDATE deploy SET state = ?, finished_at = ? WHERE id = ?", state.name(), Jdbc.utc(at), deployId);
    }

    /**
     * Marks deploys left RUNNING (the app stopped while they ran) as INTERRUPTED, and their unfinished nodes too,
     * naming the step each was in. Returns the number of deploys marked.
     */
    public int markInterrupted(Instant at) {
        return jdbc.inTransaction(c -> {
            List<Long> ids = Jdbc.query(c, "SELECT id FROM deploy WHERE state = 'RUNNING'", rs -> rs.getLong(1));
            for (long id : ids) {
                Jdbc.update(c, "UPDATE deploy_node SET failed_step = state, retryable = TRUE, finished_at = ?, "
                                + "detail = 'Slipway stopped while this node was in ' || state WHERE deploy_id = ? "
                                + "AND state NOT IN " + TERMINAL_NODE_STATES, Jdbc.utc(at), id);
                Jdbc.update(c, "UPDATE deploy_node SET state = 'INTERRUPTED' WHERE deploy_id = ? AND state NOT IN "
                        + TERMINAL_NODE_STATES, id);
                Jdbc.update(c, "UPDATE deploy SET state = 'INTERRUPTED', finished_at = ? WHERE id = ?", Jdbc.utc(at), id);
            }
            return ids.size();
        });
    }

    /** Newest first. */
    public List<DeployRecord> all() {
        return load("", List.of());
    }

    public Optional<DeployRecord> find(long id) {
        List<DeployRecord> l = load(" WHERE d.id = ?", List.of(id));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<DeployRecord> load(String where, List<Object> params) {
        return jdbc.inTransaction(c -> {
            Map<Long, List<NodeDeployRecord>> nodes = new HashMap<>();
            String nodeWhere = where.isEmpty() ? "" : " WHERE deploy_id = ?";
            Jdbc.query(c, "SELECT * FROM deploy_node" + nodeWhere + " ORDER BY node_name", rs -> nodes
                    .computeIfAbsent(rs.getLong("deploy_id"), k -> new ArrayList<>()).add(mapNode(rs)),
                    params.toArray());
            return Jdbc.query(c, "SELECT * FROM deploy d" + where + " ORDER BY started_at DESC, id DESC",
                    rs -> new DeployRecord(rs.getLong("id"), rs.getString("software"), rs.getString("version"),
                            rs.getBoolean("forced"), DeployState.valueOf(rs.getString("state")),
                            Jdbc.instant(rs.getObject("started_at", OffsetDateTime.class)),
                            Jdbc.instant(rs.getObject("finished_at", OffsetDateTime.class)),
                            nodes.getOrDefault(rs.getLong("id"), List.of()), rs.getString("uid"),
                            rs.getString("registry"), rs.getString("env_image_ref"),
                            (Integer) rs.getObject("parallelism"), (Long) rs.getObject("retry_of")),
                    params.toArray());
        });
    }

    private static NodeDeployRecord mapNode(ResultSet rs) throws SQLException {
        return new NodeDeployRecord(rs.getString("node_name"), rs.getString("state"), rs.getString("detail"),
                rs.getString("env_image"), rs.getString("env_digest"), rs.getString("software_image"),
                rs.getString("software_digest"), (Long) rs.getObject("duration_ms"), rs.getString("failed_step"),
                rs.getBoolean("retryable"), Jdbc.instant(rs.getObject("started_at", OffsetDateTime.class)),
                Jdbc.instant(rs.getObject("finished_at", OffsetDateTime.class)), (Long) rs.getObject("engine_ms"),
                rs.getString("container_id"));
    }

    /** The timed steps of one node (or all nodes when {@code node} is null), in order. */
    public List<StepRecord> steps(long deployId, String node) {
        String sql = "SELECT * FROM deploy_step WHERE deploy_id = ?" + (node == null ? "" : " AND node_name = ?")
                + " ORDER BY node_name, seq";
        Object[] params = node == null ? new Object[] {deployId} : new Object[] {deployId, node};
        return jdbc.query(sql, rs -> new StepRecord(rs.getString("node_name"), rs.getInt("seq"), rs.getString("step"),
                Jdbc.instant(rs.getObject("started_at", OffsetDateTime.class)), rs.getLong("duration_ms"),
                rs.getString("outcome"), rs.getString("detail")), params);
    }

    /** The stored toolchain/build output of one node. */
    public Optional<String> buildLog(long deployId, String node) {
        List<String> rows = jdbc.query("SELECT build_log FROM deploy_node WHERE deploy_id = ? AND node_name = ?",
                rs -> clob(rs.getClob(1)), deployId, node);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    private static String clob(Clob c) throws SQLException {
        return c == null ? null : c.getSubString(1, (int) c.length());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
