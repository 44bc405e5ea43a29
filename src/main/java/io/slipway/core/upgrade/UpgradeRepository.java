package io.slipway.core.upgrade;

import io.slipway.core.store.Jdbc;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Upgrade offers kept in the workspace (runs and targets: {@link UpgradeRunStore}). */
public final class UpgradeRepository {
    private final Jdbc jdbc;

    public UpgradeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long add(String name, Instant createdAt, Map<String, String> offered) {
        return add(name, createdAt, offered, null);
    }

    /** Stores an offer (unchecked: {@link UpgradeService#addOffer} checks and audits). */
    public long add(String name, Instant createdAt, Map<String, String> offered, String source) {
        return jdbc.inTransaction(c -> {
            Jdbc.update(c, "INSERT INTO upgrade_offer (name, created_at, source) VALUES (?, ?, ?)", name,
                    Jdbc.utc(createdAt), source);
            long id = Jdbc.query(c, "SELECT id FROM upgrade_offer WHERE name = ?", rs -> rs.getLong(1), name).get(0);
            for (Map.Entry<String, String> e : new TreeMap<>(offered).entrySet()) {
                Jdbc.update(c, "INSERT INTO upgrade_offer_item (offer_id, software, version) VALUES (?, ?, ?)",
                        id, e.getKey(), e.getValue());
            }
            return id;
        });
    }

    /** Newest first. */
    public List<UpgradeOffer> all() {
        return jdbc.inTransaction(c -> {
            Map<Long, Map<String, String>> items = new HashMap<>();
            Jdbc.query(c, "SELECT offer_id, software, version FROM upgrade_offer_item", rs ->
                    items.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3)));
            return Jdbc.query(c, "SELECT id, name, created_at, source FROM upgrade_offer "
                            + "ORDER BY created_at DESC, id DESC",
                    rs -> new UpgradeOffer(rs.getLong(1), rs.getString(2),
                            Jdbc.instant(rs.getObject(3, OffsetDateTime.class)),
                            items.getOrDefault(rs.getLong(1), Map.of()), rs.getString(4)));
        });
    }

    public Optional<UpgradeOffer> find(long id) {
        return all().stream().filter(o -> o.id() == id).findFirst();
    }

    public Optional<UpgradeOffer> findByName(String name) {
        return all().stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
