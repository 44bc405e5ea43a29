package io.slipway.core.sbom.read;

import io.slipway.core.sbom.Component;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An SBOM read for browsing: the document's identity, its packages, files and relationships, and the findings
 * (defects and remarks) found while reading it. The same model whichever format and reader produced it (see {@link SbomReader}).
 *
 * @param source        the file read
 * @param format        the format recognised from the content
 * @param reader        which reader built the model (for display and cross-checks)
 * @param spdxVersion   e.g. {@code SPDX-2.3}, {@code SPDX-3.0.1}; for CycloneDX {@code CycloneDX-1.6}
 * @param relationships every relationship of every element, including the document's DESCRIBES (SPDX JSON's
 *                      {@code documentDescribes} entries count once, as DESCRIBES relationships); {@code hasFiles}
 *                      entries are not relationships (they are in {@link SbomPackage#hasFiles()})
 * @param otherElementIds ids of other elements that relationships may name (SPDX 2 snippets; SPDX 3 elements
 *                        that are neither packages nor files), kept for reference checks, not browsed
 */
public record SbomDocument(Path source, SbomFormat format, String reader, String spdxVersion, String spdxId,
                           String name, String namespace, String dataLicence, String created, List<String> creators,
                           List<ExternalDocumentRef> externalDocumentRefs, List<SbomPackage> packages,
                           List<SbomFile> files, List<SbomRelationship> relationships,
                           List<SbomAnnotation> annotations, List<String> otherElementIds, List<ReadFinding> findings) {
    public SbomDocument {
        creators = List.copyOf(creators);
        externalDocumentRefs = List.copyOf(externalDocumentRefs);
        packages = List.copyOf(packages);
        files = List.copyOf(files);
        relationships = List.copyOf(relationships);
        annotations = List.copyOf(annotations);
        otherElementIds = List.copyOf(otherElementIds);
        findings = List.copyOf(findings);
    }

    public SbomDocument withFindings(List<ReadFinding> newFindings) {
        return new SbomDocument(source, format, reader, spdxVersion, spdxId, name, namespace, dataLicence, created,
                creators, externalDocumentRefs, packages, files, relationships, annotations, otherElementIds, newFindings);
    }

    public SbomDocument withRelationships(List<SbomRelationship> newRelationships) {
        return new SbomDocument(source, format, reader, spdxVersion, spdxId, name, namespace, dataLicence, created,
                creators, externalDocumentRefs, packages, files, newRelationships, annotations, otherElementIds,
                findings);
    }

    /** A new map from SPDX id to package, in document order (built on each call: keep it if you need it often). */
    public Map<String, SbomPackage> packagesById() {
        Map<String, SbomPackage> byId = new LinkedHashMap<>(packages.size() * 2);
        packages.forEach(p -> byId.putIfAbsent(p.spdxId(), p));
        return byId;
    }

    public Optional<SbomPackage> packageById(String spdxId) {
        return packages.stream().filter(p -> p.spdxId().equals(spdxId)).findFirst();
    }

    /** The packages tagged as Slipway components (type and mode present), in document order. */
    public List<Component> components() {
        return packages.stream().flatMap(p -> p.component().stream()).toList();
    }

    /** The findings of one severity, in the order found. */
    public List<ReadFinding> findings(FindingSeverity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    public List<ReadFinding> warnings() {
        return findings(FindingSeverity.WARNING);
    }

    public List<ReadFinding> errors() {
        return findings(FindingSeverity.ERROR);
    }

    public long count(FindingSeverity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** "opened with N errors, M warnings" (and info count), as the browser's badge and the CLI say it. */
    public String findingsBadge() {
        long errors = count(FindingSeverity.ERROR);
        long warnings = count(FindingSeverity.WARNING);
        long info = count(FindingSeverity.INFO);
        return "opened with " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings") + (info > 0 ? " (" + info + " info)" : "");
    }

    /** The worst severity among the findings, or null when there are none. */
    public FindingSeverity worst() {
        return findings.stream().map(ReadFinding::severity).min(Enum::compareTo).orElse(null);
    }
}
