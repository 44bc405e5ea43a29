package io.slipway.core.sbom.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.core.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What a publication of a release set must hold, derived from the release set on disk and the modes (the
 * manifest's, or overrides), never from the plan; and the walk of a published folder that checks it holds exactly
 * that. Shared by the core's publish test and the console's.
 */
public final class PublishedTree {
    private PublishedTree() {
    }

    /**
     * Walks {@code out}: every file the modes allow, byte-identical to its source, plus the index, NOTICE and
     * SHA256SUMS, nothing else and no empty folder. Returns the published files by their relative path.
     *
     * @param documentOf    the generated SPDX document of a component id
     * @param modeOverrides modes that differ from the manifest's (the workspace's tags), by component id
     */
    public static Map<String, Path> assertExactlyWhatTheModesAllow(Path out, Path releaseSet,
                                                                   Function<String, Path> documentOf,
                                                                   Map<String, Integer> modeOverrides)
            throws IOException {
        Map<String, Path> expected = new TreeMap<>();
        JsonNode manifest = Json.MAPPER.readTree(releaseSet.resolve(ReleaseSetManifest.FILE_NAME).toFile());
        for (JsonNode c : manifest.get("components")) {
            String id = c.get("id").asText();
            String nameVersion = c.get("name").asText() + "-" + c.get("version").asText();
            String folder = c.get("type").asText() + "/" + nameVersion;
            int mode = modeOverrides.getOrDefault(id, c.get("mode").asInt());
            expected.put(folder + "/spdx/" + nameVersion + ".spdx.json", documentOf.apply(id));
            if (mode == 1) {
                listFiles(releaseSet.resolve(c.get("sourceDir").asText()))
                        .forEach((rel, p) -> expected.put(folder + "/source/" + rel, p));
                expected.put(folder + "/source/LICENSE", releaseSet.resolve(id).resolve("LICENSE"));
            }
            if (mode == 1 || mode == 2) {
                listFiles(releaseSet.resolve(c.get("binaryDir").asText()))
                        .forEach((rel, p) -> expected.put(folder + "/binary/" + rel, p));
                expected.put(folder + "/binary/LICENSE", releaseSet.resolve(id).resolve("LICENSE"));
            }
        }
        Map<String, Path> published = listFiles(out);
        Set<String> expectedNames = new TreeSet<>(expected.keySet());
        expectedNames.addAll(List.of(Publisher.INDEX_FILE, Publisher.NOTICE_FILE, Publisher.SUMS_FILE));
        assertThat(published.keySet()).isEqualTo(expectedNames);
        for (Map.Entry<String, Path> e : expected.entrySet()) {
            assertThat(Files.readAllBytes(published.get(e.getKey()))).as(e.getKey())
                    .isEqualTo(Files.readAllBytes(e.getValue()));
        }
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.filter(Files::isDirectory).filter(PublishedTree::isEmpty).toList()).isEmpty();
        }
        return published;
    }

    static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, Path> listFiles(Path dir) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> files.put(dir.relativize(p).toString().replace('\\', '/'), p));
        }
        return files;
    }
}
