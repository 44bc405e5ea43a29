package io.slipway.core.inventory;

import com.fasterxml.jackson.core.type.TypeReference;
import io.slipway.core.common.Json;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.engine.EngineFacts;
import io.slipway.core.store.Jdbc;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Nodes and their installed software in the workspace. */
public final class NodeRepository {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final Jdbc jdbc;

    public NodeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a node with the software it is known to run; returns its id. */
    public long add(String name, String endpoint, List<String> groups, String notes, Map<String, String> installed) {
        return jdbc.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO node (name, endpoint, groups_csv, notes) VALUES (?, ?, ?, ?)",
                    name, endpoint, String.join(",", groups), notes);
            long id = idOf(c, name);
            replaceInstalled(c, id, installed);
            return id;
        });
    }

    /** Adds a node from a validated spec; a taken name is a {@link UserFacingException}. */
    public long add(NodeSpec spec) {
        NodeSpec s = spec.validated();
        return jdbc.inTransaction(c -> {
            if (!Jdbc.query(c, "SELECT id FROM node WHERE name = ?", rs -> rs.getLong(1), s.name()).isEmpty()) {
                throw new UserFacingException("A node named " + s.name() + " already exists; edit it, or choose "
                        + "another name.");
            }
            Jdbc.update(c, "INSERT INTO node (name, endpoint, tls_cert_dir, groups_csv, labels_json, notes) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", s.name(), s.endpoint(), s.tlsCertDir(), String.join(",", s.groups()),
                    Json.write(s.labels()), s.notes());
            return idOf(c, s.name());
        });
    }

    /**
     * Changes node {@code name} to {@code spec} (which may rename it). A changed endpoint resets what the last probe
     * found, since it described another engine.
     */
    public void update(String name, NodeSpec spec) {
        NodeSpec s = spec.validated();
        jdbc.inTransaction(c -> {
            List<String> endpoints = Jdbc.query(c, "SELECT endpoint FROM node WHERE name = ?", rs -> rs.getString(1), name);
            if (endpoints.isEmpty()) {
                throw new UserFacingException("No node named " + name + " (see 'slipway nodes list').");
            }
            if (!s.name().equals(name)
                    && !Jdbc.query(c, "SELECT id FROM node WHERE name = ?", rs -> rs.getLong(1), s.name()).isEmpty()) {
                throw new UserFacingException("Cannot rename " + name + " to " + s.name() + ": that name is taken.");
            }
            Jdbc.update(c, "UPDATE node SET name = ?, endpoint = ?, tls_cert_dir = ?, groups_csv = ?, labels_json = ?, "
                    + "notes = ? WHERE name = ?", s.name(), s.endpoint(), s.tlsCertDir(), String.join(",", s.groups()),
                    Json.write(s.labels()), s.notes(), name);
            if (!endpoints.get(0).equals(s.endpoint())) {
                Jdbc.update(c, "UPDATE node SET status = 'UNKNOWN', status_reason = NULL, engine_version = NULL, "
                        + "os_arch = NULL, engine_kind = NULL, api_version = NULL, cpus = NULL, memory_bytes = NULL "
                        + "WHERE name = ?", s.name());
            }
            return null;
        });
    }

    /** Removes a node; false when there was none of that name. Deploy history keeps the name. */
    public boolean remove(String name) {
        return jdbc.update("DELETE FROM node WHERE name = ?", name) > 0;
    }

    public Optional<Node> find(String name) {
        return all().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Stores what a probe found. Unreachable keeps the last known facts and last-seen time. */
    public void recordProbe(ProbeResult r) {
        jdbc.inTransaction(c -> {
            List<Long> ids = Jdbc.query(c, "SELECT id FROM node WHERE name = ?", rs -> rs.getLong(1), r.node());
            if (ids.isEmpty()) {
                return null; // removed meanwhile
            }
            if (r.reachable()) {
                EngineFacts f = r.facts();
                Jdbc.update(c, "UPDATE node SET status = 'REACHABLE', status_reason = NULL, engine_version = ?, "
                        + "os_arch = ?, engine_kind = ?, api_version = ?, cpus = ?, memory_bytes = ?, last_seen = ?, "
                        + "last_probe_at = ? WHERE id = ?", f.engineVersion(), f.osArch(), f.kind(), f.apiVersion(),
                        f.cpus(), f.memoryBytes(), Jdbc.utc(r.at()), Jdbc.utc(r.at()), ids.get(0));
                replaceInstalled(c, ids.get(0), f.installed());
            } else {
                Jdbc.update(c, "UPDATE node SET status = 'UNREACHABLE', status_reason = ?, last_probe_at = ? WHERE id = ?",
                        truncate(r.reason(), 2000), Jdbc.utc(r.at()), ids.get(0));
            }
            return null;
        });
    }

    /** Records that {@code software@version} is now installed on a node (after a deploy built it there). */
    public void setInstalled(String node, String software, String version) {
        jdbc.inTransaction(c -> setInstalled(c, node, software, version));
    }

    /** {@link #setInstalled(String, String, String)} in the caller's transaction (with a deploy's own writes). */
    public int setInstalled(Connection c, String node, String software, String version) throws SQLException {
        return Jdbc.update(c, "MERGE INTO installed_software (node_id, software, version) KEY (node_id, software) "
                + "SELECT id, ?, ? FROM node WHERE name = ?", software, version, node);
    }

    private static long idOf(Connection c, String name) throws SQLException {
        return Jdbc.query(c, "SELECT id FROM node WHERE name = ?", rs -> rs.getLong(1), name).get(0);
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
            return Jdbc.query(c, "SELECT * FROM node ORDER BY name", rs -> map(rs, installed));
        });
    }

    private static Node map(ResultSet rs, Map<Long, Map<String, String>> installed) throws SQLException {
        long id = rs.getLong("id");
        String csv = rs.getString("groups_csv");
        return new Node(id, rs.getString("name"), rs.getString("endpoint"),
                csv.isBlank() ? List.of() : Arrays.asList(csv.split(",")), rs.getString("notes"),
                NodeStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getString("engine_version"), rs.getString("os_arch"),
                Jdbc.instant(rs.getObject("last_seen", OffsetDateTime.class)), installed.getOrDefault(id, Map.of()),
                rs.getString("tls_cert_dir"), labels(rs.getString("labels_json")), rs.getString("engine_kind"),
                rs.getString("api_version"), (Integer) rs.getObject("cpus"), (Long) rs.getObject("memory_bytes"),
                Jdbc.instant(rs.getObject("last_probe_at", OffsetDateTime.class)));
    }

    private static Map<String, String> labels(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(json, STRING_MAP);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
