package io.slipway.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.common.UserFacingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void createsSchemaOnFirstOpenAndReopensWithoutRecreating() {
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.wasCreated()).isTrue();
            new Settings(ws.jdbc()).put("ui.lastView", "SBOM");
        }
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.wasCreated()).isFalse();
            assertThat(new Settings(ws.jdbc()).get("ui.lastView")).contains("SBOM");
        }
    }

    @Test
    void refusesNewerSchemaAndLeavesFileUntouched() throws Exception {
        Workspace.open(dir).close();
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(dir), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (99, '" + (Workspace.SCHEMA_VERSION + 1) + "', 'future', 'SQL', 'V9__future.sql', 0, "
                    + "'sa', 1, TRUE)");
        }
        String before = sha256(Workspace.databaseFile(dir));

        assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("schema version " + (Workspace.SCHEMA_VERSION + 1))
                .hasMessageContaining("newer than this Slipway knows")
                .hasMessageContaining(Workspace.databaseFile(dir).toString());
        assertThat(sha256(Workspace.databaseFile(dir))).isEqualTo(before);
    }

    @Test
    void refusesForeignH2DatabaseUntouched() throws Exception {
        try (Connection c = DriverManager.getConnection(Workspace.jdbcUrl(dir), "sa", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (id INT PRIMARY KEY, amount DECIMAL)");
        }
        String before = sha256(Workspace.databaseFile(dir));
        assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("another program, not a Slipway workspace");
        assertThat(sha256(Workspace.databaseFile(dir))).isEqualTo(before);
    }

    @Test
    void refusesCorruptFileUntouched() throws Exception {
        Path file = Workspace.databaseFile(dir);
        Files.write(file, "this is not an H2 database\n".repeat(200).getBytes());
        String before = sha256(file);
        assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("Nothing was changed");
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(Files.list(dir).count()).isEqualTo(1);
    }

    @Test
    void refusesAWorkspaceDirectoryThatCannotBeCreated() throws IOException {
        Path aFile = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> Workspace.open(aFile.resolve("ws"))).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Cannot create workspace directory " + aFile.resolve("ws"));
        assertThatThrownBy(() -> Workspace.open(aFile)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("is a file, not a directory");
        assertThat(Files.readString(aFile)).isEqualTo("x");
    }

    @Test
    void refusesAWorkspaceHeldByAnotherProcess() throws Exception {
        Workspace.open(dir).close();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldWorkspace.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            // The holder prints "held" once it has the database open (log lines may come first).
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.equals("held"));
            assertThat(line).as("holder process opened the workspace").isEqualTo("held");
            assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("is in use by another running Slipway");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        Workspace.open(dir).close();
    }

    @Test
    void opensAWorkspaceWhoseHolderWasKilled() throws Exception {
        Workspace.open(dir).close();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldWorkspace.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream()));
        String line;
        do {
            line = lines.readLine();
        } while (line != null && !line.equals("held"));
        assertThat(line).as("holder process opened the workspace").isEqualTo("held");

        holder.destroyForcibly(); // kill -9: its lock file stays behind, no longer kept alive
        holder.waitFor();

        assertThat(dir.resolve("slipway.lock.db")).exists();
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.wasCreated()).isFalse();
        }
    }

    @Test
    void schemaVersionConstantMatchesTheHighestMigration() throws Exception {
        Path migrations = Path.of("src/main/resources/db/migration");
        int highest;
        try (var files = Files.list(migrations)) {
            highest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
        }
        assertThat(Workspace.SCHEMA_VERSION).isEqualTo(highest);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
