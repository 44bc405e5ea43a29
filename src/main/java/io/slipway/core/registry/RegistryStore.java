package io.slipway.core.registry;

import io.slipway.core.store.Jdbc;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Registry configurations in the workspace; the password column only ever holds {@link CredentialVault} output. */
public final class RegistryStore {
    private static final String COLUMNS = "name, url, ca_pem, username, credential IS NOT NULL AS has_credential, "
            + "insecure_http, skip_tls_verify, created_at";

    private final Jdbc jdbc;

    public RegistryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts; false when the name is taken. */
    boolean insert(RegistryConfig c, byte[] sealedPassword) {
        return jdbc.inTransaction(conn -> {
            if (!Jdbc.query(conn, "SELECT 1 FROM registry WHERE name = ?", rs -> 1, c.name()).isEmpty()) {
                return false;
            }
            Jdbc.update(conn, "INSERT INTO registry (name, url, ca_pem, username, credential, insecure_http, "
                    + "skip_tls_verify, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", c.name(), c.url().toString(),
                    c.caPem(), c.username(), sealedPassword, c.insecureHttp(), c.skipTlsVerify(),
                    Jdbc.utc(c.createdAt()));
            return true;
        });
    }

    public Optional<RegistryConfig> find(String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM registry WHERE name = ?", RegistryStore::map, name);
    }

    public List<RegistryConfig> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM registry ORDER BY name", RegistryStore::map);
    }

    /** The sealed password of {@code name}, if any. */
    Optional<byte[]> sealedPassword(String name) {
        return jdbc.queryOne("SELECT credential FROM registry WHERE name = ? AND credential IS NOT NULL",
                rs -> rs.getBytes(1), name);
    }

    /** Replaces user and sealed password (both null: anonymous). */
    boolean updateCredentials(String name, String username, byte[] sealedPassword) {
        return jdbc.update("UPDATE registry SET username = ?, credential = ? WHERE name = ?", username,
                sealedPassword, name) == 1;
    }

    boolean remove(String name) {
        return jdbc.update("DELETE FROM registry WHERE name = ?", name) == 1;
    }

    private static RegistryConfig map(ResultSet rs) throws SQLException {
        return new RegistryConfig(rs.getString("name"), URI.create(rs.getString("url")), rs.getString("ca_pem"),
                rs.getString("username"), rs.getBoolean("has_credential"), rs.getBoolean("insecure_http"),
                rs.getBoolean("skip_tls_verify"), instant(rs.getObject("created_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime t) {
        return Jdbc.instant(t);
    }
}
