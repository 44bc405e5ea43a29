package io.slipway.core.store;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Key/value settings kept in the workspace (window geometry, last view, preferences). */
public final class Settings {
    /** Stores one setting (name, value); also used inside a caller's transaction. */
    public static final String MERGE = "MERGE INTO setting (name, val) KEY (name) VALUES (?, ?)";

    private final Jdbc jdbc;

    public Settings(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String name) {
        return jdbc.queryOne("SELECT val FROM setting WHERE name = ?", rs -> rs.getString(1), name);
    }

    public void put(String name, String value) {
        jdbc.update(MERGE, name, value);
    }

    public Map<String, String> all() {
        Map<String, String> out = new TreeMap<>();
        jdbc.query("SELECT name, val FROM setting", rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }
}
