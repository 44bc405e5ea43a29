package io.slipway.core.sbom;

import io.slipway.core.store.Jdbc;
import java.util.List;

/** Components and their tags as stored in the workspace (the workspace wins over SPDX annotations). */
public final class ComponentRepository {
    private final Jdbc jdbc;

    public ComponentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Component c) {
        jdbc.update("MERGE INTO component (id, name, version, type, release_mode, native_id, supplier, "
                        + "declared_licence, concluded_licence, copyright) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.name(), c.version(), c.type().name(), c.mode().number(), c.nativeId(), c.supplier(),
                c.declaredLicence(), c.concludedLicence(), c.copyright());
    }

    public List<Component> all() {
        return jdbc.query("SELECT * FROM component ORDER BY type, name", rs -> new Component(rs.getString("id"),
                rs.getString("name"), rs.getString("version"), ComponentType.valueOf(rs.getString("type")),
                ReleaseMode.of(rs.getInt("release_mode")), rs.getString("native_id"), rs.getString("supplier"),
                rs.getString("declared_licence"), rs.getString("concluded_licence"), rs.getString("copyright")));
    }
}
