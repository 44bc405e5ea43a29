package io.slipway.core.sbom.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing never writes outside its target and never leaves a half-written release. */
class PublishSafetyTest {
    @TempDir
    Path tmp;

    SlipwayCore core;
    Path index;
    Path outParent;

    @BeforeEach
    void setUp() throws Exception {
        core = SlipwayCore.open(tmp.resolve("ws"), Optional.empty());
        ReleaseFixture fx = new ReleaseFixture(tmp.resolve("set"))
                .component("upstream", "open-source", 3, null, "MIT")
                .component("patched", "derivative", 1, "upstream", "MIT")
                .component("app", "owned", 2, null, "LicenseRef-Own");
        for (int i = 0; i < 20; i++) {
            fx.write("patched/src/more/file" + i + ".c", "int f" + i + ";\n");
        }
        index = core.sbomRelease().generate(fx.manifest(), tmp.resolve("sbom")).index();
        outParent = Files.createDirectories(tmp.resolve("releases"));
    }

    @AfterEach
    void close() {
        core.close();
    }

    PublishResult publish(Path out, PublishProgress progress) {
        LoadedRelease release = core.sbomRelease().load(index, Optional.empty());
        return core.sbomRelease().publish(release, ReleasePolicy.defaultPolicy(), out, false, progress);
    }

    void assertNothingPublished() throws Exception {
        try (Stream<Path> s = Files.list(outParent)) {
            assertThat(s.toList()).as("nothing, not even a temporary folder, is left").isEmpty();
        }
    }

    @Test
    void fileNamesWithDotDotInTheSbomAreRefused() throws Exception {
        ReleaseFixture.rewriteDocument(index, "patched", doc ->
                ReleaseFixture.file(doc, "./source/README").put("fileName", "./source/../../../../escaped.txt"));
        assertThatThrownBy(() -> publish(outParent.resolve("r"), PublishProgress.NONE))
                .isInstanceOf(SafePaths.UnsafePathException.class)
                .hasMessageContaining("patched.spdx.json").hasMessageContaining("'./source/../../../../escaped.txt'")
                .hasMessageContaining("'..'");
        assertNothingPublished();
        assertThat(tmp.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void absoluteFileNamesInTheSbomAreRefused() throws Exception {
        ReleaseFixture.rewriteDocument(index, "patched", doc ->
                ReleaseFixture.file(doc, "./source/README").put("fileName", "/tmp/absolute.txt"));
        assertThatThrownBy(() -> publish(outParent.resolve("r"), PublishProgress.NONE))
                .isInstanceOf(SafePaths.UnsafePathException.class).hasMessageContaining("absolute path");
        assertNothingPublished();
    }

    @Test
    void packageNamesThatWouldLeaveTheTierFolderAreRefused() throws Exception {
        ReleaseFixture.rewriteDocument(index, "app", doc ->
                ((ObjectNode) doc.get("packages").get(0)).put("name", "../../../outside"));
        assertThatThrownBy(() -> publish(outParent.resolve("r"), PublishProgress.NONE))
                .isInstanceOf(SafePaths.UnsafePathException.class).hasMessageContaining("cannot be a folder name");
        assertNothingPublished();
    }

    @Test
    void aSourceReplacedByALinkPointingOutsideIsRefused() throws Exception {
        // same content, so every checksum still matches: only the link gives it away
        Path source = tmp.resolve("set/patched/src/patched.c");
        Path outside = Files.writeString(tmp.resolve("outside.c"), Files.readString(source));
        Files.delete(source);
        Files.createSymbolicLink(source, outside);
        assertThatThrownBy(() -> publish(outParent.resolve("r"), PublishProgress.NONE))
                .isInstanceOf(SafePaths.UnsafePathException.class)
                .hasMessageContaining("link pointing outside the release set").hasMessageContaining("patched.c");
        assertNothingPublished();
        // and generating from such a set is refused too
        assertThatThrownBy(() -> core.sbomRelease().generate(tmp.resolve("set"), tmp.resolve("sbom2")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("link pointing outside the release set");
    }

    @Test
    void aLinkInsideTheReleaseSetIsFine() throws Exception {
        Path source = tmp.resolve("set/patched/src/patched.c");
        Path inside = Files.writeString(tmp.resolve("set/shared.c"), Files.readString(source));
        Files.delete(source);
        Files.createSymbolicLink(source, inside);
        PublishResult r = publish(outParent.resolve("r"), PublishProgress.NONE);
        Path published = r.out().resolve("derivative/patched-1.0/source/patched.c");
        assertThat(Files.isSymbolicLink(published)).isFalse();
        assertThat(Files.readString(published)).isEqualTo(Files.readString(inside));
    }

    @Test
    void cancellingMidPublishLeavesNothing() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        PublishProgress cancelAfterFive = new PublishProgress() {
            @Override
            public void update(long doneBytes, long totalBytes, int doneFiles, int totalFiles, String message) {
            }

            @Override
            public boolean cancelled() {
                return asked.incrementAndGet() > 5;
            }
        };
        assertThatThrownBy(() -> publish(outParent.resolve("r"), cancelAfterFive))
                .isInstanceOf(PublishCancelledException.class).hasMessageContaining("after 5 of")
                .hasMessageContaining("nothing was published");
        assertThat(asked.get()).isEqualTo(6);
        assertNothingPublished();
        assertThat(core.audit().latest(1).get(0).action()).isEqualTo(ReleaseService.AUDIT_FAILED);
    }

    @Test
    void aFailureMidPublishLeavesNothing() throws Exception {
        PublishProgress failing = (doneBytes, totalBytes, doneFiles, totalFiles, message) -> {
            if (doneFiles == 7) {
                throw new IllegalStateException("disk on fire");
            }
        };
        assertThatThrownBy(() -> publish(outParent.resolve("r"), failing)).hasMessage("disk on fire");
        assertNothingPublished();
        assertThat(core.audit().latest(1).get(0).action()).isEqualTo(ReleaseService.AUDIT_FAILED);
        assertThat(core.audit().latest(1).get(0).detailsJson()).contains("disk on fire");
    }

    @Test
    void aSourceChangedAfterGenerationFailsTheChecksumAndLeavesNothing() throws Exception {
        Files.writeString(tmp.resolve("set/patched/src/more/file3.c"), "int tampered;\n");
        assertThatThrownBy(() -> publish(outParent.resolve("r"), PublishProgress.NONE))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("file3.c: SHA-256 is")
                .hasMessageContaining("regenerate");
        assertNothingPublished();
    }

    @Test
    void aNonEmptyTargetIsRefusedUntouched() throws Exception {
        Path out = Files.createDirectories(outParent.resolve("r"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> publish(out, PublishProgress.NONE)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("exists and is not empty");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.toList()).containsExactly(out.resolve("keep.txt"));
        }
        try (Stream<Path> s = Files.list(outParent)) {
            assertThat(s.toList()).containsExactly(out);
        }
    }

    @Test
    void targetsUnderAFileInsideTheReleaseSetOrAtTheRootAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = Files.writeString(outParent.resolve("notes.txt"), "mine");
        LoadedRelease release = core.sbomRelease().load(index, Optional.empty());
        assertThat(PublishTarget.problem(file.resolve("r"), release)).contains(file.resolve("r") + ": " + file
                + " is a file, not a folder; choose a folder's path");
        assertThat(PublishTarget.problem(file, release)).contains(file + ": exists and is not a folder; publish into "
                + "a new folder");
        Path inSet = tmp.resolve("set/published");
        assertThat(PublishTarget.problem(inSet, release)).get().asString().startsWith(inSet + ": is inside the "
                + "release set " + tmp.resolve("set"));
        assertThat(PublishTarget.problem(Path.of("/"), release)).get().asString().contains("file system root");
        assertThat(PublishTarget.problem(outParent.resolve("new/r"), release)).isEmpty();
        assertThatThrownBy(() -> publish(file.resolve("r"), PublishProgress.NONE))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("is a file, not a folder");
        assertThatThrownBy(() -> publish(inSet, PublishProgress.NONE))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("inside the release set");
        assertThat(inSet).doesNotExist();
        try (Stream<Path> s = Files.list(outParent)) {
            assertThat(s.toList()).containsExactly(file);
        }
    }

    @Test
    void anEmptyTargetFolderIsFilled() {
        Path out = outParent.resolve("r");
        assertThat(out.toFile().mkdirs()).isTrue();
        PublishResult r = publish(out, PublishProgress.NONE);
        assertThat(r.out().resolve("SHA256SUMS")).exists();
    }

    @Test
    void safePathsRefuseEveryWayOut() {
        assertThat(SafePaths.relativePathProblem("a/b.c")).isNull();
        assertThat(SafePaths.relativePathProblem("./a/b.c")).isNull();
        assertThat(SafePaths.relativePathProblem("../a")).contains("'..'");
        assertThat(SafePaths.relativePathProblem("a/../../b")).contains("'..'");
        assertThat(SafePaths.relativePathProblem("/etc/passwd")).contains("absolute");
        assertThat(SafePaths.relativePathProblem("C:/x")).contains("absolute");
        assertThat(SafePaths.relativePathProblem("a\\..\\b")).contains("'\\'");
        assertThat(SafePaths.relativePathProblem("a//b")).contains("empty");
        assertThat(SafePaths.relativePathProblem("a/\u0000b")).contains("control");
        assertThat(SafePaths.isSafeSegment("zlib-1.3.1")).isTrue();
        assertThat(SafePaths.isSafeSegment("..")).isFalse();
        assertThat(SafePaths.isSafeSegment("a/b")).isFalse();
        assertThatThrownBy(() -> SafePaths.resolveInside(tmp, "x/../../y", "target"))
                .isInstanceOf(SafePaths.UnsafePathException.class);
    }
}
