package io.slipway.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.testsupport.ChildJvm;
import io.slipway.testsupport.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace is private whatever the umask; one others can reach is left alone with one warning and the fix. */
class WorkspacePermissionsTest {
    @TempDir
    Path tmp;

    @Test
    void aNewWorkspaceIsPrivateEvenUnderAnOpenUmask() throws Exception {
        Path ws = tmp.resolve("ws");
        try (ChildJvm child = ChildJvm.startWithUmask("000", HoldWorkspace.class, ws.toString(), "k", "v")) {
            child.awaitLine("held", 60);
            assertThat(child.finish(30)).isZero();
        }
        assertThat(mode(ws)).isEqualTo("rwx------");
        List<Path> files = list(ws);
        assertThat(files).contains(Workspace.databaseFile(ws));
        for (Path f : files) {
            assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void aWorkspaceOthersCanReadWarnsOnceWithTheFixAndIsLeftAsItIs() throws Exception {
        Path ws = tmp.resolve("shared");
        Workspace.open(ws).close();
        Files.setPosixFilePermissions(ws, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(Workspace.databaseFile(ws), PosixFilePermissions.fromString("rw-r--r--"));

        String log;
        try (LogCapture capture = new LogCapture()) {
            Workspace.open(ws).close();
            Workspace.open(ws).close();
            log = capture.text();
        }
        assertThat(log.split("Make it private", -1)).as("one warning").hasSize(2);
        assertThat(log).contains("Workspace " + ws + " can be reached by other users",
                "directory rwxr-xr-x", "slipway.mv.db rw-r--r--", "chmod 700 '" + ws + "' && chmod 600 '" + ws + "'/*");
        assertThat(mode(ws)).isEqualTo("rwxr-xr-x");
        assertThat(mode(Workspace.databaseFile(ws))).isEqualTo("rw-r--r--");
    }

    @Test
    void aPrivateWorkspaceIsQuiet() throws Exception {
        Path ws = tmp.resolve("private");
        try (LogCapture capture = new LogCapture()) {
            Workspace.open(ws).close();
            Workspace.open(ws).close();
            assertThat(capture.text()).doesNotContain("Make it private");
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
