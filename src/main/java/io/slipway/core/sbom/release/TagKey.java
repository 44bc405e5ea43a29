package io.slipway.core.sbom.release;

import io.slipway.core.sbom.read.ComponentTags;
import java.util.Arrays;
import java.util.Optional;

/**
 * The tags the workspace can set, by their key in SPDX annotations ({@code slipway:<key>=...}, the keys of
 * {@link ComponentTags}) and in the workspace. The component id is no such tag: the workspace keys tags by it.
 */
public enum TagKey {
    TYPE(ComponentTags.KEY_TYPE), MODE(ComponentTags.KEY_MODE), NATIVE(ComponentTags.KEY_NATIVE),
    SOURCE_ID(ComponentTags.KEY_SOURCE_ID);

    private final String key;

    TagKey(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<TagKey> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
