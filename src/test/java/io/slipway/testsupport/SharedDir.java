package io.slipway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the shared test data ({@code shared/corpus/...}) that CI clones beside the repository: {@code
 * $SLIPWAY_SHARED_DIR} if set, else {@code ../shared} relative to the project root, else {@code /work/shared}.
 */
public final class SharedDir {
    public static final String ENV = "SLIPWAY_SHARED_DIR";

    private SharedDir() {
    }

    public static Path root() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return requireDir(Path.of(env), "$" + ENV);
        }
        Path beside = Path.of("..", "shared");
        if (Files.isDirectory(beside)) {
            return beside.normalize();
        }
        return requireDir(Path.of("/work/shared"), "../shared and /work/shared");
    }

    /** The real SPDX documents of {@code corpus/spdx}, sorted by name. */
    public static List<Path> spdxCorpus() {
        return corpus("spdx");
    }

    /** Every file of {@code corpus/<folder>} ({@code spdx}, {@code spdx-examples}, {@code cyclonedx}), sorted. */
    public static List<Path> corpus(String folder) {
        Path dir = root().resolve("corpus").resolve(folder);
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = files.filter(Files::isRegularFile).sorted().toList();
            if (out.isEmpty()) {
                throw new IllegalStateException("no corpus files in " + dir.toAbsolutePath());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir.toAbsolutePath(), e);
        }
    }

    public static Path spdxCorpusFile(String name) {
        return root().resolve("corpus").resolve("spdx").resolve(name);
    }

    private static Path requireDir(Path p, String tried) {
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("shared test data not found (tried " + tried + "); set " + ENV);
        }
        return p;
    }
}
