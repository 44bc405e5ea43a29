package io.slipway.core.sbom.release;

import java.util.Optional;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.model.v2.Annotation;
import org.spdx.library.model.v2.SpdxElement;
import org.spdx.library.model.v2.enumerations.AnnotationType;

/**
 * Where things lie relative to an SBOM index (docs/sbom-tags.md, "Index locations"): an annotation with annotator
 * {@code Tool: slipway-index} and the comment {@code slipway-index:<key>=<path>}, {@link #DOCUMENT} on a component's
 * package (its SPDX document) and {@link #RELEASE_SET} on the release package (the manifest it was made from).
 * Component tags are not these: they are read and written by {@code ComponentTags}.
 */
final class IndexLocations {
    static final String ANNOTATOR = "Tool: slipway-index";
    static final String PREFIX = "slipway-index:";
    static final String DOCUMENT = "document";
    static final String RELEASE_SET = "release-set";

    private IndexLocations() {
    }

    static void write(SpdxElement element, String key, String location, String spdxDate)
            throws InvalidSPDXAnalysisException {
        element.addAnnotation(element.createAnnotation(ANNOTATOR, AnnotationType.OTHER, spdxDate,
                PREFIX + key + "=" + location));
    }

    /** The location {@code key} names on {@code element}; the latest annotation wins if there are several. */
    static Optional<String> read(SpdxElement element, String key) throws InvalidSPDXAnalysisException {
        String line = PREFIX + key + "=";
        String latestDate = null;
        String value = null;
        for (Annotation a : element.getAnnotations()) {
            if (!ANNOTATOR.equals(a.getAnnotator().strip())) {
                continue;
            }
            for (String l : a.getComment().split("\\R")) {
                String date = a.getAnnotationDate();
                if (l.strip().startsWith(line) && (latestDate == null || date.compareTo(latestDate) >= 0)) {
                    latestDate = date;
                    value = l.strip().substring(line.length()).strip();
                }
            }
        }
        return Optional.ofNullable(value);
    }
}
