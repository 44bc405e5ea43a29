package io.slipway.core.sbom.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.Annotation;
import org.spdx.library.model.v2.Checksum;
import org.spdx.library.model.v2.ExternalRef;
import org.spdx.library.model.v2.ExternalSpdxElement;
import org.spdx.library.model.v2.Relationship;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxElement;
import org.spdx.library.model.v2.SpdxFile;
import org.spdx.library.model.v2.SpdxNoAssertionElement;
import org.spdx.library.model.v2.SpdxNoneElement;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.spdxRdfStore.RdfStore;
import org.spdx.storage.ISerializableModelStore;
import org.spdx.storage.simple.InMemSpdxStore;
import org.spdx.tagvaluestore.TagValueStore;

/**
 * Reads every SPDX format spdx-java-library 2.x reads (JSON, YAML, XML, tag-value, RDF/XML through its stores;
 * SPDX 3 JSON-LD through {@link Spdx3JsonLdReader}) into the browsable model. Fully offline ({@link SpdxOffline}).
 *
 * <p>The library builds its whole object model in memory (about 5x the file for JSON), so files too large for
 * the heap are refused up front rather than running the JVM out of memory; SPDX JSON of any size goes through the
 * streaming reader instead. XML formats are screened by {@link XmlSafety} first. Packages come out sorted by
 * name, version and id (the library's store has no document order).
 */
final class SpdxLibraryReader {
    static final String READER = "spdx-java-library 2.0.4";
    /** Heap the library needs per byte of input, as measured for JSON (ENVIRONMENT.md), with some margin. */
    static final int HEAP_PER_BYTE = 6;
    /** "org.spdx.core.SpdxIdNotFoundException: " and the like, which wrapped messages start with. */
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*: ");

    private SpdxLibraryReader() {
    }

    static SbomDocument read(Path file, SbomFormat format) {
        SpdxOffline.init();
        checkHeap(file, format, "spdx-java-library");
        if (format == SbomFormat.SPDX3_JSON_LD) {
            return Spdx3JsonLdReader.read(file);
        }
        ISerializableModelStore store = switch (format) {
            case SPDX_JSON -> new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON);
            case SPDX_YAML -> new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.YAML);
            case SPDX_XML -> new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.XML);
            case SPDX_TAG_VALUE -> new TagValueStore(new InMemSpdxStore());
            case SPDX_RDF_XML -> new RdfStore();
            default -> throw new IllegalArgumentException(format + " is not read by spdx-java-library");
        };
        SpdxDocument doc;
        try (InputStream in = open(file, format)) {
            doc = (SpdxDocument) store.deSerialize(in, false);
        } catch (SbomReadException e) {
            throw e;
        } catch (IOException | InvalidSPDXAnalysisException | RuntimeException e) {
            throw libraryFailure(file, format, e);
        }
        try {
            return toModel(file, format, store, doc);
        } catch (SbomReadException e) {
            throw e;
        } catch (InvalidSPDXAnalysisException | RuntimeException e) {
            throw libraryFailure(file, format, e);
        }
    }

    private static InputStream open(Path file, SbomFormat format) throws IOException {
        if (format == SbomFormat.SPDX_RDF_XML || format == SbomFormat.SPDX_XML) {
            byte[] bytes = Files.readAllBytes(file);
            XmlSafety.check(file, bytes);
            return new ByteArrayInputStream(bytes);
        }
        return Files.newInputStream(file);
    }

    /** Refuses a file the named in-memory reader would need more heap for than is free. */
    static void checkHeap(Path file, SbomFormat format, String reader) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new SbomReadException(file, "", "cannot read: " + e.getMessage(), e);
        }
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (size * HEAP_PER_BYTE > available) {
            throw new SbomReadException(file, "", String.format("%,d bytes of %s is too large for %s in this JVM "
                    + "(it needs about %dx the file in heap; %,d MB available)%s", size, format.label(), reader,
                    HEAP_PER_BYTE, available >> 20, format == SbomFormat.SPDX_JSON ? ": use the streaming reader"
                            : format.isSpdx() ? ": convert it to SPDX JSON, which Slipway streams"
                            : ": give the JVM more heap (-Xmx)"));
        }
    }

    static SbomReadException libraryFailure(Path file, SbomFormat format, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null
                || root instanceof InvalidSPDXAnalysisException && root.getCause().getMessage() != null)) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof OutOfMemoryError) {
            msg = "out of memory";
        }
        msg = EXCEPTION_PREFIX.matcher(msg).replaceFirst("");
        return new SbomReadException(file, "", "spdx-java-library cannot read this " + format.label() + ": "
                + JsonProblems.firstLine(msg), e);
    }

    private static SbomDocument toModel(Path file, SbomFormat format, ISerializableModelStore store, SpdxDocument doc)
            throws InvalidSPDXAnalysisException {
        String uri = doc.getDocumentUri();
        String version = doc.getSpecVersion();
        SbomValidator.unsupportedVersion(format, version).ifPresent(problem -> {
            throw new SbomReadException(file, "spdxVersion", problem);
        });
        List<SbomRelationship> relationships = new ArrayList<>();
        addRelationships(doc, doc, relationships);

        List<SbomPackage> packages = new ArrayList<>();
        for (Object o : SpdxModelFactory.getSpdxObjects(store, null, "Package", null, uri).toList()) {
            SpdxPackage p = (SpdxPackage) o;
            addRelationships(doc, p, relationships);
            packages.add(new SbomPackage(p.getId(), p.getName().orElse(null), p.getVersionInfo().orElse(null),
                    p.getSupplier().orElse(null), p.getOriginator().orElse(null), licence(p.getLicenseDeclared()),
                    licence(p.getLicenseConcluded()), blankToNull(p.getCopyrightText()),
                    p.getDownloadLocation().orElse(null), purl(p),
                    p.getFiles().stream().map(SpdxElement::getId).sorted().toList(), annotations(p),
                    ComponentTags.NONE, 0));
        }
        packages.sort(Comparator.comparing(SbomPackage::name, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(SbomPackage::version, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(SbomPackage::spdxId));

        List<SbomFile> files = new ArrayList<>();
        for (Object o : SpdxModelFactory.getSpdxObjects(store, null, "File", null, uri).toList()) {
            SpdxFile f = (SpdxFile) o;
            addRelationships(doc, f, relationships);
            List<SbomChecksum> checksums = new ArrayList<>();
            for (Checksum c : f.getChecksums()) {
                checksums.add(new SbomChecksum(c.getAlgorithm().toString(), c.getValue()));
            }
            files.add(new SbomFile(f.getId(), f.getName().orElse(null), checksums, licence(f.getLicenseConcluded()),
                    blankToNull(f.getCopyrightText()), 0));
        }
        files.sort(Comparator.comparing(SbomFile::spdxId));

        List<String> otherElementIds = new ArrayList<>();
        for (Object o : SpdxModelFactory.getSpdxObjects(store, null, "Snippet", null, uri).toList()) {
            SpdxElement s = (SpdxElement) o;
            addRelationships(doc, s, relationships);
            otherElementIds.add(s.getId());
        }

        List<ExternalDocumentRef> externalRefs = new ArrayList<>();
        for (org.spdx.library.model.v2.ExternalDocumentRef r : doc.getExternalDocumentRefs()) {
            Optional<Checksum> c = r.getChecksum();
            externalRefs.add(new ExternalDocumentRef(r.getId(), r.getSpdxDocumentNamespace(), c.isPresent()
                    ? new SbomChecksum(c.get().getAlgorithm().toString(), c.get().getValue()) : null));
        }
        var info = doc.getCreationInfo();
        return new SbomDocument(file, format, READER, version, doc.getId(), doc.getName().orElse(null), uri,
                licence(doc.getDataLicense()), info == null ? null : info.getCreated(),
                info == null ? List.of() : List.copyOf(info.getCreators()), externalRefs, packages, files,
                relationships, annotations(doc), otherElementIds, List.of());
    }

    private static void addRelationships(SpdxDocument doc, SpdxElement element, List<SbomRelationship> into)
            throws InvalidSPDXAnalysisException {
        for (Relationship r : element.getRelationships()) {
            Optional<SpdxElement> related = r.getRelatedSpdxElement();
            String to = related.isPresent() ? idOf(doc, related.get()) : "NONE";
            into.add(new SbomRelationship(element.getId(), r.getRelationshipType().toString(), to, 0));
        }
    }

    private static String idOf(SpdxDocument doc, SpdxElement e) throws InvalidSPDXAnalysisException {
        if (e instanceof SpdxNoneElement) {
            return "NONE";
        }
        if (e instanceof SpdxNoAssertionElement) {
            return "NOASSERTION";
        }
        if (e instanceof ExternalSpdxElement x) {
            return x.getExternalDocumentId(doc) + ":" + x.getExternalElementId();
        }
        return e.getId();
    }

    static List<SbomAnnotation> annotations(SpdxElement e) throws InvalidSPDXAnalysisException {
        List<SbomAnnotation> out = new ArrayList<>();
        for (Annotation a : e.getAnnotations()) {
            out.add(new SbomAnnotation(a.getAnnotator(), String.valueOf(a.getAnnotationType()), a.getAnnotationDate(),
                    a.getComment()));
        }
        // the store keeps no order: sort by date, then text, so "last value wins" in tags is deterministic
        out.sort(Comparator.comparing(SbomAnnotation::date, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(SbomAnnotation::comment, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    private static String purl(SpdxPackage p) throws InvalidSPDXAnalysisException {
        List<String> purls = new ArrayList<>();
        for (ExternalRef r : p.getExternalRefs()) {
            String type = r.getReferenceType() == null ? "" : r.getReferenceType().getIndividualURI();
            if (type.equals("purl") || type.endsWith("/purl") || type.endsWith("#purl")) {
                purls.add(r.getReferenceLocator());
            }
        }
        return purls.isEmpty() ? null : Collections.min(purls);
    }

    private static String licence(AnyLicenseInfo l) {
        return l == null ? "NOASSERTION" : l.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
