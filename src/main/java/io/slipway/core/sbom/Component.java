package io.slipway.core.sbom;

/** One component of a release with its tags: source id (name+version), type, release mode, native. */
public record Component(String id, String name, String version, ComponentType type, ReleaseMode mode,
                        String nativeId, String supplier, String declaredLicence, String concludedLicence,
                        String copyright) {
    public String sourceId() {
        return name + "@" + version;
    }
}
