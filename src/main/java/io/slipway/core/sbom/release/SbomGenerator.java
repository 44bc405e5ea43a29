package io.slipway.core.sbom.release;

import io.slipway.core.common.Clock;
import io.slipway.core.common.SlipwayVersion;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.ComponentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.ModelCopyManager;
import org.spdx.library.model.v2.Checksum;
import org.spdx.library.model.v2.ReferenceType;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxFile;
import org.spdx.library.model.v2.SpdxModelFactoryCompatV2;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.library.model.v2.enumerations.ChecksumAlgorithm;
import org.spdx.library.model.v2.enumerations.FileType;
import org.spdx.library.model.v2.enumerations.ReferenceCategory;
import org.spdx.library.model.v2.enumerations.RelationshipType;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.license.ExtractedLicenseInfo;
import org.spdx.library.model.v2.license.InvalidLicenseExpression;
import org.spdx.library.model.v2.license.SpdxNoAssertionLicense;
import org.spdx.library.model.v2.license.SpdxNoneLicense;

/**
 * Generates the SBOM of a release set: one SPDX 2.3 JSON document per component (every file with SHA-256 and
 * SHA-1, package verification code, declared licence from {@code SPDX-License-Identifier} lines and LICENSE files,
 * copyright lines, download location / source info, supplier, tag annotation) and the SBOM index naming each
 * document with its SHA-1. Each document is verified with spdx-java-library before it is written.
 */
public final class SbomGenerator {
    public static final String INDEX_FILE = "sbom-index.spdx.json";
    public static final String COMPONENTS_DIR = "components";
    public static final String NAMESPACE_BASE = "https://slipway.io/spdx/";
    private static final Logger LOG = LoggerFactory.getLogger(SbomGenerator.class);
    private static final Pattern LICENCE_FILE = Pattern.compile("(?i)^(licen[cs]e|copying|notice)([.-].*)?$");
    private static final int MAX_EXTRACTED_TEXT = 1 << 20;

    static {
        Spdx.init();
    }

    private final Clock clock;

    public SbomGenerator(Clock clock) {
        this.clock = clock;
    }

    static String creator() {
        return "Tool: slipway-" + SlipwayVersion.get();
    }

    /** Writes {@code <out>/components/<id>.spdx.json} per component and {@code <out>/sbom-index.spdx.json}. */
    public GenerateResult generate(ReleaseSetManifest manifest, Path outDir) {
        Path out = outDir.toAbsolutePath().normalize();
        Path docsDir = out.resolve(COMPONENTS_DIR);
        try {
            Files.createDirectories(docsDir);
        } catch (IOException e) {
            throw new UserFacingException(out + ": cannot create the output folder (" + e.getMessage() + ")", e);
        }
        String date = Spdx.date(clock.now());
        List<String> notes = new ArrayList<>();
        List<Path> docs = new ArrayList<>();
        List<SbomIndexWriter.Entry> entries = new ArrayList<>();
        int files = 0;
        for (ReleaseSetManifest.Entry c : manifest.components()) {
            Generated g = generateComponent(manifest, c, docsDir, date, notes);
            docs.add(g.file());
            files += g.files();
            entries.add(new SbomIndexWriter.Entry(c.id(), c.name(), c.version(), c.supplier(), g.downloadLocation(),
                    g.declared(), g.copyright(), c.tags(), g.extracted(), g.namespace(), g.sha1(),
                    out.relativize(g.file()).toString().replace('\\', '/')));
        }
        Path index = out.resolve(INDEX_FILE);
        String releaseSetLocation = out.relativize(manifest.file()).toString().replace('\\', '/');
        String indexNamespace = NAMESPACE_BASE + slug(manifest.name() + "-" + manifest.version()) + "/index-"
                + UUID.nameUUIDFromBytes(String.join("\n", entries.stream().map(SbomIndexWriter.Entry::documentSha1)
                .toList()).getBytes(StandardCharsets.UTF_8));
        SbomIndexWriter.write(new SbomIndexWriter.Spec(manifest.name(), manifest.version(), indexNamespace, date,
                releaseSetLocation, entries), index);
        LOG.info("generated SBOM of {} {}: {} documents, {} files", manifest.name(), manifest.version(), docs.size(),
                files);
        return new GenerateResult(index, List.copyOf(docs), files, List.copyOf(notes));
    }

    private record Generated(Path file, String namespace, String sha1, int files, String declared, String copyright,
                             String downloadLocation, Map<String, String> extracted) {
    }

    /** A file found for a component, hashed and scanned. */
    private record Found(String spdxName, ComponentFile.Kind kind, Path path, String sha1, String sha256,
                         SourceScanner.Scan scan, boolean licenceFile) {
    }

    private Generated generateComponent(ReleaseSetManifest manifest, ReleaseSetManifest.Entry c, Path docsDir,
                                        String date, List<String> notes) {
        String what = manifest.file() + ": component '" + c.id() + "'";
        List<Found> found = collect(manifest, c, what);

        // licences: SPDX-License-Identifier lines in sources and licence files, "distributed under" in LICENSE files
        Set<String> detected = new LinkedHashSet<>();
        Map<String, String> refTexts = new TreeMap<>();
        List<List<String>> fileExpressions = new ArrayList<>();
        Set<String> copyrights = new LinkedHashSet<>();
        for (Found f : found) {
            List<String> exprs = new ArrayList<>();
            if (f.kind() != ComponentFile.Kind.BINARY && f.scan().text()) {
                for (String raw : f.scan().expressions()) {
                    LicenceExpressions.Normalised n = LicenceExpressions.normalise(raw);
                    n.madeRefs().forEach(m -> notes.add(what + ": " + f.spdxName() + ": licence id " + m
                            + " (not on the SPDX licence list)"));
                    if (!isValid(n.expression())) {
                        notes.add(what + ": " + f.spdxName() + ": SPDX-License-Identifier '" + raw
                                + "' is not a valid licence expression; ignored");
                        continue;
                    }
                    exprs.add(n.expression());
                }
                exprs.addAll(f.scan().statedIds());
                copyrights.addAll(f.scan().copyrights());
                detected.addAll(exprs);
            }
            fileExpressions.add(exprs);
        }
        String declared;
        String manifestLicence = null;
        if (c.licence() != null) {
            manifestLicence = LicenceExpressions.normalise(c.licence()).expression();
            if (!isValid(manifestLicence)) {
                throw new UserFacingException(what + ": field 'licence' '" + c.licence()
                        + "' is not a valid SPDX licence expression");
            }
        }
        if (!detected.isEmpty()) {
            declared = and(detected);
            if (manifestLicence != null && !Set.copyOf(LicenceExpressions.ids(manifestLicence))
                    .equals(Set.copyOf(LicenceExpressions.ids(declared)))) {
                notes.add(what + ": the manifest says licence '" + manifestLicence + "' but the sources say '"
                        + declared + "'; the SBOM declares what the sources say");
            }
        } else if (manifestLicence != null) {
            declared = manifestLicence;
        } else {
            declared = LicenceExpressions.NOASSERTION;
            notes.add(what + ": no licence found (no SPDX-License-Identifier line, no LICENSE file naming one, no "
                    + "'licence' in the manifest): declared licence is NOASSERTION");
        }
        if (c.copyright() != null) {
            c.copyright().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(copyrights::add);
        }
        String copyright = copyrights.isEmpty() ? LicenceExpressions.NOASSERTION : String.join("\n", copyrights);

        // texts of the LicenseRef-* licences this document uses
        Set<String> refs = new LinkedHashSet<>();
        for (String id : LicenceExpressions.ids(declared)) {
            if (id.startsWith(LicenceExpressions.LICENSE_REF)) {
                refs.add(id);
            }
        }
        fileExpressions.forEach(list -> list.forEach(e -> LicenceExpressions.ids(e).stream()
                .filter(id -> id.startsWith(LicenceExpressions.LICENSE_REF)).forEach(refs::add)));
        for (String ref : refs) {
            refTexts.put(ref, extractedText(ref, found, c));
        }

        String downloadLocation = c.downloadLocation() == null ? LicenceExpressions.NOASSERTION : c.downloadLocation();
        String verificationCode = verificationCode(found);
        String namespace = NAMESPACE_BASE + slug(manifest.name() + "-" + manifest.version()) + "/"
                + slug(c.id() + "-" + c.version()) + "-" + UUID.nameUUIDFromBytes((manifest.name() + "\n"
                + manifest.version() + "\n" + c + "\n" + verificationCode).getBytes(StandardCharsets.UTF_8));
        Path file = docsDir.resolve(c.id() + ".spdx.json");
        try {
            MultiFormatStore store = Spdx.newStore();
            ModelCopyManager cm = new ModelCopyManager();
            SpdxDocument doc = SpdxModelFactoryCompatV2.createSpdxDocumentV2(store, namespace, cm);
            doc.setCreationInfo(doc.createCreationInfo(List.of(creator()), date));
            doc.setName(c.name() + "-" + c.version());
            for (Map.Entry<String, String> ref : refTexts.entrySet()) {
                ExtractedLicenseInfo eli = doc.createExtractedLicense(ref.getKey(), ref.getValue());
                eli.setName(ref.getKey().substring(LicenceExpressions.LICENSE_REF.length()));
                doc.addExtractedLicenseInfos(eli);
            }
            Licences licences = new Licences(store, namespace, cm);
            List<SpdxFile> spdxFiles = new ArrayList<>();
            Set<AnyLicenseInfo> fromFiles = new LinkedHashSet<>();
            int n = 0;
            for (int i = 0; i < found.size(); i++) {
                Found f = found.get(i);
                List<String> exprs = fileExpressions.get(i);
                boolean scanned = f.kind() != ComponentFile.Kind.BINARY && f.scan().text();
                List<AnyLicenseInfo> seen = new ArrayList<>();
                if (!scanned) {
                    seen.add(new SpdxNoAssertionLicense());
                } else if (exprs.isEmpty()) {
                    seen.add(new SpdxNoneLicense());
                } else {
                    for (String e : exprs) {
                        for (String id : LicenceExpressions.ids(e)) {
                            AnyLicenseInfo l = licences.get(id);
                            if (!seen.contains(l)) {
                                seen.add(l);
                            }
                        }
                    }
                }
                fromFiles.addAll(seen);
                String fileCopyright = !scanned ? LicenceExpressions.NOASSERTION
                        : f.scan().copyrights().isEmpty() ? LicenceExpressions.NONE
                        : String.join("\n", f.scan().copyrights());
                Checksum sha1 = doc.createChecksum(ChecksumAlgorithm.SHA1, f.sha1());
                SpdxFile sf = doc.createSpdxFile("SPDXRef-File-" + (++n), f.spdxName(), new SpdxNoAssertionLicense(),
                                seen, fileCopyright, sha1)
                        .addChecksum(doc.createChecksum(ChecksumAlgorithm.SHA256, f.sha256()))
                        .addFileType(switch (f.kind()) {
                            case SOURCE -> FileType.SOURCE;
                            case BINARY -> FileType.BINARY;
                            case LICENCE -> FileType.TEXT;
                        })
                        .build();
                spdxFiles.add(sf);
            }
            if (fromFiles.size() > 1) {
                fromFiles.removeIf(l -> l instanceof SpdxNoneLicense || l instanceof SpdxNoAssertionLicense);
            }
            if (fromFiles.isEmpty()) {
                fromFiles.add(new SpdxNoAssertionLicense());
            }
            String sourceInfo = "source id " + c.name() + "@" + c.version() + "; "
                    + (c.type() == ComponentType.DERIVATIVE ? "modified from native component '" + c.nativeId()
                    + "'; " : "") + "files from " + manifest.root().relativize(c.sourceDir())
                    + c.binaryDir().map(b -> " and " + manifest.root().relativize(b)).orElse("") + " of release set "
                    + manifest.name() + " " + manifest.version();
            SpdxPackage.SpdxPackageBuilder pb = doc.createPackage("SPDXRef-" + c.id(), c.name(),
                            new SpdxNoAssertionLicense(), copyright, licences.expression(declared))
                    .setFilesAnalyzed(true)
                    .setVersionInfo(c.version())
                    .setSupplier(c.supplier())
                    .setDownloadLocation(downloadLocation)
                    .setSourceInfo(sourceInfo)
                    .setPackageVerificationCode(doc.createPackageVerificationCode(verificationCode, List.of()))
                    .setLicenseInfosFromFile(new ArrayList<>(fromFiles))
                    .addExternalRef(doc.createExternalRef(ReferenceCategory.PACKAGE_MANAGER,
                            new ReferenceType("http://spdx.org/rdf/references/purl"), purl(c.name(), c.version()), null));
            SpdxPackage pkg = pb.build();
            // CONTAINS relationships are what the package's files are (hasFiles is serialised as them); adding them
            // directly avoids the builder's per-file duplicate scan, which is quadratic in the number of files
            for (SpdxFile sf : spdxFiles) {
                pkg.addRelationship(pkg.createRelationship(sf, RelationshipType.CONTAINS, null));
            }
            c.tags().annotatedAs(c.id()).addTo(pkg, date);
            doc.getDocumentDescribes().add(pkg);
            List<String> errors = Spdx.verify(doc);
            if (!errors.isEmpty()) {
                throw new UserFacingException(what + ": the generated SPDX document does not verify: "
                        + Spdx.errors(errors));
            }
            Spdx.write(store, doc, file);
            return new Generated(file, namespace, Spdx.sha1(file), found.size(), declared, copyright, downloadLocation,
                    refTexts);
        } catch (InvalidSPDXAnalysisException e) {
            throw new UserFacingException(what + ": cannot build its SPDX document (" + Spdx.rootMessage(e) + ")", e);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read back (" + e.getMessage() + ")", e);
        }
    }

    /** Parses licence ids and expressions into one document's store, once each. */
    private static final class Licences {
        private final MultiFormatStore store;
        private final String namespace;
        private final ModelCopyManager cm;
        private final Map<String, AnyLicenseInfo> cache = new TreeMap<>();

        Licences(MultiFormatStore store, String namespace, ModelCopyManager cm) {
            this.store = store;
            this.namespace = namespace;
            this.cm = cm;
        }

        AnyLicenseInfo get(String id) throws InvalidSPDXAnalysisException {
            AnyLicenseInfo l = cache.get(id);
            if (l == null) {
                l = expression(id);
                cache.put(id, l);
            }
            return l;
        }

        AnyLicenseInfo expression(String expr) throws InvalidSPDXAnalysisException {
            return LicenseInfoFactory.parseSPDXLicenseStringCompatV2(expr, store, namespace, cm);
        }
    }

    private static final java.util.concurrent.ConcurrentMap<String, Boolean> VALID = new java.util.concurrent.ConcurrentHashMap<>();

    static boolean isValid(String expression) {
        if (VALID.size() > 10_000) {
            VALID.clear();
        }
        return VALID.computeIfAbsent(expression, SbomGenerator::parsesCleanly);
    }

    private static boolean parsesCleanly(String expression) {
        try {
            MultiFormatStore scratch = Spdx.newStore();
            return !(LicenseInfoFactory.parseSPDXLicenseStringCompatV2(expression, scratch, "https://slipway.io/check",
                    new ModelCopyManager()) instanceof InvalidLicenseExpression);
        } catch (InvalidSPDXAnalysisException e) {
            return false;
        }
    }

    private static String and(Set<String> expressions) {
        if (expressions.size() == 1) {
            return expressions.iterator().next();
        }
        List<String> parts = new ArrayList<>();
        for (String e : expressions) {
            parts.add(LicenceExpressions.tokens(e).size() > 1 ? "(" + e + ")" : e);
        }
        return String.join(" AND ", parts);
    }

    /** The licence text for a LicenseRef: the licence files that name it, else a pointer to the component. */
    private static String extractedText(String ref, List<Found> found, ReleaseSetManifest.Entry c) {
        StringBuilder text = new StringBuilder();
        for (Found f : found) {
            if (f.licenceFile() && f.scan().text()) {
                try {
                    String content = Files.readString(f.path(), StandardCharsets.UTF_8);
                    if (content.contains(ref) || found.stream().filter(Found::licenceFile).count() == 1) {
                        if (text.length() > 0) {
                            text.append("\n\n");
                        }
                        text.append(content.length() > MAX_EXTRACTED_TEXT ? content.substring(0, MAX_EXTRACTED_TEXT)
                                : content.strip());
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.debug("licence file {} is not UTF-8 text: {}", f.path(), e.toString());
                }
            }
        }
        if (text.length() == 0) {
            return "The text of " + ref + " was not found in the release set; it is the licence of " + c.name()
                    + " " + c.version() + " (" + c.supplier() + ").";
        }
        return text.toString();
    }

    private static String verificationCode(List<Found> found) {
        List<String> sha1s = found.stream().map(Found::sha1).sorted().toList();
        MessageDigest sha1 = Spdx.digest("SHA-1");
        for (String s : sha1s) {
            sha1.update(s.getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static String purl(String name, String version) {
        return "pkg:generic/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "@"
                + URLEncoder.encode(version, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    // ---- collecting files ------------------------------------------------------------------------------------

    private List<Found> collect(ReleaseSetManifest manifest, ReleaseSetManifest.Entry c, String what) {
        Path realRoot;
        try {
            realRoot = manifest.root().toRealPath();
        } catch (IOException e) {
            throw new UserFacingException(manifest.root() + ": cannot resolve (" + e.getMessage() + ")", e);
        }
        Map<String, Found> byName = new TreeMap<>();
        walk(c.sourceDir(), ComponentFile.Kind.SOURCE, realRoot, what, byName);
        c.binaryDir().ifPresent(b -> walk(b, ComponentFile.Kind.BINARY, realRoot, what, byName));
        Path componentDir = c.sourceDir().getParent();
        if (componentDir != null && !componentDir.equals(manifest.root()) && componentDir.startsWith(manifest.root())) {
            try (var list = Files.list(componentDir)) {
                for (Path p : list.sorted(Comparator.comparing(Path::toString)).toList()) {
                    String name = p.getFileName().toString();
                    if (LICENCE_FILE.matcher(name).matches() && Files.isRegularFile(p)) {
                        checkLink(p, realRoot, what);
                        String spdxName = ComponentFile.spdxName(ComponentFile.Kind.LICENCE, name);
                        byName.put(spdxName, hashAndScan(spdxName, ComponentFile.Kind.LICENCE, p, true));
                    }
                }
            } catch (IOException e) {
                throw new UserFacingException(what + ": cannot list " + componentDir + " (" + e.getMessage() + ")", e);
            }
        }
        if (byName.isEmpty()) {
            throw new UserFacingException(what + ": " + c.sourceDir() + " holds no files; a component needs at least "
                    + "one file to describe");
        }
        return new ArrayList<>(byName.values());
    }

    private void walk(Path dir, ComponentFile.Kind kind, Path realRoot, String what, Map<String, Found> into) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isSymbolicLink()) {
                        checkLink(file, realRoot, what);
                        if (Files.isDirectory(file)) {
                            throw new UserFacingException(what + ": " + file + " is a link to a folder; link folders "
                                    + "are not followed, copy the files instead");
                        }
                    } else if (!attrs.isRegularFile()) {
                        throw new UserFacingException(what + ": " + file + " is not a regular file (device, pipe or "
                                + "socket); refused");
                    }
                    String rel = dir.relativize(file).toString().replace('\\', '/');
                    if (SafePaths.relativePathProblem(rel) != null) {
                        throw new UserFacingException(what + ": " + file + ": name " + SafePaths.relativePathProblem(rel));
                    }
                    String name = ComponentFile.spdxName(kind, rel);
                    boolean licence = kind == ComponentFile.Kind.SOURCE && file.getParent().equals(dir)
                            && LICENCE_FILE.matcher(file.getFileName().toString()).matches();
                    into.put(name, hashAndScan(name, kind, file, licence));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UserFacingException(what + ": cannot read " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    private static void checkLink(Path file, Path realRoot, String what) {
        if (!Files.isSymbolicLink(file)) {
            return;
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new UserFacingException(what + ": " + file + " is a dangling link (" + e.getMessage() + ")", e);
        }
        if (!real.startsWith(realRoot)) {
            throw new UserFacingException(what + ": " + file + " is a link pointing outside the release set (to "
                    + real + "); refused");
        }
    }

    private static Found hashAndScan(String spdxName, ComponentFile.Kind kind, Path file, boolean licenceFile) {
        MessageDigest sha1 = Spdx.digest("SHA-1");
        MessageDigest sha256 = Spdx.digest("SHA-256");
        byte[] head = new byte[SourceScanner.SCAN_BYTES];
        int headLen = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while (headLen < head.length && (n = in.read(head, headLen, head.length - headLen)) > 0) {
                headLen += n;
            }
            sha1.update(head, 0, headLen);
            sha256.update(head, 0, headLen);
            byte[] buf = new byte[1 << 16];
            while ((n = in.read(buf)) > 0) {
                sha1.update(buf, 0, n);
                sha256.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        SourceScanner.Scan scan = kind == ComponentFile.Kind.BINARY ? new SourceScanner.Scan(false, List.of(),
                List.of(), List.of()) : SourceScanner.scan(head, headLen, licenceFile);
        return new Found(spdxName, kind, file, HexFormat.of().formatHex(sha1.digest()),
                HexFormat.of().formatHex(sha256.digest()), scan, licenceFile);
    }
}
