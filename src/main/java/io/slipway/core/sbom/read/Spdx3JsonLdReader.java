package io.slipway.core.sbom.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.spdx.core.CoreModelObject;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v3_0_1.core.Agent;
import org.spdx.library.model.v3_0_1.core.Annotation;
import org.spdx.library.model.v3_0_1.core.CreationInfo;
import org.spdx.library.model.v3_0_1.core.Element;
import org.spdx.library.model.v3_0_1.core.ExternalMap;
import org.spdx.library.model.v3_0_1.core.Hash;
import org.spdx.library.model.v3_0_1.core.IntegrityMethod;
import org.spdx.library.model.v3_0_1.core.Relationship;
import org.spdx.library.model.v3_0_1.core.SpdxDocument;
import org.spdx.library.model.v3_0_1.core.Tool;
import org.spdx.library.model.v3_0_1.expandedlicensing.ConjunctiveLicenseSet;
import org.spdx.library.model.v3_0_1.expandedlicensing.DisjunctiveLicenseSet;
import org.spdx.library.model.v3_0_1.expandedlicensing.License;
import org.spdx.library.model.v3_0_1.expandedlicensing.NoAssertionLicense;
import org.spdx.library.model.v3_0_1.expandedlicensing.NoneLicense;
import org.spdx.library.model.v3_0_1.expandedlicensing.OrLaterOperator;
import org.spdx.library.model.v3_0_1.expandedlicensing.WithAdditionOperator;
import org.spdx.library.model.v3_0_1.simplelicensing.AnyLicenseInfo;
import org.spdx.library.model.v3_0_1.simplelicensing.LicenseExpression;
import org.spdx.library.model.v3_0_1.software.SpdxFile;
import org.spdx.library.model.v3_0_1.software.SpdxPackage;
import org.spdx.storage.simple.InMemSpdxStore;
import org.spdx.v3jsonldstore.JsonLDStore;

/**
 * SPDX 3 JSON-LD through spdx-java-library's JSON-LD store, mapped onto the SPDX 2-shaped browsing model:
 * {@code software_Package} elements are packages, {@code software_File} files; {@code hasDeclaredLicense} /
 * {@code hasConcludedLicense} relationships become the packages' licences (not relationships); every other
 * relationship becomes one {@link SbomRelationship} per target, with SPDX 3's type name ({@code DEPENDS_ON},
 * {@code CONTAINS}, ...); {@code Annotation} elements attach to their subject. Ids are SPDX 3 URIs.
 */
final class Spdx3JsonLdReader {
    private static final String DECLARED = "HAS_DECLARED_LICENSE";
    private static final String CONCLUDED = "HAS_CONCLUDED_LICENSE";

    private Spdx3JsonLdReader() {
    }

    static SbomDocument read(Path file) {
        JsonLDStore store = new JsonLDStore(new InMemSpdxStore());
        SpdxDocument doc;
        Spdx3Duplicates.Result duplicates;
        try {
            duplicates = Spdx3Duplicates.scan(file);
        } catch (IOException e) {
            throw new SbomReadException(file, "", "cannot read: " + e.getMessage(), e);
        }
        try (InputStream in = duplicates.deduplicated() != null
                ? new java.io.ByteArrayInputStream(duplicates.deduplicated()) : Files.newInputStream(file)) {
            doc = store.deSerialize(in, false);
        } catch (IOException | InvalidSPDXAnalysisException | RuntimeException e) {
            throw SpdxLibraryReader.libraryFailure(file, SbomFormat.SPDX3_JSON_LD, e);
        }
        if (doc == null) {
            throw new SbomReadException(file, "", "SPDX 3 JSON-LD without an SpdxDocument element");
        }
        try {
            SbomDocument read = toModel(file, store, doc);
            return duplicates.findings().isEmpty() ? read : read.withFindings(duplicates.findings());
        } catch (SbomReadException e) {
            throw e;
        } catch (InvalidSPDXAnalysisException | RuntimeException e) {
            throw SpdxLibraryReader.libraryFailure(file, SbomFormat.SPDX3_JSON_LD, e);
        }
    }

    private static List<Object> all(JsonLDStore store, String type) throws InvalidSPDXAnalysisException {
        return SpdxModelFactory.getSpdxObjects(store, null, type, null, null).collect(Collectors.toList());
    }

    private static SbomDocument toModel(Path file, JsonLDStore store, SpdxDocument doc)
            throws InvalidSPDXAnalysisException {
        CreationInfo info = doc.getCreationInfo();
        String version = info == null ? null : "SPDX-" + info.getSpecVersion();
        SbomValidator.unsupportedVersion(SbomFormat.SPDX3_JSON_LD, version).ifPresent(problem -> {
            throw new SbomReadException(file, "creationInfo.specVersion", problem);
        });

        Map<String, List<SbomAnnotation>> annotationsBySubject = new HashMap<>();
        for (Object o : all(store, "Core.Annotation")) {
            Annotation a = (Annotation) o;
            String subject = a.getSubject() == null ? null : a.getSubject().getObjectUri();
            CreationInfo ci = a.getCreationInfo();
            annotationsBySubject.computeIfAbsent(subject, k -> new ArrayList<>()).add(new SbomAnnotation(
                    ci == null ? null : creators(ci).stream().findFirst().orElse(null),
                    String.valueOf(a.getAnnotationType()), ci == null ? null : ci.getCreated(),
                    a.getStatement().orElse(null)));
        }

        Map<String, String> declared = new HashMap<>();
        Map<String, String> concluded = new HashMap<>();
        List<SbomRelationship> relationships = new ArrayList<>();
        List<Object> rels = all(store, "Core.Relationship");
        rels.addAll(all(store, "Core.LifecycleScopedRelationship"));
        for (Object o : rels) {
            Relationship r = (Relationship) o;
            String from = r.getFrom() == null ? "NONE" : r.getFrom().getObjectUri();
            String type = String.valueOf(r.getRelationshipType());
            for (Element to : r.getTos()) {
                if (type.equals(DECLARED)) {
                    declared.merge(from, licence(to), (a, b) -> a + " AND " + b);
                } else if (type.equals(CONCLUDED)) {
                    concluded.merge(from, licence(to), (a, b) -> a + " AND " + b);
                } else {
                    relationships.add(new SbomRelationship(from, type, to.getObjectUri(), 0));
                }
            }
            if (r.getTos().isEmpty() && !type.equals(DECLARED) && !type.equals(CONCLUDED)) {
                relationships.add(new SbomRelationship(from, type, "NONE", 0));
            }
        }

        Set<String> known = new HashSet<>();
        known.add(doc.getObjectUri());
        List<SbomPackage> packages = new ArrayList<>();
        List<Object> packageElements = all(store, "Software.SpdxPackage");
        packageElements.addAll(all(store, "AI.AIPackage"));
        packageElements.addAll(all(store, "Dataset.DatasetPackage"));
        for (Object o : packageElements) {
            SpdxPackage p = (SpdxPackage) o;
            String id = p.getObjectUri();
            known.add(id);
            packages.add(new SbomPackage(id, p.getName().orElse(null), p.getPackageVersion().orElse(null),
                    p.getSuppliedBy().isPresent() ? agent(p.getSuppliedBy().get()) : null,
                    p.getOriginatedBys().stream().findFirst().map(Spdx3JsonLdReader::agent).orElse(null),
                    declared.getOrDefault(id, "NOASSERTION"), concluded.getOrDefault(id, "NOASSERTION"),
                    p.getCopyrightText().orElse(null), p.getDownloadLocation().orElse(null),
                    p.getPackageUrl().orElse(null), List.of(), annotationsBySubject.getOrDefault(id, List.of()),
                    ComponentTags.NONE, 0));
        }
        packages.sort(Comparator.comparing(SbomPackage::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(SbomPackage::spdxId));

        List<SbomFile> files = new ArrayList<>();
        for (Object o : all(store, "Software.SpdxFile")) {
            SpdxFile f = (SpdxFile) o;
            known.add(f.getObjectUri());
            List<SbomChecksum> checksums = new ArrayList<>();
            for (IntegrityMethod m : f.getVerifiedUsings()) {
                if (m instanceof Hash h) {
                    checksums.add(new SbomChecksum(String.valueOf(h.getAlgorithm()), h.getHashValue()));
                }
            }
            files.add(new SbomFile(f.getObjectUri(), f.getName().orElse(null), checksums,
                    concluded.getOrDefault(f.getObjectUri(), "NOASSERTION"), f.getCopyrightText().orElse(null), 0));
        }
        files.sort(Comparator.comparing(SbomFile::spdxId));

        // anything else a relationship may name (agents, snippets, licences, builds, ...)
        List<String> others = new ArrayList<>();
        store.getAllItems(null, null).forEach(tv -> {
            String uri = tv.getObjectUri();
            if (!known.contains(uri) && !tv.getType().endsWith("Relationship") && !tv.getType().equals("Core.Annotation")) {
                known.add(uri);
                others.add(uri);
            }
        });

        List<ExternalDocumentRef> imports = new ArrayList<>();
        for (ExternalMap m : doc.getSpdxImports()) {
            imports.add(new ExternalDocumentRef(m.getExternalSpdxId(), m.getLocationHint().orElse(null), null));
        }
        Optional<AnyLicenseInfo> dataLicence = doc.getDataLicense();
        return new SbomDocument(file, SbomFormat.SPDX3_JSON_LD, SpdxLibraryReader.READER, version, doc.getObjectUri(),
                doc.getName().orElse(null), doc.getObjectUri(), dataLicence.isPresent() ? licence(dataLicence.get())
                        : null, info == null ? null : info.getCreated(), info == null ? List.of() : creators(info),
                imports, packages, files, relationships, annotationsBySubject.getOrDefault(doc.getObjectUri(),
                        List.of()), others, List.of());
    }

    private static List<String> creators(CreationInfo info) {
        List<String> out = new ArrayList<>();
        for (Agent a : info.getCreatedBys()) {
            out.add(agent(a));
        }
        for (Tool t : info.getCreatedUsings()) {
            out.add("Tool: " + name(t));
        }
        return out;
    }

    /** An agent as SPDX 2 writes suppliers and creators: {@code Organization: name}, {@code Person: name}. */
    private static String agent(Agent a) {
        String type = a.getType();
        String kind = type.endsWith("Organization") ? "Organization" : type.endsWith("Person") ? "Person" : "Tool";
        return kind + ": " + name(a);
    }

    private static String name(Element e) {
        try {
            return e.getName().orElse(e.getObjectUri());
        } catch (InvalidSPDXAnalysisException ex) {
            return e.getObjectUri();
        }
    }

    /** A licence element as an SPDX expression. Expressions are shallow; deeper than 64 levels is refused. */
    static String licence(CoreModelObject l) throws InvalidSPDXAnalysisException {
        return licence(l, 0);
    }

    private static String licence(CoreModelObject l, int depth) throws InvalidSPDXAnalysisException {
        if (depth > 64) {
            throw new InvalidSPDXAnalysisException("licence expression nested deeper than 64 levels");
        }
        if (l instanceof LicenseExpression e) {
            return e.getLicenseExpression();
        }
        if (l instanceof NoAssertionLicense) {
            return "NOASSERTION";
        }
        if (l instanceof NoneLicense) {
            return "NONE";
        }
        if (l instanceof ConjunctiveLicenseSet s) {
            return set(s.getMembers(), " AND ", depth);
        }
        if (l instanceof DisjunctiveLicenseSet s) {
            return set(s.getMembers(), " OR ", depth);
        }
        if (l instanceof OrLaterOperator o) {
            return licence(o.getSubjectLicense(), depth + 1) + "+";
        }
        if (l instanceof WithAdditionOperator w) {
            return licence(w.getSubjectExtendableLicense(), depth + 1) + " WITH " + lastSegment(
                    w.getSubjectAddition().getObjectUri());
        }
        if (l instanceof License lic) {
            String uri = lic.getObjectUri();
            if (uri.startsWith("http://spdx.org/licenses/") || uri.startsWith("https://spdx.org/licenses/")) {
                return lastSegment(uri);
            }
            return lic.getName().orElse(lastSegment(uri));
        }
        String uri = l.getObjectUri();
        if (uri.endsWith("/NoAssertionLicense")) {
            return "NOASSERTION";
        }
        if (uri.endsWith("/NoneLicense")) {
            return "NONE";
        }
        return lastSegment(uri);
    }

    private static String set(Set<AnyLicenseInfo> members, String op, int depth) throws InvalidSPDXAnalysisException {
        List<String> parts = new ArrayList<>();
        for (AnyLicenseInfo m : members) {
            parts.add(licence(m, depth + 1));
        }
        parts.sort(null);
        return "(" + String.join(op, parts) + ")";
    }

    private static String lastSegment(String uri) {
        int cut = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#'));
        return cut >= 0 ? uri.substring(cut + 1) : uri;
    }
}
