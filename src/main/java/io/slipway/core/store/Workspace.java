package io.slipway.core.store;

import io.slipway.core.common.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open workspace: one H2 file database in a directory, schema owned by Flyway migrations.
 * Opening checks the file read-only first, so a foreign, corrupt or newer file is refused untouched.
 */
public final class Workspace implements AutoCloseable {
    /** Highest migration this build ships; {@code WorkspaceSchemaTest} keeps it equal to db/migration. */
    public static final int SCHEMA_VERSION = 5;
    static final String DB_NAME = "slipway";

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    private final Path directory;
    private final JdbcConnectionPool pool;
    private final boolean created;

    private Workspace(Path directory, JdbcConnectionPool pool, boolean created) {
        this.directory = directory;
        this.pool = pool;
        this.created = created;
    }

    /** Opens (creating if needed) the workspace in {@code directory}. */
    public static Workspace open(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        WorkspaceDirectory.prepare(dir);
        Path dbFile = databaseFile(dir);
        boolean exists = Files.exists(dbFile);
        if (exists) {
            inspect(dir);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl(dir), "sa", "");
        try {
            migrate(pool, dir);
            LOG.info("workspace {} open at schema version {}", dir, SCHEMA_VERSION);
            return new Workspace(dir, pool, !exists);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /**
     * The read-only look before opening. Read-only, H2 refuses any lock file, even one a killed Slipway left behind
     * (its watchdog stopped writing it): then one read-write open settles it — H2 takes over a lock file nobody keeps
     * alive and refuses one that is ("already in use") — and the look is repeated.
     */
    private static void inspect(Path dir) {
        String readOnly = jdbcUrl(dir) + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
        try {
            SchemaInspection.inspect(dir, readOnly);
        } catch (UserFacingException e) {
            if (!(e.getCause() instanceof SQLException sql) || !String.valueOf(sql.getMessage()).contains("Lock file exists")) {
                throw e;
            }
            LOG.info("workspace {}: a lock file is left; checking whether a running Slipway keeps it", dir);
            try (Connection c = DriverManager.getConnection(jdbcUrl(dir) + ";IFEXISTS=TRUE", "sa", "")) {
                LOG.info("workspace {}: the lock file was stale (a Slipway stopped without closing it)", dir);
            } catch (SQLException held) {
                throw SchemaInspection.translate(dir, held);
            }
            SchemaInspection.inspect(dir, readOnly);
        }
    }

    private static void migrate(DataSource ds, Path dir) {
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw SchemaInspection.translate(dir, e);
        }
    }

    public static Path databaseFile(Path dir) {
        return dir.resolve(DB_NAME + ".mv.db");
    }

    static String jdbcUrl(Path dir) {
        // FILE_LOCK=FILE: a second process gets "already in use", which we turn into a clear message.
        return "jdbc:h2:file:" + dir.resolve(DB_NAME) + ";FILE_LOCK=FILE";
    }

    public Path directory() {
        return directory;
    }

    public Path databasePath() {
        return databaseFile(directory);
    }

    /** True when this open created the database (a fresh workspace, ready for the sample). */
    public boolean wasCreated() {
        return created;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StoreException("cannot get a connection to workspace " + directory, e);
        }
    }

    public Jdbc jdbc() {
        return new Jdbc(pool);
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
