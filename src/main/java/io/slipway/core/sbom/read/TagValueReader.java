package io.slipway.core.sbom.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Slipway's own streaming reader for SPDX 2.x tag-value, used by default instead of spdx-java-library's, which
 * refuses whole documents over defects that leave their meaning clear (a {@code Created:} time with fractional
 * seconds, a relationship type it does not know, a relationship to an undefined id). One pass over the lines,
 * never a copy of the text: {@code <text>...</text>} values may span lines; files that follow a package belong to
 * it ({@code hasFiles}), as the library reads them; annotations attach to their {@code SPDXREF}. Tags the
 * browser does not show are skipped; tags SPDX 2.3 does not define are findings. A file that ends inside a
 * {@code <text>} value opens up to the cut with an error finding. Cross-checked against the library on every
 * clean corpus file (TagValueCrossCheckTest).
 */
final class TagValueReader {
    static final String READER = "Slipway streaming SPDX tag-value reader";

    private final Path file;
    private final ValueCache shared = new ValueCache();
    private final List<ReadFinding> findings = new ArrayList<>();
    private String spdxVersion;
    private int spdxVersionLine;
    private String documentId;
    private String name;
    private String namespace;
    private String dataLicence;
    private String created;
    private final List<String> creators = new ArrayList<>();
    private final List<ExternalDocumentRef> externalRefs = new ArrayList<>();
    private final List<PackageBuilder> packages = new ArrayList<>();
    private final List<FileBuilder> files = new ArrayList<>();
    private final List<SbomRelationship> relationships = new ArrayList<>();
    private final List<String> snippets = new ArrayList<>();
    private final Map<String, List<SbomAnnotation>> annotations = new HashMap<>();

    /** What the last section header started: SPDXID and the element tags apply to it. */
    private enum Section { DOCUMENT, PACKAGE, FILE, SNIPPET, LICENCE, ANNOTATION, REVIEW }

    private Section section = Section.DOCUMENT;
    private PackageBuilder pkg;
    private FileBuilder fileEntry;
    private String[] annotation;

    private TagValueReader(Path file) {
        this.file = file;
    }

    static SbomDocument read(Path file) {
        TagValueReader r = new TagValueReader(file);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int[] lineNo = {0};
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            r.lines(in, lineNo);
        } catch (CharacterCodingException e) {
            throw new SbomReadException(file, "line " + (lineNo[0] + 1), "not valid UTF-8 text (save it as UTF-8)", e);
        } catch (IOException e) {
            throw new SbomReadException(file, "", "cannot read: " + e.getMessage(), e);
        }
        return r.build();
    }

    private void lines(BufferedReader in, int[] lineNo) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            int n = ++lineNo[0];
            if (n == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                findings.add(new ReadFinding(FindingSeverity.WARNING, ReadRules.UNKNOWN_TAG, n, "", null,
                        "not a 'Tag: value' line; ignored: " + snippet(trimmed)));
                continue;
            }
            String tag = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (value.startsWith("<text>")) {
                value = text(in, value, lineNo, n, tag);
            }
            tag(tag, value, n);
        }
    }

    /** A {@code <text>} value, reading on until {@code </text>}; at the end of the file, what was read. */
    private String text(BufferedReader in, String first, int[] lineNo, int start, String tag) throws IOException {
        String rest = first.substring("<text>".length());
        int end = rest.indexOf("</text>");
        if (end >= 0) {
            return rest.substring(0, end);
        }
        StringBuilder b = new StringBuilder(rest);
        String line;
        while ((line = in.readLine()) != null) {
            lineNo[0]++;
            end = line.indexOf("</text>");
            b.append('\n');
            if (end >= 0) {
                return b.append(line, 0, end).toString();
            }
            b.append(line);
        }
        findings.add(new ReadFinding(FindingSeverity.ERROR, ReadRules.TRUNCATED, start, tag, null, "the file ends "
                + "inside the <text> value of " + tag + " (no </text>): the document is opened up to the cut"));
        return b.toString();
    }

    private void tag(String tag, String value, int line) {
        switch (tag) {
            case "SPDXVersion" -> {
                spdxVersion = value;
                spdxVersionLine = line;
            }
            case "DataLicense" -> dataLicence = value;
            case "DocumentName" -> name = value;
            case "DocumentNamespace" -> namespace = value;
            case "Creator" -> creators.add(value);
            case "Created" -> created = value;
            case "ExternalDocumentRef" -> externalDocumentRef(value, line);
            case "SPDXID" -> spdxId(value, line);
            case "PackageName" -> {
                section = Section.PACKAGE;
                pkg = new PackageBuilder(value, line);
                packages.add(pkg);
            }
            case "FileName" -> {
                section = Section.FILE;
                fileEntry = new FileBuilder(value, line, pkg);
                files.add(fileEntry);
            }
            case "SnippetSPDXID" -> {
                section = Section.SNIPPET;
                snippets.add(value);
            }
            case "LicenseID" -> section = Section.LICENCE;
            case "Reviewer" -> section = Section.REVIEW;
            case "Relationship" -> relationship(value, line);
            case "Annotator" -> {
                section = Section.ANNOTATION;
                annotation = new String[] {shared.get(value), null, null, null, null};
            }
            default -> {
                if (!element(tag, value, line) && !annotationTag(tag, value) && !TagValueTags.KNOWN.contains(tag)) {
                    findings.add(new ReadFinding(FindingSeverity.WARNING, ReadRules.UNKNOWN_TAG, line, tag, null,
                            "tag '" + tag + "' is not an SPDX 2.3 tag; ignored"));
                }
            }
        }
    }

    private void spdxId(String value, int line) {
        switch (section) {
            case PACKAGE -> pkg.id = value;
            case FILE -> fileEntry.id = value;
            case DOCUMENT -> documentId = value;
            default -> findings.add(new ReadFinding(FindingSeverity.WARNING, ReadRules.UNKNOWN_TAG, line, "SPDXID",
                    value, "SPDXID outside a document, package or file section; ignored"));
        }
    }

    /** Package and file tags; false when {@code tag} is not one (or not in its section). */
    private boolean element(String tag, String value, int line) {
        if (section == Section.PACKAGE) {
            switch (tag) {
                case "PackageVersion" -> pkg.version = value;
                case "PackageSupplier" -> pkg.supplier = shared.get(value);
                case "PackageOriginator" -> pkg.originator = shared.get(value);
                case "PackageLicenseDeclared" -> pkg.declared = shared.get(value);
                case "PackageLicenseConcluded" -> pkg.concluded = shared.get(value);
                case "PackageCopyrightText" -> pkg.copyright = shared.get(value);
                case "PackageDownloadLocation" -> pkg.download = shared.get(value);
                case "ExternalRef" -> {
                    String[] parts = value.split("\\s+", 3);
                    if (parts.length == 3 && parts[1].equals("purl")
                            && (pkg.purl == null || parts[2].compareTo(pkg.purl) < 0)) {
                        pkg.purl = parts[2];
                    }
                }
                default -> {
                    return TagValueTags.KNOWN.contains(tag);
                }
            }
            return true;
        }
        if (section == Section.FILE) {
            switch (tag) {
                case "FileChecksum" -> {
                    int c = value.indexOf(':');
                    fileEntry.checksums.add(c < 0 ? new SbomChecksum(null, value)
                            : new SbomChecksum(shared.get(value.substring(0, c).strip()), value.substring(c + 1).strip()));
                }
                case "LicenseConcluded" -> fileEntry.concluded = shared.get(value);
                case "FileCopyrightText" -> fileEntry.copyright = shared.get(value);
                default -> {
                    return TagValueTags.KNOWN.contains(tag);
                }
            }
            return true;
        }
        return false;
    }

    private boolean annotationTag(String tag, String value) {
        if (annotation == null) {
            return false;
        }
        switch (tag) {
            case "AnnotationDate" -> annotation[1] = shared.get(value);
            case "AnnotationType" -> annotation[2] = shared.get(value);
            case "AnnotationComment" -> annotation[3] = value;
            case "SPDXREF" -> {
                annotation[4] = value;
                annotations.computeIfAbsent(value, k -> new ArrayList<>(4)).add(new SbomAnnotation(annotation[0],
                        annotation[2], annotation[1], annotation[3]));
                return true;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void externalDocumentRef(String value, int line) {
        String[] parts = value.split("\\s+", 3);
        if (parts.length < 2) {
            findings.add(new ReadFinding(FindingSeverity.ERROR, ReadRules.MISSING_FIELD, line, "ExternalDocumentRef",
                    null, "ExternalDocumentRef needs an id, a namespace and a checksum: '" + value + "'"));
            return;
        }
        SbomChecksum checksum = null;
        if (parts.length == 3 && parts[2].indexOf(':') > 0) {
            int c = parts[2].indexOf(':');
            checksum = new SbomChecksum(parts[2].substring(0, c).strip(), parts[2].substring(c + 1).strip());
        }
        externalRefs.add(new ExternalDocumentRef(parts[0], parts[1], checksum));
    }

    private void relationship(String value, int line) {
        String[] parts = value.split("\\s+");
        if (parts.length != 3) {
            throw new SbomReadException(file, "line " + line + ", relationships[" + relationships.size() + "]",
                    "relationship needs 'SPDXID TYPE SPDXID' (has '" + value + "')");
        }
        relationships.add(new SbomRelationship(parts[0], shared.get(parts[1]), parts[2], line));
    }

    private SbomDocument build() {
        if (spdxVersion == null) {
            throw new SbomReadException(file, "SPDXVersion", "missing: an SPDX tag-value document must say its "
                    + "SPDXVersion");
        }
        SbomValidator.unsupportedVersion(SbomFormat.SPDX_TAG_VALUE, spdxVersion).ifPresent(problem -> {
            throw new SbomReadException(file, "line " + spdxVersionLine + ", SPDXVersion", problem);
        });
        if (documentId == null) {
            throw new SbomReadException(file, "SPDXID", "missing: the document has no SPDXID");
        }
        List<SbomPackage> built = new ArrayList<>(packages.size());
        // a file that follows a package is the package's (hasFiles) and the package CONTAINS it, as the library reads it
        Map<PackageBuilder, List<String>> hasFiles = new HashMap<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (SbomRelationship r : relationships) {
            if (r.type().equals("CONTAINS")) {
                listed.add(r.from() + " " + r.to());
            }
        }
        for (FileBuilder f : files) {
            if (f.owner != null && f.owner.id != null && f.id != null) {
                hasFiles.computeIfAbsent(f.owner, k -> new ArrayList<>()).add(f.id);
                if (listed.add(f.owner.id + " " + f.id)) {
                    relationships.add(new SbomRelationship(f.owner.id, "CONTAINS", f.id, f.line));
                }
            }
        }
        for (int i = 0; i < packages.size(); i++) {
            PackageBuilder p = packages.get(i);
            if (p.id == null) {
                throw new SbomReadException(file, "line " + p.line + ", packages[" + i + "]", "package '" + p.name
                        + "' without an SPDXID");
            }
            built.add(new SbomPackage(p.id, p.name, p.version, p.supplier, p.originator, orNoAssertion(p.declared),
                    orNoAssertion(p.concluded), blankToNull(p.copyright), p.download, p.purl,
                    hasFiles.getOrDefault(p, List.of()), annotations.getOrDefault(p.id, List.of()), ComponentTags.NONE,
                    p.line));
        }
        List<SbomFile> builtFiles = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            FileBuilder f = files.get(i);
            if (f.id == null) {
                throw new SbomReadException(file, "line " + f.line + ", files[" + i + "]", "file '" + f.name
                        + "' without an SPDXID");
            }
            builtFiles.add(new SbomFile(f.id, f.name, f.checksums, orNoAssertion(f.concluded),
                    blankToNull(f.copyright), f.line));
        }
        return new SbomDocument(file, SbomFormat.SPDX_TAG_VALUE, READER, spdxVersion, documentId, name, namespace,
                dataLicence, created, creators, externalRefs, built, builtFiles, relationships,
                annotations.getOrDefault(documentId, List.of()), snippets, findings);
    }

    private static final class PackageBuilder {
        final String name;
        final int line;
        String id;
        String version;
        String supplier;
        String originator;
        String declared;
        String concluded;
        String copyright;
        String download;
        String purl;

        PackageBuilder(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    private static final class FileBuilder {
        final String name;
        final int line;
        final PackageBuilder owner;
        final List<SbomChecksum> checksums = new ArrayList<>(3);
        String id;
        String concluded;
        String copyright;

        FileBuilder(String name, int line, PackageBuilder owner) {
            this.name = name;
            this.line = line;
            this.owner = owner;
        }
    }

    private static String snippet(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static String orNoAssertion(String licence) {
        return licence == null || licence.isBlank() ? "NOASSERTION" : licence;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
