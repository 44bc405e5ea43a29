package io.slipway.core.sbom.read;

import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.Component;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.model.v2.SpdxElement;
import org.spdx.library.model.v2.enumerations.AnnotationType;

/**
 * Slipway's component tags as carried by SPDX annotations (the convention is documented in docs/sbom-tags.md):
 * an annotation on the package whose comment is {@code slipway:<key>=<value>}, written with annotation type
 * {@code OTHER} and annotator {@code Tool: slipway}, one tag per annotation. Keys: {@code id}, {@code type}
 * ({@code open-source|third-party|derivative|owned}), {@code mode} ({@code 1|2|3}), {@code native} (the id of a
 * derivative's native component) and {@code source-id} ({@code name@version} of the component's source).
 *
 * <p>This is the one reader and writer of the convention: the browser ({@code SbomReader}, {@code sbom inspect})
 * and the release side (generator, index writer and loader, publisher) all go through it.
 *
 * <p>Reading is lenient: any annotator and annotation type, several {@code slipway:} lines in one comment, and
 * annotations that are not Slipway's are ignored. Bad values and conflicting repeats are reported as problems (the
 * last value of a key wins); they never refuse a document being browsed (the release side refuses to release a
 * package whose tags have problems).
 *
 * @param id       the component id; absent means "the package name"
 * @param sourceId {@code name@version} of the component's source; absent means "the package's name and version"
 */
public record ComponentTags(String id, ComponentType type, ReleaseMode mode, String nativeId, String sourceId) {
    public static final ComponentTags NONE = new ComponentTags(null, null, null, null, null);
    public static final String PREFIX = "slipway:";
    public static final String ANNOTATOR = "Tool: slipway";
    public static final String ANNOTATION_TYPE = "OTHER";
    public static final String KEY_ID = "id";
    public static final String KEY_TYPE = "type";
    public static final String KEY_MODE = "mode";
    public static final String KEY_NATIVE = "native";
    public static final String KEY_SOURCE_ID = "source-id";
    private static final List<String> KEYS = List.of(KEY_ID, KEY_TYPE, KEY_MODE, KEY_NATIVE, KEY_SOURCE_ID);

    /** Tags read from annotations, with what was wrong in them (one sentence each, without the package name). */
    public record Parsed(ComponentTags tags, List<String> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The tags a component has, for writing: every tag set, {@code source-id} as {@code name@version}. */
    public static ComponentTags of(Component c) {
        return new ComponentTags(c.id(), c.type(), c.mode(), c.nativeId(), c.sourceId());
    }

    /**
     * Parses the tags among {@code annotations}. When a key repeats with different values, the latest
     * annotationDate wins (ties: the later annotation in the given order).
     */
    public static Parsed parse(List<SbomAnnotation> annotations) {
        List<SbomAnnotation> byDate = new ArrayList<>(annotations);
        byDate.sort(Comparator.comparing(SbomAnnotation::date, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<String> comments = new ArrayList<>(annotations.size());
        for (SbomAnnotation a : byDate) {
            comments.add(a.comment());
        }
        return parseComments(comments);
    }

    /**
     * Parses the tags among an spdx-java-library element's annotations (the release side reads the documents it
     * generated and publishes this way; the browser's readers go through {@link #parse} with the same rules).
     */
    public static Parsed read(SpdxElement element) throws InvalidSPDXAnalysisException {
        return parse(SpdxLibraryReader.annotations(element));
    }

    /** Parses the {@code slipway:key=value} lines of annotation comments, in order. */
    public static Parsed parseComments(List<String> comments) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String comment : comments) {
            if (comment == null || !comment.contains(PREFIX)) {
                continue;
            }
            for (String raw : comment.split("\\R")) {
                String line = raw.strip();
                if (!line.startsWith(PREFIX)) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0) {
                    problems.add("annotation '" + line + "' has no '=' (expected " + PREFIX + "<key>=<value>)");
                    continue;
                }
                String key = line.substring(PREFIX.length(), eq).strip();
                String value = line.substring(eq + 1).strip();
                if (!KEYS.contains(key)) {
                    problems.add("unknown tag '" + PREFIX + key + "' (known: " + String.join(", ", KEYS) + ")");
                    continue;
                }
                String previous = values.put(key, value);
                if (previous != null && !previous.equals(value)) {
                    problems.add("tag " + PREFIX + key + " given twice ('" + previous + "', then '" + value
                            + "'): the last one is used");
                }
            }
        }
        if (values.isEmpty()) {
            return new Parsed(NONE, problems);
        }
        String id = nonBlank(values.get(KEY_ID), KEY_ID, problems);
        String nativeId = nonBlank(values.get(KEY_NATIVE), KEY_NATIVE, problems);
        ComponentType type = null;
        if (values.get(KEY_TYPE) != null) {
            try {
                type = ComponentType.fromLabel(values.get(KEY_TYPE));
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + KEY_TYPE + ": " + e.getMessage());
            }
        }
        ReleaseMode mode = null;
        if (values.get(KEY_MODE) != null) {
            try {
                mode = ReleaseMode.parse(values.get(KEY_MODE));
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + KEY_MODE + ": " + e.getMessage());
            }
        }
        String sourceId = values.get(KEY_SOURCE_ID);
        if (sourceId != null && splitSourceId(sourceId).isEmpty()) {
            problems.add(PREFIX + KEY_SOURCE_ID + ": '" + sourceId + "' is not name@version");
            sourceId = null;
        }
        return new Parsed(new ComponentTags(id, type, mode, nativeId, sourceId), problems);
    }

    private static String nonBlank(String value, String key, List<String> problems) {
        if (value != null && value.isBlank()) {
            problems.add(PREFIX + key + " is empty");
            return null;
        }
        return value;
    }

    /** {@code name@version} split at the last {@code @} (names such as {@code @scope/pkg} keep theirs). */
    public static Optional<String[]> splitSourceId(String sourceId) {
        int at = sourceId.lastIndexOf('@');
        if (at <= 0 || at == sourceId.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new String[] {sourceId.substring(0, at), sourceId.substring(at + 1)});
    }

    /**
     * The component these tags make of a package, when they say at least its type and mode. Id: the tag, else the
     * package name. Name and version: from {@code source-id}, else the package's. Supplier, licences and copyright:
     * the package's.
     */
    public Optional<Component> toComponent(SbomPackage p) {
        if (type == null || mode == null) {
            return Optional.empty();
        }
        String name = p.name();
        String version = p.version();
        if (sourceId != null) {
            String[] nv = splitSourceId(sourceId).orElseThrow();
            name = nv[0];
            version = nv[1];
        }
        return Optional.of(new Component(id != null ? id : p.name(), name, version, type, mode, nativeId,
                p.supplier(), p.declaredLicence(), p.concludedLicence(), p.copyright()));
    }

    // ---- writing ----

    /** One annotation comment: {@code slipway:key=value}. */
    public static String comment(String key, String value) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown tag key '" + key + "'");
        }
        if (value == null || value.isBlank() || value.contains("\n") || value.contains("\r")) {
            throw new UserFacingException("tag " + PREFIX + key + " needs a one-line value, not '" + value + "'");
        }
        return PREFIX + key + "=" + value.strip();
    }

    /** The comments to write, one per tag that is set, in the order id, type, mode, native, source-id. */
    public List<String> comments() {
        List<String> out = new ArrayList<>(5);
        if (id != null) {
            out.add(comment(KEY_ID, id));
        }
        if (type != null) {
            out.add(comment(KEY_TYPE, type.label()));
        }
        if (mode != null) {
            out.add(comment(KEY_MODE, Integer.toString(mode.number())));
        }
        if (nativeId != null) {
            out.add(comment(KEY_NATIVE, nativeId));
        }
        if (sourceId != null) {
            out.add(comment(KEY_SOURCE_ID, sourceId));
        }
        return out;
    }

    /** The tags as annotations dated {@code isoDate} (e.g. {@code 2026-11-01T10:00:00Z}). */
    public List<SbomAnnotation> annotations(String isoDate) {
        return comments().stream().map(c -> new SbomAnnotation(ANNOTATOR, ANNOTATION_TYPE, isoDate, c)).toList();
    }

    /** The tags as SPDX 2.x JSON {@code annotations} entries, for writers that build the JSON themselves. */
    public List<Map<String, String>> spdxJsonAnnotations(String isoDate) {
        return annotations(isoDate).stream().map(a -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("annotationDate", a.date());
            m.put("annotationType", a.type());
            m.put("annotator", a.annotator());
            m.put("comment", a.comment());
            return m;
        }).toList();
    }

    /** Adds the tags to an spdx-java-library element (normally the component's package) as annotations. */
    public void addTo(SpdxElement element, String isoDate) throws InvalidSPDXAnalysisException {
        SpdxOffline.init();
        for (String c : comments()) {
            element.addAnnotation(element.createAnnotation(ANNOTATOR, AnnotationType.OTHER, isoDate, c));
        }
    }
}
