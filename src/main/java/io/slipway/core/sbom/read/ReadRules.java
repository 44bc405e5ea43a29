package io.slipway.core.sbom.read;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules a read document is checked against, with what breaking each means for the user. Rule ids are stable
 * (scripts filter on them: {@code sbom validate --json}); docs/sbom-read.md lists them with their severities.
 */
public final class ReadRules {
    public static final String UNREADABLE = "unreadable";
    public static final String DUPLICATE_ID = "duplicate-id";
    public static final String DANGLING_REFERENCE = "dangling-reference";
    public static final String DOCUMENT_ID = "document-id";
    public static final String ID_PATTERN = "id-pattern";
    public static final String TIMESTAMP = "timestamp";
    public static final String LICENCE_SYNTAX = "licence-syntax";
    public static final String LICENCE_UNKNOWN_ID = "licence-unknown-id";
    public static final String MISSING_FIELD = "missing-field";
    public static final String NOASSERTION = "noassertion";
    public static final String RELATIONSHIP_TYPE = "relationship-type";
    public static final String UNKNOWN_TAG = "unknown-tag";
    public static final String TRUNCATED = "truncated";
    public static final String NESTED_COMPONENTS = "nested-components";
    public static final String METADATA_COMPONENT = "metadata-component";
    public static final String CYCLE = "relationship-cycle";
    public static final String PATH_TRAVERSAL = "path-traversal";
    public static final String SLIPWAY_TAGS = "slipway-tags";
    public static final String FILE_NAME = "file-name";

    private static final Map<String, String> MEANINGS = new LinkedHashMap<>();

    static {
        MEANINGS.put(UNREADABLE, "the file cannot be read as an SBOM at all");
        MEANINGS.put(DUPLICATE_ID, "two elements share one id: every entry is kept and shown, but a reference to "
                + "the id cannot say which one it means");
        MEANINGS.put(DANGLING_REFERENCE, "a relationship or dependency names an element the document does not "
                + "define: it is kept and shown as dangling, but what it points at is unknown");
        MEANINGS.put(DOCUMENT_ID, "the document's own id is not spelled as the spec requires; other tools may "
                + "refuse the document");
        MEANINGS.put(ID_PATTERN, "an id has characters the spec does not allow; other tools may refuse it");
        MEANINGS.put(TIMESTAMP, "the creation time is not in the spec's form; it is shown as written");
        MEANINGS.put(LICENCE_SYNTAX, "a licence expression does not parse: it is shown as written, and licence "
                + "policy cannot classify it");
        MEANINGS.put(LICENCE_UNKNOWN_ID, "a licence id is neither on the SPDX licence list nor a LicenseRef-: "
                + "shown as written; licence policy cannot classify it");
        MEANINGS.put(MISSING_FIELD, "a field the spec (or NTIA's minimum elements) requires is absent");
        MEANINGS.put(NOASSERTION, "fields that say NOASSERTION: the generator did not know");
        MEANINGS.put(RELATIONSHIP_TYPE, "a relationship type the spec does not define: kept as written");
        MEANINGS.put(UNKNOWN_TAG, "a tag-value line the reader does not know: ignored");
        MEANINGS.put(TRUNCATED, "the file ends in the middle of a value: opened up to the cut");
        MEANINGS.put(NESTED_COMPONENTS, "CycloneDX components nested in other components: shown as packages "
                + "CONTAINED by their parent");
        MEANINGS.put(METADATA_COMPONENT, "the CycloneDX BOM's subject (metadata.component): shown as a package the "
                + "document DESCRIBES");
        MEANINGS.put(CYCLE, "a cycle of DEPENDS_ON/CONTAINS relationships: allowed, reported");
        MEANINGS.put(PATH_TRAVERSAL, "a file name that would escape its folder if written out by name");
        MEANINGS.put(SLIPWAY_TAGS, "a malformed slipway: tag; the component cannot be placed from it");
        MEANINGS.put(FILE_NAME, "the file name suggests another format than the content; read by the content");
    }

    private ReadRules() {
    }

    /** What breaking {@code rule} means for the user. */
    public static String meaning(String rule) {
        return MEANINGS.getOrDefault(rule, rule);
    }

    /** Every rule id, in documentation order. */
    public static java.util.Set<String> all() {
        return java.util.Collections.unmodifiableSet(MEANINGS.keySet());
    }
}
