package io.slipway.core.sbom.release;

import java.util.Arrays;
import java.util.Optional;

/** The tags a component carries, by their key in SPDX annotations ({@code slipway:<key>=...}) and the workspace. */
public enum TagKey {
    TYPE("type"), MODE("mode"), NATIVE("native"), SOURCE_ID("source-id");

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
