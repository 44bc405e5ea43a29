package io.slipway.core.sbom.read;

/**
 * A defect or remark found while reading an SBOM (not a release-gate finding: that is
 * {@code io.slipway.core.sbom.release.Finding}). A reading finding names the rule it breaks ({@link ReadRules}),
 * where it is (line and field in the source file, and/or the id of the element it concerns, so a browser can
 * select it) and what it means for the user.
 *
 * @param line      1-based line in the source file, 0 when the reader cannot tell
 * @param field     the field path ({@code packages[3].name}, {@code relationships[2] A DEPENDS_ON B}), or empty
 * @param elementId the SPDX id / bom-ref of the element concerned, or null
 */
public record ReadFinding(FindingSeverity severity, String rule, int line, String field, String elementId,
                          String message) {
    public ReadFinding {
        field = field == null ? "" : field;
    }

    /** A refusal: the document cannot be read at all (see {@link SbomReadException}); {@code where} is free text. */
    public static ReadFinding unreadable(String where, String message) {
        return new ReadFinding(FindingSeverity.ERROR, ReadRules.UNREADABLE, 0, where, null, message);
    }

    public static ReadFinding of(FindingSeverity severity, String rule, int line, String field, String elementId,
                                 String message) {
        return new ReadFinding(severity, rule, line, field, elementId, message);
    }

    public boolean isError() {
        return severity == FindingSeverity.ERROR;
    }

    /** {@code line N, field}, either part when known, or empty. */
    public String where() {
        if (line > 0) {
            return field.isEmpty() ? "line " + line : "line " + line + ", " + field;
        }
        return field;
    }

    /** {@code where: message}, on one line. */
    @Override
    public String toString() {
        String where = where();
        return (where.isEmpty() ? "" : where + ": ") + message;
    }
}
