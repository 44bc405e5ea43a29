package io.slipway.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.testsupport.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import io.slipway.core.audit.AuditHashing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during the schema upgrade of an older workspace (a real child process, killed at several moments
 * of the upgrade): the next open puts the workspace back as it was and upgrades it again; nothing is lost, the
 * audit chain holds.
 */
class MigrationCrashTest {
    private static final int ROWS = 30_000;
    private static final int EVENTS = 20;

    @TempDir
    Path tmp;

    @Test
    void aKillDuringTheUpgradeOfAnOlderWorkspaceIsUndoneAndTheUpgradeRunsAgain() throws Exception {
        Path template = olderWorkspace(tmp.resolve("template"));
        int killedMidUpgrade = 0;
        for (int delayMs : new int[] {0, 100, 400}) {
            Path dir = tmp.resolve("ws-" + delayMs);
            Files.createDirectories(dir);
            Files.copy(Workspace.databaseFile(template), Workspace.databaseFile(dir));
            boolean mid;
            try (ChildJvm child = ChildJvm.start(Map.of("SLIPWAY_LOG_LEVEL", "INFO"), HoldWorkspace.class,
                    dir.toString())) {
                child.awaitLineContaining("upgrading workspace", 120);
                Thread.sleep(delayMs);
                // the copy exists until the upgrade is recorded: a kill now lands in the middle of it
                mid = Files.exists(MigrationBackup.file(dir)) && !child.transcript().contains("held");
                child.kill9();
            }
            killedMidUpgrade += mid ? 1 : 0;
            long t0 = System.nanoTime();
            try (Workspace ws = Workspace.open(dir)) {
                double recover = (System.nanoTime() - t0) / 1e9;
                Jdbc jdbc = ws.jdbc();
                assertThat(jdbc.queryOne("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" "
                        + "WHERE \"success\"", rs -> rs.getInt(1))).contains(Workspace.SCHEMA_VERSION);
                assertThat(jdbc.queryOne("SELECT COUNT(*) FROM deploy", rs -> rs.getInt(1))).contains(ROWS);
                assertThat(jdbc.queryOne("SELECT COUNT(*) FROM deploy_node", rs -> rs.getInt(1))).contains(ROWS);
                AuditTrail audit = new AuditTrail(jdbc, Clock.SYSTEM, "test");
                assertThat(audit.count()).isEqualTo(EVENTS);
                assertThat(audit.verify().intact()).isTrue();
                assertThat(MigrationBackup.file(dir)).doesNotExist();
                System.out.printf("RECOVERY kill9-mid-migration (+%d ms, %s): reopened and upgraded in %.2f s, "
                        + "records lost 0, manual steps 0%n", delayMs, mid ? "mid-upgrade" : "after it", recover);
            }
        }
        assertThat(killedMidUpgrade).as("kills that landed in the middle of the upgrade").isPositive();
    }

    /** A workspace as Slipway 3 left it (schema 3), with enough rows that upgrading it takes a while. */
    private static Path olderWorkspace(Path dir) throws Exception {
        Files.createDirectories(dir);
        JdbcConnectionPool pool = JdbcConnectionPool.create(Workspace.jdbcUrl(dir), "sa", "");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("3").load().migrate();
            // events as Slipway 3 wrote them: its columns and its hash (version 1), so they must keep verifying
            try (Connection c = pool.getConnection();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO audit_event (seq, at, who, action, "
                         + "subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                String prev = AuditHashing.GENESIS;
                Instant at0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                for (int i = 0; i < EVENTS; i++) {
                    long seq = i + 1;
                    Instant at = at0.plusSeconds(i);
                    String details = "{\"i\":" + i + "}";
                    String hash = AuditHashing.hash(AuditHashing.V1, prev, seq, at, "test", "test.event",
                            "event-" + i, details, null, null);
                    insert.setLong(1, seq);
                    insert.setObject(2, at.atOffset(ZoneOffset.UTC));
                    insert.setString(3, "test");
                    insert.setString(4, "test.event");
                    insert.setString(5, "event-" + i);
                    insert.setString(6, details);
                    insert.setString(7, prev);
                    insert.setString(8, hash);
                    insert.executeUpdate();
                    prev = hash;
                }
            }
        } finally {
            pool.dispose();
        }
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(dir), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO deploy (software, version, state, started_at) SELECT 'sw', 'v' || X, 'SUCCEEDED', "
                    + "CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, " + ROWS + ")");
            st.execute("INSERT INTO deploy_node (deploy_id, node_name, state, detail) SELECT id, 'node', 'DONE', "
                    + "'built and pushed' FROM deploy");
        }
        return dir;
    }
}
