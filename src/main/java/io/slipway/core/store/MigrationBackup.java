package io.slipway.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a schema upgrade all or nothing. H2 commits every DDL statement on its own, so a Slipway killed in the
 * middle of a migration left half of it applied and unrecorded, and every later open failed re-running it ("column
 * already exists"). Before migrating an existing workspace the database file is copied aside (while Slipway holds
 * it, so nobody writes meanwhile); the copy is dropped once the migration is recorded. A copy found at the next open
 * with no process holding the workspace means the upgrade was cut short: the file goes back to the copy, and the
 * upgrade runs again from the start.
 */
final class MigrationBackup {
    static final String SUFFIX = ".before-migration";

    private static final Logger LOG = LoggerFactory.getLogger(MigrationBackup.class);

    private MigrationBackup() {
    }

    static Path file(Path dir) {
        return dir.resolve(Workspace.databaseFile(dir).getFileName() + SUFFIX);
    }

    /** Puts back the copy of an upgrade that was cut short; nothing while another process holds the workspace. */
    static void restoreIfInterrupted(Path dir) {
        Path copy = file(dir);
        if (!Files.exists(copy)) {
            return;
        }
        WorkspaceLock.whileNobodyHolds(dir, () -> {
            Files.move(copy, Workspace.databaseFile(dir), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("The last schema upgrade of workspace {} was cut short (Slipway stopped during it): the "
                    + "workspace is back as it was before it, and the upgrade runs again now.", dir);
        });
    }

    /** Copies the database aside, complete and on disk before it counts ({@code .tmp}, fsync, rename). */
    static void take(Path dir) {
        Path copy = file(dir);
        Path tmp = dir.resolve(copy.getFileName() + ".tmp");
        try {
            Files.copy(Workspace.databaseFile(dir), tmp, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot copy workspace " + dir + " aside before upgrading its schema ("
                    + e.getMessage() + "); nothing was changed. Free disk space in " + dir + " and open it again.", e);
        }
    }

    static void discard(Path dir) {
        try {
            Files.deleteIfExists(file(dir));
        } catch (IOException e) {
            LOG.warn("could not remove {} after the schema upgrade: {}", file(dir), e.toString());
        }
    }
}
