package io.slipway.core.store;

import io.slipway.core.common.UserFacingException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;

/**
 * Looks at an existing workspace file read-only before anything writes to it: refuses a file that is held by
 * another process, is not an H2 database, belongs to another program, or has a newer schema than this build.
 */
final class SchemaInspection {
    private SchemaInspection() {
    }

    /** Returns the highest schema version applied to the file (0 for an empty database). */
    static int inspect(Path dir, String readOnlyUrl) {
        Path file = Workspace.databaseFile(dir);
        try (Connection c = DriverManager.getConnection(readOnlyUrl, "sa", "");
             Statement st = c.createStatement()) {
            if (!hasTable(st, "flyway_schema_history")) {
                if (hasAnyTable(st)) {
                    throw new UserFacingException(file + " is an H2 database of another program, not a Slipway "
                            + "workspace. Nothing was changed. Choose another --workspace DIR.");
                }
                return 0;
            }
            int applied = highestAppliedVersion(st);
            if (applied > Workspace.SCHEMA_VERSION) {
                throw new UserFacingException("Workspace " + file + " has schema version " + applied
                        + ", newer than this Slipway knows (" + Workspace.SCHEMA_VERSION + "). It was left "
                        + "untouched. Open it with a newer Slipway, or choose another --workspace DIR.");
            }
            return applied;
        } catch (SQLException e) {
            throw translate(dir, e);
        }
    }

    private static boolean hasTable(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + name + "'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static boolean hasAnyTable(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static int highestAppliedVersion(Statement st) throws SQLException {
        int highest = 0;
        try (ResultSet rs = st.executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            while (rs.next()) {
                highest = Math.max(highest, majorOf(rs.getString(1)));
            }
        }
        return highest;
    }

    private static int majorOf(String version) {
        String head = version.split("[._]")[0];
        try {
            return Integer.parseInt(head);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static UserFacingException translate(Path dir, SQLException e) {
        Path file = Workspace.databaseFile(dir);
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || String.valueOf(e.getMessage()).contains("already in use")) {
            return new UserFacingException("Workspace " + dir + " is in use by another running Slipway. "
                    + "Close that one first, or open another workspace with --workspace DIR.", e);
        }
        if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.FILE_VERSION_ERROR_1
                || code == ErrorCode.GENERAL_ERROR_1 || code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2
                || code == ErrorCode.FILE_ENCRYPTION_ERROR_1 || code == ErrorCode.WRONG_USER_OR_PASSWORD) {
            return new UserFacingException(file + " is not a readable Slipway workspace (corrupt, not an H2 file, "
                    + "or made by another program: " + firstLine(e.getMessage()) + "). Nothing was changed. "
                    + "Move it aside or choose another --workspace DIR.", e);
        }
        return new UserFacingException("Cannot open workspace " + file + ": " + firstLine(e.getMessage()), e);
    }

    static UserFacingException translate(Path dir, FlywayException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof SQLException sql) {
                return translate(dir, sql);
            }
            cause = cause.getCause();
        }
        return new UserFacingException("Cannot bring workspace " + Workspace.databaseFile(dir)
                + " up to schema version " + Workspace.SCHEMA_VERSION + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
