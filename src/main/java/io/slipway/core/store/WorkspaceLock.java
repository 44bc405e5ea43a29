package io.slipway.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a workspace is held: the operating system's lock on {@code slipway.mv.db} (H2 {@code FILE_LOCK=FS}), which
 * the kernel drops when the holding process dies, so a killed Slipway never locks its workspace for good.
 *
 * <p>Slipway up to schema 4 also wrote {@code slipway.lock.db} (H2 {@code FILE_LOCK=FILE}); one left by a killed
 * process makes H2's read-only open refuse the workspace forever. Every H2 2.x that has the file open holds the OS
 * lock on it as well, so when we can take that lock ourselves nobody holds the workspace and the lock file is
 * proven stale; only then is it removed.
 */
final class WorkspaceLock {
    static final String LEGACY_LOCK_FILE = Workspace.DB_NAME + ".lock.db";

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceLock.class);

    private WorkspaceLock() {
    }

    /**
     * The H2 URL options: the database file's OS lock is the workspace lock, and each commit is written to the file
     * before it returns (H2's default keeps commits in memory up to a second: a SIGKILL lost them).
     */
    static String urlOptions() {
        return ";FILE_LOCK=FS;WRITE_DELAY=0";
    }

    /** Removes a legacy lock file whose holder is gone; leaves it when any process holds the database. */
    static void clearStaleLegacyLock(Path dir) {
        Path legacy = dir.resolve(LEGACY_LOCK_FILE);
        if (Files.exists(legacy)) {
            whileNobodyHolds(dir, () -> {
                Files.deleteIfExists(legacy);
                LOG.info("removed stale lock file {} (no process holds the workspace)", legacy);
            });
        }
    }

    /** Work on the workspace's files that is only safe when no process has the database open. */
    @FunctionalInterface
    interface FileWork {
        void run() throws IOException;
    }

    /**
     * Runs {@code work} holding the database file's OS lock; returns false (and does nothing) when a live process
     * holds it. Failing I/O is left to the open that follows, which says what is wrong with the file.
     */
    static boolean whileNobodyHolds(Path dir, FileWork work) {
        Path db = Workspace.databaseFile(dir);
        if (!Files.isRegularFile(db)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(ch);
            if (lock == null) {
                return false; // held by a live process: the open that follows reports "in use"
            }
            try {
                work.run();
                return true;
            } finally {
                if (lock.isValid()) {
                    lock.release();
                }
            }
        } catch (IOException e) {
            LOG.debug("could not work on {} unheld: {}", db, e.toString());
            return false;
        }
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }
}
