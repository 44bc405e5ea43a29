package io.slipway.core.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An OCI image index or Docker manifest list: one manifest per platform, each read by its digest. */
public record ImageIndex(String repository, String reference, String digest, String mediaType, long manifestSize,
                         List<Entry> manifests) implements ManifestDetails {
    /** Docker's annotation that marks an index entry as build attestations (SBOM, provenance), not an image. */
    static final String REFERENCE_TYPE = "vnd.docker.reference.type";

    public ImageIndex {
        manifests = List.copyOf(manifests);
    }

    /**
     * One manifest the index lists.
     *
     * @param platform absent when the entry names none (e.g. an attestation manifest)
     */
    public record Entry(Descriptor descriptor, Optional<Platform> platform, Map<String, String> annotations) {
        public Entry {
            annotations = Map.copyOf(annotations);
        }

        public boolean isAttestation() {
            return "attestation-manifest".equals(annotations.get(REFERENCE_TYPE));
        }

        /** The platform as {@code os/arch[/variant]}, or what the entry is when it names none. */
        public String label() {
            return isAttestation() ? "attestation" : platform.map(Platform::toString).orElse("unknown platform");
        }
    }

    /** The entry a browser shows first: linux/amd64, else the first image that is not an attestation. */
    public Optional<Entry> preferred() {
        return manifests.stream().filter(e -> e.platform().map(p -> p.os().equals("linux")
                        && p.architecture().equals("amd64")).orElse(false) && !e.isAttestation()).findFirst()
                .or(() -> manifests.stream().filter(e -> !e.isAttestation()).findFirst());
    }
}
