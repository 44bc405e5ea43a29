package io.slipway.core.sbom.read;

/** The SBOM serialisations Slipway reads, recognised from a file's content (see {@link FormatDetector}). */
public enum SbomFormat {
    SPDX_JSON("SPDX JSON", true),
    SPDX_YAML("SPDX YAML", true),
    SPDX_XML("SPDX XML", true),
    SPDX_TAG_VALUE("SPDX tag-value", true),
    SPDX_RDF_XML("SPDX RDF/XML", true),
    SPDX3_JSON_LD("SPDX 3 JSON-LD", true),
    CYCLONEDX_JSON("CycloneDX JSON", false),
    CYCLONEDX_XML("CycloneDX XML", false);

    private final String label;
    private final boolean spdx;

    SbomFormat(String label, boolean spdx) {
        this.label = label;
        this.spdx = spdx;
    }

    public String label() {
        return label;
    }

    public boolean isSpdx() {
        return spdx;
    }

    @Override
    public String toString() {
        return label;
    }
}
