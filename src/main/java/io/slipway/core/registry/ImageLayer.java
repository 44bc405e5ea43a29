package io.slipway.core.registry;

/** One layer blob of an image as its manifest lists it: content digest ({@code sha256:...}) and size in bytes. */
public record ImageLayer(String digest, long size) {
}
