package io.slipway.core.sbom.release;

import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.read.ComponentTags;
import io.slipway.core.sbom.read.ReadFinding;
import io.slipway.core.sbom.read.SbomReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.Checksum;
import org.spdx.library.model.v2.ExternalDocumentRef;
import org.spdx.library.model.v2.SpdxConstantsCompatV2;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxElement;
import org.spdx.library.model.v2.SpdxFile;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.library.model.v2.enumerations.ChecksumAlgorithm;
import org.spdx.library.model.v2.license.ExtractedLicenseInfo;

/**
 * Loads an SBOM index with spdx-java-library and every component document it names, checking each document's
 * SHA-1 against the index. A missing or changed document is a {@link UserFacingException} naming it.
 */
public final class SbomIndexLoader {
    static {
        Spdx.init();
    }

    private SbomIndexLoader() {
    }

    /**
     * @param overrides workspace tags by component id (they win over the SBOM's)
     * @param releaseSetOverride a release-set manifest to use instead of the one the index names
     */
    public static LoadedRelease load(Path indexFile, Map<String, Tags> overrides, Optional<Path> releaseSetOverride) {
        Path index = indexFile.toAbsolutePath().normalize();
        SpdxDocument doc = Spdx.read(index);
        try {
            String spec = doc.getSpecVersion();
            if (spec == null || !spec.startsWith("SPDX-2.")) {
                throw new UserFacingException(index + ": spdxVersion '" + spec + "' is not SPDX 2.x");
            }
            List<ExternalDocumentRef> refs = new ArrayList<>(doc.getExternalDocumentRefs());
            if (refs.isEmpty()) {
                throw new UserFacingException(index + ": not an SBOM index: it names no component documents "
                        + "(externalDocumentRefs is empty); make one with 'slipway sbom generate'");
            }
            refs.sort(Comparator.comparing(ExternalDocumentRef::getId));
            Map<String, SpdxPackage> packages = packages(doc);
            SpdxPackage release = packages.get(SbomIndexWriter.RELEASE_ID);
            String name = release != null && release.getName().isPresent() ? release.getName().get()
                    : doc.getName().orElse(index.getFileName().toString());
            String version = release != null ? release.getVersionInfo().orElse("") : "";

            List<ReleaseComponent> components = new ArrayList<>();
            Map<String, String> seenNamespaces = new HashMap<>();
            for (ExternalDocumentRef ref : refs) {
                ReleaseComponent c = component(index, ref, packages, overrides);
                String other = seenNamespaces.put(c.documentNamespace(), ref.getId());
                if (other != null) {
                    throw new UserFacingException(index + ": " + ref.getId() + " and " + other + " name the same "
                            + "document " + c.documentNamespace());
                }
                components.add(c);
            }

            Optional<ReleaseSetManifest> releaseSet = Optional.empty();
            Optional<String> problem = Optional.empty();
            if (releaseSetOverride.isPresent()) {
                releaseSet = Optional.of(ReleaseSetManifest.load(releaseSetOverride.get()));
            } else {
                Optional<String> location = release == null ? Optional.empty()
                        : IndexLocations.read(release, IndexLocations.RELEASE_SET);
                if (location.isEmpty()) {
                    problem = Optional.of(index + ": the index names no release set (a published index does not); "
                            + "give the release-set manifest explicitly");
                } else {
                    Path manifest = index.getParent().resolve(location.get()).normalize();
                    try {
                        releaseSet = Optional.of(ReleaseSetManifest.load(manifest));
                    } catch (UserFacingException e) {
                        problem = Optional.of(index + ": its release set " + location.get() + " cannot be used: "
                                + e.getMessage());
                    }
                }
            }
            return new LoadedRelease(index, name, version, doc.getDocumentUri(), List.copyOf(components), releaseSet,
                    problem);
        } catch (InvalidSPDXAnalysisException | RuntimeException e) {
            if (e instanceof UserFacingException u) {
                throw u;
            }
            throw new UserFacingException(index + ": cannot read the SBOM index (" + Spdx.rootMessage(e) + ")", e);
        }
    }

    private static ReleaseComponent component(Path index, ExternalDocumentRef ref, Map<String, SpdxPackage> indexPackages,
                                              Map<String, Tags> overrides) throws InvalidSPDXAnalysisException {
        String refId = ref.getId();
        String id = refId.startsWith(SbomIndexWriter.DOCUMENT_REF_PREFIX)
                ? refId.substring(SbomIndexWriter.DOCUMENT_REF_PREFIX.length()) : refId;
        SpdxPackage proxy = indexPackages.get("SPDXRef-" + id);
        String location = proxy == null ? null
                : IndexLocations.read(proxy, IndexLocations.DOCUMENT).orElse(null);
        if (location == null) {
            location = SbomGenerator.COMPONENTS_DIR + "/" + id + ".spdx.json";
        }
        String where = index + ": " + refId;
        String problem = SafePaths.relativePathProblem(location);
        if (problem != null) {
            throw new UserFacingException(where + ": document location '" + location + "' " + problem + "; refused");
        }
        Path file = index.getParent().resolve(location).normalize();
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(where + ": referenced document " + file + " is missing");
        }
        Optional<Checksum> checksum = ref.getChecksum();
        if (checksum.isEmpty() || checksum.get().getAlgorithm() != ChecksumAlgorithm.SHA1) {
            throw new UserFacingException(where + ": has no SHA1 checksum (SPDX 2.x external document references "
                    + "must carry one)");
        }
        String actual;
        try {
            actual = Spdx.sha1(file);
        } catch (IOException e) {
            throw new UserFacingException(where + ": cannot read " + file + " (" + e.getMessage() + ")", e);
        }
        String expected = checksum.get().getValue().strip().toLowerCase(java.util.Locale.ROOT);
        if (!actual.equals(expected)) {
            throw new UserFacingException(where + ": " + file + " has SHA-1 " + actual + " but the index expects "
                    + expected + " (the document changed after the index was made; regenerate the SBOM)");
        }
        SpdxDocument doc = Spdx.read(file);
        // the browser's lenient reading of the same document: its error findings block the release (ReleaseGate)
        List<String> documentErrors = SbomReader.read(file).errors().stream().map(ReadFinding::toString).toList();
        String namespace = doc.getDocumentUri();
        if (!namespace.equals(ref.getSpdxDocumentNamespace())) {
            throw new UserFacingException(where + ": " + file + " is document " + namespace + " but the index expects "
                    + ref.getSpdxDocumentNamespace());
        }
        SpdxPackage pkg = describedPackage(doc, id).orElseThrow(() -> new UserFacingException(file
                + ": describes no package (expected SPDXRef-" + id + ")"));
        String name = pkg.getName().orElseThrow(() -> new UserFacingException(file + ": package " + pkg.getId()
                + " has no name"));
        String version = pkg.getVersionInfo().orElse("");
        if (!SafePaths.isSafeSegment(name + "-" + version)) {
            throw new SafePaths.UnsafePathException(file + ": package name and version '" + name + "-" + version
                    + "' cannot be a folder name (no '/', '\\', '..' or control characters); refused");
        }
        List<ComponentFile> files = new ArrayList<>();
        for (SpdxFile f : pkg.getFiles()) {
            String fileName = f.getName().orElse("");
            String sha256 = null;
            for (Checksum c : f.getChecksums()) {
                if (c.getAlgorithm() == ChecksumAlgorithm.SHA256) {
                    sha256 = c.getValue().toLowerCase(java.util.Locale.ROOT);
                }
            }
            try {
                files.add(ComponentFile.of(fileName, f.getSha1(), sha256));
            } catch (SafePaths.UnsafePathException e) {
                throw new SafePaths.UnsafePathException(file + ": " + e.getMessage());
            }
        }
        files.sort(Comparator.comparing(ComponentFile::spdxName));
        Tags tags = tags(file, pkg, id);
        if (proxy != null) {
            tags = tags.overriddenBy(tags(index, proxy, id));
        }
        Tags sbomTags = tags;
        Tags ws = overrides.get(id);
        if (ws != null) {
            tags = tags.overriddenBy(ws);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (ExtractedLicenseInfo eli : doc.getExtractedLicenseInfos()) {
            texts.put(eli.getLicenseId(), eli.getExtractedText());
        }
        return new ReleaseComponent(id, name, version, tags, sbomTags, pkg.getSupplier().orElse(null),
                pkg.getDownloadLocation().orElse(null), String.valueOf(pkg.getLicenseDeclared()),
                String.valueOf(pkg.getLicenseConcluded()), pkg.getCopyrightText(), texts, file, namespace,
                actual, List.copyOf(files), documentErrors);
    }

    /**
     * The tags of {@code pkg}, read as the browser reads them. What the browser only warns about refuses a release:
     * publishing decides by these tags, so none may be guessed, dropped or name another component.
     */
    private static Tags tags(Path file, SpdxPackage pkg, String id) throws InvalidSPDXAnalysisException {
        ComponentTags.Parsed parsed = ComponentTags.read(pkg);
        String where = file + ": package " + pkg.getId() + ": ";
        if (!parsed.problems().isEmpty()) {
            throw new UserFacingException(where + String.join("; ", parsed.problems()));
        }
        String taggedId = parsed.tags().id();
        if (taggedId != null && !taggedId.equals(id)) {
            throw new UserFacingException(where + ComponentTags.PREFIX + ComponentTags.KEY_ID + " is '" + taggedId
                    + "' but the index names it " + SbomIndexWriter.DOCUMENT_REF_PREFIX + id);
        }
        return Tags.of(parsed.tags());
    }

    private static Optional<SpdxPackage> describedPackage(SpdxDocument doc, String id) throws InvalidSPDXAnalysisException {
        SpdxPackage first = null;
        for (SpdxElement e : doc.getDocumentDescribes()) {
            if (e instanceof SpdxPackage p) {
                if (p.getId().equals("SPDXRef-" + id)) {
                    return Optional.of(p);
                }
                if (first == null) {
                    first = p;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    private static Map<String, SpdxPackage> packages(SpdxDocument doc) throws InvalidSPDXAnalysisException {
        Map<String, SpdxPackage> byId = new HashMap<>();
        String prefix = doc.getDocumentUri() + "#";
        try (var stream = SpdxModelFactory.getSpdxObjects(doc.getModelStore(), doc.getCopyManager(),
                SpdxConstantsCompatV2.CLASS_SPDX_PACKAGE, prefix, prefix)) {
            stream.forEach(o -> {
                if (o instanceof SpdxPackage p) {
                    byId.put(p.getId(), p);
                }
            });
        }
        return byId;
    }
}
