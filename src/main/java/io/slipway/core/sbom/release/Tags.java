package io.slipway.core.sbom.release;

import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import io.slipway.core.sbom.read.ComponentTags;
import java.util.EnumMap;
import java.util.Map;

/**
 * A component's tags: type, release mode, native (a derivative's upstream component id) and source id
 * ({@code name@version} of its source). Any of them may be absent (null) in one layer; {@link #overriddenBy}
 * stacks layers: SPDX component document, then the SBOM index, then the workspace (which wins). In SPDX they
 * travel as {@link ComponentTags}, the one reader and writer of the annotation convention.
 */
public record Tags(ComponentType type, ReleaseMode mode, String nativeId, String sourceId) {
    public static final Tags NONE = new Tags(null, null, null, null);

    /** The tags an SPDX package's annotations carry (its {@code slipway:id} is the caller's business). */
    public static Tags of(ComponentTags annotated) {
        return new Tags(annotated.type(), annotated.mode(), annotated.nativeId(), annotated.sourceId());
    }

    /** These tags as annotations of the component {@code id}, for writing into SPDX. */
    public ComponentTags annotatedAs(String id) {
        return new ComponentTags(id, type, mode, nativeId, sourceId);
    }

    /** These tags with every tag {@code top} sets replacing ours. */
    public Tags overriddenBy(Tags top) {
        return new Tags(top.type != null ? top.type : type, top.mode != null ? top.mode : mode,
                top.nativeId != null ? top.nativeId : nativeId, top.sourceId != null ? top.sourceId : sourceId);
    }

    /** These tags with the raw value of one key replaced (an empty string clears it). */
    public Tags with(TagKey key, String value) {
        String v = value == null || value.isBlank() ? null : value.strip();
        return switch (key) {
            case TYPE -> new Tags(v == null ? null : ComponentType.fromLabel(v), mode, nativeId, sourceId);
            case MODE -> new Tags(type, v == null ? null : ReleaseMode.parse(v), nativeId, sourceId);
            case NATIVE -> new Tags(type, mode, v, sourceId);
            case SOURCE_ID -> new Tags(type, mode, nativeId, v);
        };
    }

    /** The tag's value as written in SPDX and the workspace, or null. */
    public String get(TagKey key) {
        return switch (key) {
            case TYPE -> type == null ? null : type.label();
            case MODE -> mode == null ? null : Integer.toString(mode.number());
            case NATIVE -> nativeId;
            case SOURCE_ID -> sourceId;
        };
    }

    public Map<TagKey, String> asMap() {
        Map<TagKey, String> m = new EnumMap<>(TagKey.class);
        for (TagKey k : TagKey.values()) {
            if (get(k) != null) {
                m.put(k, get(k));
            }
        }
        return m;
    }
}
