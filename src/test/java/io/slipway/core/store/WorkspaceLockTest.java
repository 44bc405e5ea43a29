package io.slipway.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.common.UserFacingException;
import io.slipway.testsupport.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace lock follows the process: a live holder is refused to others, a killed one holds nothing. */
class WorkspaceLockTest {
    @TempDir
    Path dir;

    @Test
    void aLiveHolderIsRefusedAndAKilledOneReleasesTheWorkspaceAtOnceWithItsData() throws Exception {
        Workspace.open(dir).close();
        try (ChildJvm holder = ChildJvm.start(HoldWorkspace.class, dir.toString(), "ui.lastView", "Audit")) {
            holder.awaitLine("held", 60);
            assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("is in use by another running Slipway");

            holder.kill9();
        }
        long t0 = System.nanoTime();
        try (Workspace ws = Workspace.open(dir)) {
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(took).as("open right after the holder's SIGKILL").isLessThan(Duration.ofSeconds(10));
            assertThat(new Settings(ws.jdbc()).get("ui.lastView")).as("committed before the kill").contains("Audit");
        }
        assertThat(dir.resolve(WorkspaceLock.LEGACY_LOCK_FILE)).doesNotExist();
    }

    @Test
    void aStaleLockFileOfAnOlderSlipwayIsRemovedOnlyOnceItsHolderIsGone() throws Exception {
        Workspace.open(dir).close();
        Path legacyLock = dir.resolve(WorkspaceLock.LEGACY_LOCK_FILE);
        try (ChildJvm holder = ChildJvm.start(HoldWorkspace.class, dir.toString(), "--legacy")) {
            holder.awaitLine("held", 60);
            assertThat(legacyLock).exists();
            assertThatThrownBy(() -> Workspace.open(dir)).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("is in use by another running Slipway");
            assertThat(legacyLock).as("a live holder's lock file is never deleted").exists();

            holder.kill9();
        }
        assertThat(legacyLock).as("SIGKILL leaves the old lock file behind").exists();
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.wasCreated()).isFalse();
        }
        assertThat(legacyLock).doesNotExist();
    }

    @Test
    void aCleanCloseLetsTheNextProcessIn() throws Exception {
        try (ChildJvm holder = ChildJvm.start(HoldWorkspace.class, dir.toString(), "k", "v")) {
            holder.awaitLine("held", 60);
            assertThat(holder.finish(30)).isZero();
        }
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(new Settings(ws.jdbc()).get("k")).contains("v");
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.endsWith(".lock.db"));
    }
}
