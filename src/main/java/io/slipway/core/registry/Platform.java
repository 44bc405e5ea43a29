package io.slipway.core.registry;

/**
 * The platform an image runs on, as an index entry or an image config names it.
 *
 * @param variant e.g. {@code v8} for arm64; empty when none is given
 */
public record Platform(String os, String architecture, String variant) {
    public Platform {
        variant = variant == null ? "" : variant;
    }

    /** {@code linux/amd64}, {@code linux/arm64/v8}: how docker and podman write it. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
