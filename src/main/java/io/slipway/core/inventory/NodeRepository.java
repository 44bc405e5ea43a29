package io.slipway.core.inventory;

import io.slipway.core.store.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Nodes and their installed software in the workspace. */
public final class NodeRepository {
    private final Jdbc jdbc;

    public NodeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a node with the software it is known to run; returns its id. */
    public long add(String name, String endpoint, List<String> groups, String notes, Map<String, String> installed) {
        return jdbc.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO node (name, endpoint, groups_csv, notes) VALUES (?, ?, ?, ?)",
                    name, endpoint, String.join(",", groups), notes);
            long id = Jdbc.query(c, "SELECT id FROM node WHERE name = ?", rs -> rs.getLong(1), name).get(0);
            replaceInstalled(c, id, installed);
            return id;
        });
    }

    private static void replaceInstalled(Connection c, long nodeId, Map<String, String> installed)
            throws SQLException {
        Jdbc.update(c, "DELETE FROM installed_software WHERE node_id = ?", nodeId);
        for (Map.Entry<String, String> e : new TreeMap<>(installed).entrySet()) {
            Jdbc.update(c, "INSERT INTO installed_software (node_id, software, version) VALUES (?, ?, ?)",
                    nodeId, e.getKey(), e.getValue());
        }
    }

    public List<Node> all() {
        return jdbc.inTransaction(c -> {
            Map<Long, Map<String, String>> installed = new HashMap<>();
            Jdbc.query(c, "SELECT node_id, software, version FROM installed_software", rs ->
                    installed.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3)));
            return Jdbc.query(c, "SELECT * FROM node ORDER BY name", rs -> {
                long id = rs.getLong("id");
                String csv = rs.getString("groups_csv");
                OffsetDateTime seen = rs.getObject("last_seen", OffsetDateTime.class);
                return new Node(id, rs.getString("name"), rs.getString("endpoint"),
                        csv.isBlank() ? List.of() : Arrays.asList(csv.split(",")), rs.getString("notes"),
                        NodeStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                        rs.getString("engine_version"), rs.getString("os_arch"),
                        Jdbc.instant(seen), installed.getOrDefault(id, Map.of()));
            });
        });
    }
}
