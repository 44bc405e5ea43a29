package io.slipway.core.sbom.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.model.v2.Annotation;
import org.spdx.library.model.v2.SpdxElement;
import org.spdx.library.model.v2.enumerations.AnnotationType;

/**
 * Writes (and, for the release side's own loading, reads back) Slipway's SPDX annotations; see
 * docs/sbom-tags.md.
 * <ul>
 * <li>Tags: a package annotation, type OTHER, annotator {@code Tool: slipway}, one {@code slipway:<key>=<value>}
 * line per tag ({@code type}, {@code mode}, {@code native}, {@code source-id}).</li>
 * <li>Index locations (SBOM index only): annotator {@code Tool: slipway-index}, lines
 * {@code slipway-index:document=<path>} on a component's package (where its SPDX document lies, relative to the
 * index) and {@code slipway-index:release-set=<path>} on the release package (the manifest it was made from).</li>
 * </ul>
 */
public final class TagAnnotations {
    public static final String ANNOTATOR = "Tool: slipway";
    public static final String PREFIX = "slipway:";
    public static final String INDEX_ANNOTATOR = "Tool: slipway-index";
    public static final String INDEX_PREFIX = "slipway-index:";
    public static final String DOCUMENT = "document";
    public static final String RELEASE_SET = "release-set";

    private TagAnnotations() {
    }

    /** The comment text for {@code tags}: one line per tag that is set, in a fixed order. */
    public static String comment(Tags tags) {
        List<String> lines = new ArrayList<>();
        for (TagKey k : TagKey.values()) {
            String v = tags.get(k);
            if (v != null) {
                lines.add(PREFIX + k.key() + "=" + v);
            }
        }
        return String.join("\n", lines);
    }

    /**
     * Adds the tag annotation to {@code element}, led by {@code slipway:id} (the element's SPDX id without
     * {@code SPDXRef-}) so readers that key components by that tag (the SBOM browser, {@code sbom inspect}) agree
     * with the ids the release side uses.
     */
    public static void write(SpdxElement element, Tags tags, String spdxDate) throws InvalidSPDXAnalysisException {
        String id = element.getId().startsWith("SPDXRef-") ? element.getId().substring("SPDXRef-".length())
                : element.getId();
        String text = PREFIX + "id=" + id + "\n" + comment(tags);
        element.addAnnotation(element.createAnnotation(ANNOTATOR, AnnotationType.OTHER, spdxDate, text));
    }

    /** Adds an index-location annotation ({@code slipway-index:<key>=<value>}) to {@code element}. */
    static void writeIndexValue(SpdxElement element, String key, String value, String spdxDate)
            throws InvalidSPDXAnalysisException {
        element.addAnnotation(element.createAnnotation(INDEX_ANNOTATOR, AnnotationType.OTHER, spdxDate,
                INDEX_PREFIX + key + "=" + value));
    }

    /**
     * The tags in {@code element}'s Slipway annotations (later annotations win per key); unknown keys are ignored.
     *
     * @throws IllegalArgumentException naming the key when a value is not valid (e.g. {@code mode=4})
     */
    public static Tags read(SpdxElement element) throws InvalidSPDXAnalysisException {
        Tags tags = Tags.NONE;
        for (Map.Entry<String, String> e : values(element, ANNOTATOR, PREFIX).entrySet()) {
            Optional<TagKey> key = TagKey.fromKey(e.getKey());
            if (key.isPresent()) {
                try {
                    tags = tags.with(key.get(), e.getValue());
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("annotation " + PREFIX + e.getKey() + ": " + ex.getMessage(), ex);
                }
            }
        }
        return tags;
    }

    static Optional<String> readIndexValue(SpdxElement element, String key) throws InvalidSPDXAnalysisException {
        return Optional.ofNullable(values(element, INDEX_ANNOTATOR, INDEX_PREFIX).get(key));
    }

    private static Map<String, String> values(SpdxElement element, String annotator, String prefix)
            throws InvalidSPDXAnalysisException {
        List<Annotation> ours = new ArrayList<>();
        for (Annotation a : element.getAnnotations()) {
            if (annotator.equals(a.getAnnotator().strip()) && a.getAnnotationType() == AnnotationType.OTHER) {
                ours.add(a);
            }
        }
        ours.sort((a, b) -> safeDate(a).compareTo(safeDate(b)));
        Map<String, String> values = new LinkedHashMap<>();
        for (Annotation a : ours) {
            for (String line : a.getComment().split("\\R")) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (l.startsWith(prefix) && eq > prefix.length()) {
                    values.put(l.substring(prefix.length(), eq).strip(), l.substring(eq + 1).strip());
                }
            }
        }
        return values;
    }

    private static String safeDate(Annotation a) {
        try {
            return a.getAnnotationDate();
        } catch (InvalidSPDXAnalysisException e) {
            return "";
        }
    }
}
