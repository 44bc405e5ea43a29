package io.slipway.core.sbom.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a folder can take a publication (docs/release-publish.md). The publisher refuses on these problems
 * before writing anything; the console asks the same question while the user types, so its message and the
 * publisher's are one and the same.
 */
public final class PublishTarget {
    private PublishTarget() {
    }

    /**
     * Why {@code outDir} cannot take a publication of {@code release}, as one line starting with the folder; empty
     * when it can: a new folder (whose nearest existing parent is a folder) or an empty one, not the file-system
     * root and not inside the release set it publishes from.
     */
    public static Optional<String> problem(Path outDir, LoadedRelease release) {
        Path out = outDir.toAbsolutePath().normalize();
        if (out.getParent() == null) {
            return Optional.of(out + ": cannot publish into the file system root");
        }
        Optional<Path> setRoot = release.releaseSet().map(m -> m.root().toAbsolutePath().normalize());
        if (setRoot.isPresent() && out.startsWith(setRoot.get())) {
            return Optional.of(out + ": is inside the release set " + setRoot.get() + " it publishes from; "
                    + "publish outside it");
        }
        if (Files.exists(out)) {
            return existingFolderProblem(out);
        }
        Path ancestor = out.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor != null && !Files.isDirectory(ancestor)) {
            return Optional.of(out + ": " + ancestor + " is a file, not a folder; choose a folder's path");
        }
        return Optional.empty();
    }

    private static Optional<String> existingFolderProblem(Path out) {
        if (!Files.isDirectory(out)) {
            return Optional.of(out + ": exists and is not a folder; publish into a new folder");
        }
        try (var list = Files.list(out)) {
            if (list.findAny().isPresent()) {
                return Optional.of(out + ": exists and is not empty; publish into a new or empty folder");
            }
        } catch (IOException e) {
            return Optional.of(out + ": cannot read (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }
}
