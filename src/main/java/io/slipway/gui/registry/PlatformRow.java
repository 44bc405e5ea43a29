package io.slipway.gui.registry;

import io.slipway.core.common.ByteSizes;
import io.slipway.core.registry.ImageIndex;

/** One manifest an index lists: its platform (or "attestation"), digest and manifest size. */
public record PlatformRow(String platform, String digest, String mediaType, long bytes) {
    static PlatformRow of(ImageIndex.Entry entry) {
        return new PlatformRow(entry.label(), entry.descriptor().digest(), entry.descriptor().mediaType(),
                entry.descriptor().size());
    }

    public String size() {
        return ByteSizes.human(bytes);
    }
}
