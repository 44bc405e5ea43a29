package io.slipway.gui.registry;

import io.slipway.core.common.ByteSizes;
import io.slipway.core.registry.Descriptor;

/** One layer of an image, in manifest order (1 is the bottom layer). */
public record LayerRow(int position, String digest, String mediaType, long bytes) {
    static LayerRow of(int position, Descriptor layer) {
        return new LayerRow(position, layer.digest(), layer.mediaType(), layer.size());
    }

    public String size() {
        return ByteSizes.human(bytes);
    }
}
