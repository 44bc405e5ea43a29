package io.slipway.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private by default, like {@code ~/.ssh}: the workspace holds sealed registry credentials (open to offline
 * guessing of the passphrase), the inventory and the audit trail. Slipway creates its directory 0700 and keeps its
 * files 0600 whatever the umask. A workspace others can read or write was made so by someone on purpose or by an
 * older Slipway: it is left as it is, with one warning that says how to fix it.
 */
final class WorkspacePermissions {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = LoggerFactory.getLogger(WorkspacePermissions.class);
    /** Directories already warned about in this process: the console reopens workspaces, one warning is enough. */
    private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

    private WorkspacePermissions() {
    }

    /** Makes a directory Slipway has just created private (the umask may have left it open). */
    static void makeDirectoryPrivate(Path dir) throws IOException {
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, DIRECTORY);
        }
    }

    /**
     * Keeps the files of a private workspace 0600 (H2 creates them with the umask's mode); in a workspace others
     * can reach, changes nothing and warns once with the fix.
     */
    static void enforce(Path dir) {
        if (!posix(dir)) {
            return;
        }
        try {
            if (isOpenToOthers(Files.getPosixFilePermissions(dir))) {
                warnOnce(dir, describeOpen(dir));
                return;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                            && isOpenToOthers(Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS))) {
                        Files.setPosixFilePermissions(f, FILE);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("could not check the permissions of workspace {}: {}", dir, e.toString());
        }
    }

    static String fixCommand(Path dir) {
        return "chmod 700 '" + dir + "' && chmod 600 '" + dir + "'/*";
    }

    private static void warnOnce(Path dir, String what) {
        if (WARNED.add(dir)) {
            LOG.warn("Workspace {} can be reached by other users of this machine ({}); it holds sealed registry "
                    + "credentials, the inventory and the audit trail. Make it private: {}", dir, what, fixCommand(dir));
        }
    }

    private static String describeOpen(Path dir) throws IOException {
        List<String> parts = new ArrayList<>();
        parts.add("directory " + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().forEach(f -> {
                try {
                    Set<PosixFilePermission> p = Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS);
                    if (isOpenToOthers(p)) {
                        parts.add(f.getFileName() + " " + PosixFilePermissions.toString(p));
                    }
                } catch (IOException ignored) {
                    // a file that vanished meanwhile says nothing about the others
                }
            });
        }
        return String.join(", ", parts);
    }

    private static boolean isOpenToOthers(Set<PosixFilePermission> p) {
        return p.stream().anyMatch(x -> x.name().startsWith("GROUP_") || x.name().startsWith("OTHERS_"));
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
