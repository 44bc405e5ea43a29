package io.slipway.core.registry;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the registry says about one manifest.
 *
 * @param digest         content digest ({@code Docker-Content-Digest}, checked against the bytes on a GET)
 * @param mediaType      manifest media type (OCI/Docker image manifest, or an index / manifest list)
 * @param manifestSize   bytes of the manifest itself
 * @param imageSize      config + compressed layers in bytes (of the chosen platform for an index); -1 unknown
 *                       (HEAD only)
 * @param layers         layer count; -1 unknown
 * @param configDigest   the image config blob's digest, when known
 * @param labels         the image config's labels (empty on HEAD or when it has none)
 * @param platform       for an index: the platform whose image the sizes and labels describe ({@code os/arch})
 * @param indexEntries   for an index: how many manifests it lists; 0 otherwise
 */
public record ManifestInfo(String repository, String reference, String digest, String mediaType, long manifestSize,
                           long imageSize, int layers, Optional<String> configDigest, Map<String, String> labels,
                           Optional<String> platform, int indexEntries) {
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

    public ManifestInfo {
        labels = Map.copyOf(new TreeMap<>(labels));
    }

    public boolean isIndex() {
        return isIndex(mediaType);
    }

    static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
    }
}
