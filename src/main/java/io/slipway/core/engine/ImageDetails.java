package io.slipway.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An image on a node: id, names, registry digests, labels, size. */
public record ImageDetails(String id, List<String> repoTags, List<String> repoDigests, Map<String, String> labels,
                           long sizeBytes) {
    public ImageDetails {
        repoTags = repoTags == null ? List.of() : List.copyOf(repoTags);
        repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /**
     * The registry digest this image has in {@code repository} ({@code host/path} without tag), from the engine's
     * RepoDigests ({@code host/path@sha256:...}), if it was pushed to or pulled from there.
     */
    public Optional<String> digestIn(String repository) {
        String prefix = repository + "@";
        return repoDigests.stream().filter(d -> d.startsWith(prefix)).map(d -> d.substring(prefix.length())).findFirst();
    }

    public String label(String name) {
        return labels.get(name);
    }
}
