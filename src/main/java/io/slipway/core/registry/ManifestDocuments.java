package io.slipway.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads manifest and image-config JSON (OCI image spec, Docker distribution schema 2) into {@link ManifestDetails}
 * and {@link ImageConfig}. Pure: no network, so every format can be checked from real documents in tests.
 * Lenient about optional fields; whether a document is an index is decided by its media type, else by its shape.
 */
final class ManifestDocuments {
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    private static final Set<String> IMAGE_CONFIGS = Set.of(OCI_CONFIG, DOCKER_CONFIG);

    private ManifestDocuments() {
    }

    /**
     * @param contentType the media type the registry answered with (may be empty: then the document's own
     *                    {@code mediaType} field counts)
     */
    static ManifestDetails parse(String repository, String reference, String digest, String contentType,
                                 long manifestSize, JsonNode doc) {
        String mediaType = contentType.isEmpty() ? doc.path("mediaType").asText("") : contentType;
        if (ManifestInfo.isIndex(mediaType) || (!doc.has("config") && doc.has("manifests"))) {
            List<ImageIndex.Entry> entries = new ArrayList<>();
            doc.path("manifests").forEach(m -> entries.add(new ImageIndex.Entry(descriptor(m),
                    platform(m.path("platform")), strings(m.path("annotations")))));
            return new ImageIndex(repository, reference, digest, mediaType, manifestSize, entries);
        }
        List<Descriptor> layers = new ArrayList<>();
        doc.path("layers").forEach(l -> layers.add(descriptor(l)));
        return new ImageManifest(repository, reference, digest, mediaType, manifestSize, descriptor(doc.path("config")),
                layers, ImageConfig.NOT_READ);
    }

    /** Whether {@code config} is an image config worth reading (an artifact's config may be anything). */
    static boolean isImageConfig(Descriptor config) {
        return IMAGE_CONFIGS.contains(config.mediaType()) && !config.digest().isEmpty();
    }

    /** An image config blob: created time, platform and {@code config.Labels}. */
    static ImageConfig parseConfig(JsonNode config) {
        return new ImageConfig(true, instant(config.path("created").asText("")), platform(config),
                strings(config.path("config").path("Labels")));
    }

    private static Descriptor descriptor(JsonNode d) {
        return new Descriptor(d.path("mediaType").asText(""), d.path("digest").asText(""), d.path("size").asLong(0));
    }

    /** {@code os}, {@code architecture} and {@code variant} of an index entry's platform or of an image config. */
    private static Optional<Platform> platform(JsonNode p) {
        String os = p.path("os").asText("");
        String arch = p.path("architecture").asText("");
        if (os.isEmpty() && arch.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Platform(os, arch, p.path("variant").asText("")));
    }

    /** A JSON object of strings (labels, annotations); null or absent is empty. */
    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** RFC 3339 as image configs write it (nanoseconds, {@code Z} or an offset); empty when absent or unreadable. */
    private static Optional<Instant> instant(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
