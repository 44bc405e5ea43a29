package io.slipway.core.sbom.release;

import io.slipway.core.common.UserFacingException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.ModelCopyManager;
import org.spdx.library.model.v2.ExternalDocumentRef;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxModelFactoryCompatV2;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.library.model.v2.enumerations.ChecksumAlgorithm;
import org.spdx.library.model.v2.enumerations.RelationshipType;
import org.spdx.library.model.v2.license.ExtractedLicenseInfo;
import org.spdx.library.model.v2.license.SpdxNoAssertionLicense;

/**
 * Writes an SBOM index: an SPDX 2.3 document whose {@code externalDocumentRefs} name each component document
 * ({@code DocumentRef-<id>}, its namespace and SHA-1), with a release package ({@code SPDXRef-Release}) that
 * CONTAINS one package per component ({@code SPDXRef-<id>}: name, version, supplier, declared licence, copyright,
 * tags, where its document lies) and DESCENDANT_OF relationships from each derivative to its native.
 */
public final class SbomIndexWriter {
    public static final String RELEASE_ID = "SPDXRef-Release";
    public static final String DOCUMENT_REF_PREFIX = "DocumentRef-";

    static {
        Spdx.init();
    }

    private SbomIndexWriter() {
    }

    /** One component as the index names it. {@code documentLocation} is relative to the index file. */
    public record Entry(String id, String name, String version, String supplier, String downloadLocation,
                        String declaredLicence, String copyright, Tags tags, Map<String, String> extractedTexts,
                        String documentNamespace, String documentSha1, String documentLocation) {
    }

    /** The whole index; {@code releaseSetLocation} (relative to the index) may be null, as in a published index. */
    public record Spec(String releaseName, String releaseVersion, String namespace, String date,
                       String releaseSetLocation, List<Entry> entries) {
    }

    public static void write(Spec spec, Path file) {
        try {
            MultiFormatStore store = Spdx.newStore();
            ModelCopyManager cm = new ModelCopyManager();
            SpdxDocument doc = SpdxModelFactoryCompatV2.createSpdxDocumentV2(store, spec.namespace(), cm);
            doc.setCreationInfo(doc.createCreationInfo(List.of(SbomGenerator.creator()), spec.date()));
            doc.setName(spec.releaseName() + "-" + spec.releaseVersion() + "-sbom-index");
            doc.setComment("SBOM index of release " + spec.releaseName() + " " + spec.releaseVersion() + ": one SPDX "
                    + "document per component, named in externalDocumentRefs with its SHA-1.");

            Map<String, String> texts = new TreeMap<>();
            spec.entries().forEach(e -> e.extractedTexts().forEach(texts::putIfAbsent));
            for (Map.Entry<String, String> t : texts.entrySet()) {
                ExtractedLicenseInfo eli = doc.createExtractedLicense(t.getKey(), t.getValue());
                eli.setName(t.getKey().substring(LicenceExpressions.LICENSE_REF.length()));
                doc.addExtractedLicenseInfos(eli);
            }

            SpdxPackage release = doc.createPackage(RELEASE_ID, spec.releaseName(), new SpdxNoAssertionLicense(),
                            LicenceExpressions.NOASSERTION, new SpdxNoAssertionLicense())
                    .setFilesAnalyzed(false)
                    .setVersionInfo(spec.releaseVersion())
                    .setDownloadLocation(LicenceExpressions.NOASSERTION)
                    .build();
            if (spec.releaseSetLocation() != null) {
                IndexLocations.write(release, IndexLocations.RELEASE_SET, spec.releaseSetLocation(),
                        spec.date());
            }
            doc.getDocumentDescribes().add(release);

            Map<String, SpdxPackage> packages = new HashMap<>();
            for (Entry e : spec.entries()) {
                ExternalDocumentRef ref = doc.createExternalDocumentRef(DOCUMENT_REF_PREFIX + e.id(),
                        e.documentNamespace(), doc.createChecksum(ChecksumAlgorithm.SHA1, e.documentSha1()));
                if (!doc.getExternalDocumentRefs().contains(ref)) {
                    doc.getExternalDocumentRefs().add(ref);
                }
                SpdxPackage p = doc.createPackage("SPDXRef-" + e.id(), e.name(), new SpdxNoAssertionLicense(),
                                e.copyright(), LicenseInfoFactory.parseSPDXLicenseStringCompatV2(e.declaredLicence(),
                                        store, spec.namespace(), cm))
                        .setFilesAnalyzed(false)
                        .setVersionInfo(e.version())
                        .setSupplier(e.supplier())
                        .setDownloadLocation(e.downloadLocation())
                        .setComment("Described in full by " + DOCUMENT_REF_PREFIX + e.id() + " (" + e.documentLocation()
                                + ").")
                        .build();
                e.tags().annotatedAs(e.id()).addTo(p, spec.date());
                IndexLocations.write(p, IndexLocations.DOCUMENT, e.documentLocation(), spec.date());
                release.addRelationship(release.createRelationship(p, RelationshipType.CONTAINS, null));
                packages.put(e.id(), p);
            }
            for (Entry e : spec.entries()) {
                String nativeId = e.tags().nativeId();
                if (nativeId != null && packages.containsKey(nativeId) && !nativeId.equals(e.id())) {
                    SpdxPackage d = packages.get(e.id());
                    d.addRelationship(d.createRelationship(packages.get(nativeId), RelationshipType.DESCENDANT_OF,
                            "derivative of its native component"));
                }
            }
            List<String> errors = Spdx.verify(doc);
            if (!errors.isEmpty()) {
                throw new UserFacingException(file + ": the generated SBOM index does not verify: "
                        + Spdx.errors(errors));
            }
            Spdx.write(store, doc, file);
        } catch (InvalidSPDXAnalysisException e) {
            throw new UserFacingException(file + ": cannot build the SBOM index (" + Spdx.rootMessage(e) + ")", e);
        }
    }
}
