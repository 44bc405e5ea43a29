package io.slipway.core.deploy;

import io.slipway.core.store.Jdbc;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Deploy history in the workspace. */
public final class DeployRepository {
    private final Jdbc jdbc;

    public DeployRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

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

    /** Newest first. */
    public List<DeployRecord> all() {
        return jdbc.inTransaction(c -> {
            Map<Long, List<NodeDeployRecord>> nodes = new HashMap<>();
            Jdbc.query(c, "SELECT * FROM deploy_node ORDER BY node_name", rs -> nodes
                    .computeIfAbsent(rs.getLong("deploy_id"), k -> new ArrayList<>())
                    .add(new NodeDeployRecord(rs.getString("node_name"), rs.getString("state"), rs.getString("detail"),
                            rs.getString("env_image"), rs.getString("env_digest"), rs.getString("software_image"),
                            rs.getString("software_digest"), (Long) rs.getObject("duration_ms"))));
            return Jdbc.query(c, "SELECT * FROM deploy ORDER BY started_at DESC, id DESC", rs -> new DeployRecord(
                    rs.getLong("id"), rs.getString("software"), rs.getString("version"), rs.getBoolean("forced"),
                    DeployState.valueOf(rs.getString("state")), Jdbc.instant(rs.getObject("started_at", OffsetDateTime.class)),
                    Jdbc.instant(rs.getObject("finished_at", OffsetDateTime.class)),
                    nodes.getOrDefault(rs.getLong("id"), List.of())));
        });
    }

}
