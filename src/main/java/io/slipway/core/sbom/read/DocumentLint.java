package io.slipway.core.sbom.read;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Spec-level checks of a read document that leave its meaning clear, so they are findings, never refusals:
 * <ul>
 *   <li>ERROR document-id: an SPDX 2 document whose SPDXID is not {@code SPDXRef-DOCUMENT};</li>
 *   <li>WARNING id-pattern: an SPDX 2 id outside {@code SPDXRef-[A-Za-z0-9.-]+};</li>
 *   <li>timestamp: WARNING for fractional seconds or another ISO-8601 form than {@code YYYY-MM-DDThh:mm:ssZ},
 *       ERROR when it is not a time at all; missing in SPDX: ERROR missing-field;</li>
 *   <li>WARNING licence-syntax / licence-unknown-id (see {@link LicenceCheck}); the licence is shown as written;</li>
 *   <li>missing-field: a package without a name (ERROR), an SPDX 2 package without downloadLocation (WARNING);
 *       packages without a version or supplier (INFO, one finding per field with the count: NTIA elements);</li>
 *   <li>INFO noassertion: how many packages say NOASSERTION for licences, supplier, download location.</li>
 * </ul>
 * Linear in the packages; licence verdicts are cached per distinct expression.
 */
final class DocumentLint {
    static final String DOCUMENT_ID = "SPDXRef-DOCUMENT";
    private static final Pattern SPEC_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final int FIRST_IDS = 5;

    private final SbomDocument doc;
    private final List<ReadFinding> out;
    private final boolean spdx2;

    private DocumentLint(SbomDocument doc, List<ReadFinding> out) {
        this.doc = doc;
        this.out = out;
        this.spdx2 = doc.format().isSpdx() && doc.format() != SbomFormat.SPDX3_JSON_LD;
    }

    static void check(SbomDocument doc, List<ReadFinding> out) {
        DocumentLint lint = new DocumentLint(doc, out);
        lint.document();
        lint.packages();
        lint.files();
        lint.relationshipTypes();
    }

    /** SPDX 2 relationship types the spec does not define (a tag-value or JSON reader keeps them as written). */
    private void relationshipTypes() {
        if (!spdx2) {
            return;
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        for (org.spdx.library.model.v2.enumerations.RelationshipType t
                : org.spdx.library.model.v2.enumerations.RelationshipType.values()) {
            known.add(t.name());
        }
        List<SbomRelationship> rels = doc.relationships();
        for (int i = 0; i < rels.size(); i++) {
            SbomRelationship r = rels.get(i);
            if (!known.contains(r.type())) {
                add(FindingSeverity.ERROR, ReadRules.RELATIONSHIP_TYPE, r.line(), "relationships[" + i + "] " + r,
                        r.from(), "relationship type '" + r.type() + "' is not an SPDX 2 type; kept as written");
            }
        }
    }

    private void add(FindingSeverity s, String rule, int line, String field, String elementId, String message) {
        out.add(new ReadFinding(s, rule, line, field, elementId, message));
    }

    private void document() {
        if (spdx2 && doc.spdxId() != null && !doc.spdxId().equals(DOCUMENT_ID)) {
            add(FindingSeverity.ERROR, ReadRules.DOCUMENT_ID, 0, "SPDXID", doc.spdxId(), "the document's SPDXID is '"
                    + doc.spdxId() + "'; SPDX 2 requires exactly 'SPDXRef-DOCUMENT'");
        }
        if (doc.format().isSpdx()) {
            if (doc.created() == null) {
                add(FindingSeverity.ERROR, ReadRules.MISSING_FIELD, 0, "creationInfo.created", null,
                        "no creation time (created): required by SPDX and an NTIA minimum element");
            } else {
                timestamp(doc.created());
            }
            if (doc.name() == null || doc.name().isBlank()) {
                add(FindingSeverity.WARNING, ReadRules.MISSING_FIELD, 0, "name", null, "the document has no name");
            }
        }
    }

    private void timestamp(String created) {
        if (SPEC_TIME.matcher(created).matches()) {
            return;
        }
        try {
            OffsetDateTime.parse(created.strip());
        } catch (DateTimeParseException e) {
            add(FindingSeverity.ERROR, ReadRules.TIMESTAMP, 0, "creationInfo.created", null, "creation time '"
                    + created + "' is not a date and time (expected YYYY-MM-DDThh:mm:ssZ); shown as written");
            return;
        }
        String why = created.matches(".*:\\d{2}\\.\\d+.*") ? "has fractional seconds"
                : "is not in UTC 'Z' form";
        add(FindingSeverity.WARNING, ReadRules.TIMESTAMP, 0, "creationInfo.created", null, "creation time '"
                + created + "' " + why + "; the spec's form is YYYY-MM-DDThh:mm:ssZ (read as written)");
    }

    private void packages() {
        LicenceCheck licences = new LicenceCheck();
        List<SbomPackage> packages = doc.packages();
        List<String> noVersion = new ArrayList<>();
        List<String> noSupplier = new ArrayList<>();
        int[] noAssertion = new int[4];
        int noVersionCount = 0;
        int noSupplierCount = 0;
        for (int i = 0; i < packages.size(); i++) {
            SbomPackage p = packages.get(i);
            // field paths are built only for a finding: this loop runs once per package of 50k-package documents
            if (spdx2 && !validSpdxId(p.spdxId())) {
                add(FindingSeverity.WARNING, ReadRules.ID_PATTERN, p.line(), "packages[" + i + "]", p.spdxId(),
                        "id '" + p.spdxId() + "' is outside the SPDX id pattern SPDXRef-[A-Za-z0-9.-]+");
            }
            if (p.name() == null || p.name().isBlank()) {
                add(FindingSeverity.ERROR, ReadRules.MISSING_FIELD, p.line(), "packages[" + i + "].name", p.spdxId(),
                        "package " + p.spdxId() + " has no name");
            }
            if (spdx2 && p.downloadLocation() == null) {
                add(FindingSeverity.WARNING, ReadRules.MISSING_FIELD, p.line(), "packages[" + i + "].downloadLocation",
                        p.spdxId(), "package " + p.spdxId() + " has no downloadLocation (required by SPDX 2; "
                        + "NOASSERTION says 'unknown')");
            }
            if (p.version() == null || p.version().isBlank()) {
                noVersionCount++;
                if (noVersion.size() < FIRST_IDS) {
                    noVersion.add(p.spdxId());
                }
            }
            if (p.supplier() == null || p.supplier().isBlank()) {
                noSupplierCount++;
                if (noSupplier.size() < FIRST_IDS) {
                    noSupplier.add(p.spdxId());
                }
            }
            noAssertion[0] += "NOASSERTION".equals(p.declaredLicence()) ? 1 : 0;
            noAssertion[1] += "NOASSERTION".equals(p.concludedLicence()) ? 1 : 0;
            noAssertion[2] += "NOASSERTION".equals(p.supplier()) ? 1 : 0;
            noAssertion[3] += "NOASSERTION".equals(p.downloadLocation()) ? 1 : 0;
            licence(licences, p.declaredLicence(), p.line(), i, "packages", ".licenseDeclared", p.spdxId());
            licence(licences, p.concludedLicence(), p.line(), i, "packages", ".licenseConcluded", p.spdxId());
        }
        summary(noVersionCount, noVersion, "no version");
        summary(noSupplierCount, noSupplier, "no supplier");
        if (doc.format().isSpdx() && noAssertion[0] + noAssertion[1] + noAssertion[2] + noAssertion[3] > 0) {
            add(FindingSeverity.INFO, ReadRules.NOASSERTION, 0, "packages", null, "NOASSERTION in "
                    + packages.size() + " packages: declared licence " + noAssertion[0] + ", concluded licence "
                    + noAssertion[1] + ", supplier " + noAssertion[2] + ", download location " + noAssertion[3]);
        }
    }

    private void summary(int count, List<String> first, String what) {
        if (count > 0) {
            add(FindingSeverity.INFO, ReadRules.MISSING_FIELD, 0, "packages", first.get(0), count + " of "
                    + doc.packages().size() + " packages have " + what + " (an NTIA minimum element); first: "
                    + String.join(", ", first));
        }
    }

    private void files() {
        LicenceCheck licences = new LicenceCheck();
        List<SbomFile> files = doc.files();
        for (int i = 0; i < files.size(); i++) {
            SbomFile f = files.get(i);
            if (spdx2 && !validSpdxId(f.spdxId())) {
                add(FindingSeverity.WARNING, ReadRules.ID_PATTERN, f.line(), "files[" + i + "]", f.spdxId(), "id '"
                        + f.spdxId() + "' is outside the SPDX id pattern SPDXRef-[A-Za-z0-9.-]+");
            }
            licence(licences, f.concludedLicence(), f.line(), i, "files", ".licenseConcluded", f.spdxId());
        }
    }

    /** Checks a licence of {@code list[index]} (field path {@code list[index]suffix}, built only for a finding). */
    private void licence(LicenceCheck check, String expression, int line, int index, String list, String suffix,
                         String elementId) {
        if (doc.format() == SbomFormat.SPDX3_JSON_LD) {
            return; // SPDX 3 licences are structured elements the library parsed; their text is a display form
        }
        LicenceCheck.Problem problem = check.check(expression);
        if (problem != null) {
            add(FindingSeverity.WARNING, problem.rule(), line, list + "[" + index + "]" + suffix, elementId,
                    problem.message());
        }
    }

    /** {@code SPDXRef-} followed by letters, digits, '.' and '-' (SPDX 2's idstring), by hand: no regex per id. */
    static boolean validSpdxId(String id) {
        if (id == null || !id.startsWith("SPDXRef-") || id.length() == 8) {
            return false;
        }
        for (int i = 8; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
