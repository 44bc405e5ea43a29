package io.slipway.core.sbom.release;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A release as an SBOM index and its component documents describe it, every document checked against the
 * index's SHA-1. {@code releaseSet} is the manifest the index names (needed to publish sources and binaries);
 * {@code releaseSetProblem} says why it is absent when the index names one that cannot be loaded.
 */
public record LoadedRelease(Path index, String name, String version, String namespace, List<ReleaseComponent> components,
                            Optional<ReleaseSetManifest> releaseSet, Optional<String> releaseSetProblem) {

    public Optional<ReleaseComponent> byId(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
