package io.slipway.core.registry;

/**
 * An OCI content descriptor: what a manifest says about a blob or another manifest it points to.
 *
 * @param size bytes as the manifest declares them
 */
public record Descriptor(String mediaType, String digest, long size) {
}
