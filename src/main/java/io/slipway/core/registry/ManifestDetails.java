package io.slipway.core.registry;

/**
 * A manifest as a registry browser shows it: an {@link ImageManifest} (one image: config and layers) or an
 * {@link ImageIndex} (an OCI image index or Docker manifest list: one manifest per platform). Read with
 * {@link OciRegistryClient#manifestDetails}.
 */
public sealed interface ManifestDetails permits ImageManifest, ImageIndex {
    String repository();

    /** The tag or digest it was read by. */
    String reference();

    /** The manifest's content digest, checked against its bytes. */
    String digest();

    String mediaType();

    /** Bytes of the manifest document itself. */
    long manifestSize();
}
