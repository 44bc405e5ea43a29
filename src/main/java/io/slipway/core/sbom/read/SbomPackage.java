package io.slipway.core.sbom.read;

import io.slipway.core.sbom.Component;
import java.util.List;
import java.util.Optional;

/**
 * An SPDX package (or an imported CycloneDX component) as the browser shows it. Licences are the document's
 * expression text; an absent licence reads as {@code NOASSERTION} (its meaning in SPDX 2.3). {@code hasFiles}
 * lists the SPDX ids of the files the package declares; {@code line} is where the package starts in the source
 * file (1-based), 0 when the reader cannot tell.
 */
public record SbomPackage(String spdxId, String name, String version, String supplier, String originator,
                          String declaredLicence, String concludedLicence, String copyright,
                          String downloadLocation, String purl, List<String> hasFiles,
                          List<SbomAnnotation> annotations, ComponentTags tags, int line) {
    public SbomPackage {
        hasFiles = List.copyOf(hasFiles);
        annotations = List.copyOf(annotations);
        tags = tags == null ? ComponentTags.NONE : tags;
    }

    /** The component this package is tagged as, when its annotations carry at least a type and a mode. */
    public Optional<Component> component() {
        return tags.toComponent(this);
    }
}
