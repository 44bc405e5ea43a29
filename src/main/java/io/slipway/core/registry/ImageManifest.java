package io.slipway.core.registry;

import java.util.List;

/**
 * One image: its config blob and layers, and what the config says (created, platform, labels).
 *
 * @param image the parsed config blob, or {@link ImageConfig#NOT_READ}
 */
public record ImageManifest(String repository, String reference, String digest, String mediaType,
                            long manifestSize, Descriptor config, List<Descriptor> layers, ImageConfig image)
        implements ManifestDetails {
    public ImageManifest {
        layers = List.copyOf(layers);
    }

    /** Config plus compressed layers: what a pull transfers (the manifest aside). */
    public long totalSize() {
        return config.size() + layers.stream().mapToLong(Descriptor::size).sum();
    }

    ImageManifest withImage(ImageConfig read) {
        return new ImageManifest(repository, reference, digest, mediaType, manifestSize, config, layers, read);
    }
}
