package io.slipway.core.sbom.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fast path for SPDX 2.2/2.3 JSON (and, through Jackson's YAML and XML parsers, the same model as SPDX YAML and
 * XML, so those read leniently too): one pass of Jackson's streaming parser straight into the browsable model,
 * never a tree (so heap is bounded by the model, not the file: a 200 MB file with long descriptions reads in a
 * small heap). Fields the browser does not show are skipped token by token. Low-variety values (licences,
 * relationship types, suppliers) are shared through {@link ValueCache}, so 50k packages do not carry 50k copies
 * of {@code NOASSERTION}.
 *
 * <p>Position-aware errors: wrong JSON types and syntax errors name the line, column and field path
 * ({@code packages[3].name}). Reference and cycle checks happen afterwards in {@link SbomValidator}.
 * Cross-checked against spdx-java-library on every corpus file (SpdxReadersCrossCheckTest).
 */
final class SpdxJsonStreamReader {
    static final String READER = "Slipway streaming SPDX JSON reader";
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonFactory YAML = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();
    private static final JsonFactory XML = xmlFactory();
    private static final String NOASSERTION = "NOASSERTION";
    private static final int[] EMPTY = new int[0];

    private final Path file;
    private final JsonParser p;
    private final ValueCache shared = new ValueCache();
    private final IdTable ids = new IdTable();
    private int documentSym = -1;
    private final IntList packageSyms = new IntList();
    private final IntList fileSyms = new IntList();
    private final IntList otherSyms = new IntList();
    private final IntList relFrom = new IntList();
    private final IntList relTo = new IntList();
    private final List<int[]> hasFilesSyms = new ArrayList<>();
    private final IntList describeSyms = new IntList();

    private String spdxVersion;
    private int spdxVersionLine;
    private String spdxId;
    private String name;
    private String namespace;
    private String dataLicence;
    private String created;
    private final List<String> creators = new ArrayList<>();
    private final List<ExternalDocumentRef> externalRefs = new ArrayList<>();
    private final List<SbomPackage> packages = new ArrayList<>();
    private final List<SbomFile> files = new ArrayList<>();
    private final List<SbomRelationship> relationships = new ArrayList<>();
    private final List<String> describes = new ArrayList<>();
    private int describesLine;
    private final List<SbomAnnotation> docAnnotations = new ArrayList<>();
    private final List<String> otherElementIds = new ArrayList<>();

    private final SbomFormat format;
    private final boolean xml;

    private SpdxJsonStreamReader(Path file, JsonParser p, SbomFormat format) {
        this.file = file;
        this.p = p;
        this.format = format;
        this.xml = format == SbomFormat.SPDX_XML;
    }

    /** Jackson's XML parser on a StAX factory that reads no DTD and no external entity (XmlSafety screens first). */
    private static JsonFactory xmlFactory() {
        javax.xml.stream.XMLInputFactory stax = javax.xml.stream.XMLInputFactory.newFactory();
        stax.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return com.fasterxml.jackson.dataformat.xml.XmlFactory.builder().xmlInputFactory(stax).build();
    }

    /** A document as read, with the symbols of its ids for {@link SbomValidator}. */
    record Parsed(SbomDocument document, IdSymbols symbols) {
    }

    static SbomDocument read(Path file) {
        return parse(file).document();
    }

    static Parsed parse(Path file) {
        return parse(file, SbomFormat.SPDX_JSON);
    }

    /** SPDX 2 JSON, or the same model in YAML or XML (spdx-jackson-store's shapes) through Jackson's parsers. */
    static Parsed parse(Path file, SbomFormat format) {
        JsonParser parser = null;
        try (InputStream in = Files.newInputStream(file)) {
            if (format == SbomFormat.SPDX_XML) {
                byte[] bytes = in.readAllBytes();
                XmlSafety.check(file, bytes);
                parser = XML.createParser(bytes);
            } else {
                parser = (format == SbomFormat.SPDX_YAML ? YAML : FACTORY).createParser(in);
            }
            return new SpdxJsonStreamReader(file, parser, format).document();
        } catch (JsonProcessingException e) {
            throw JsonProblems.parseError(file, parser, e);
        } catch (IOException e) {
            throw new SbomReadException(file, "", "cannot read: " + e.getMessage(), e);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // reading is over; nothing to report
                }
            }
        }
    }

    private Parsed document() throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw typeError("an object", t);
        }
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "spdxVersion" -> {
                    spdxVersion = string();
                    spdxVersionLine = p.currentTokenLocation().getLineNr();
                }
                case "SPDXID" -> {
                    documentSym = idSym();
                    spdxId = documentSym < 0 ? null : ids.name(documentSym);
                }
                case "name" -> name = string();
                case "documentNamespace" -> namespace = string();
                case "dataLicense" -> dataLicence = string();
                case "creationInfo" -> creationInfo();
                case "externalDocumentRefs" -> {
                    if (array()) {
                        while (nextElement()) {
                            externalRef();
                        }
                    }
                }
                case "documentDescribes" -> {
                    describesLine = p.currentTokenLocation().getLineNr();
                    if (array()) {
                        while (nextElement()) {
                            int sym = idSym();
                            if (sym >= 0) {
                                describes.add(ids.name(sym));
                                describeSyms.add(sym);
                            }
                        }
                    }
                }
                case "packages" -> {
                    if (array()) {
                        while (nextElement()) {
                            pkg();
                        }
                    }
                }
                case "files" -> {
                    if (array()) {
                        while (nextElement()) {
                            file();
                        }
                    }
                }
                case "snippets" -> {
                    if (array()) {
                        while (nextElement()) {
                            snippet();
                        }
                    }
                }
                case "relationships" -> {
                    if (array()) {
                        while (nextElement()) {
                            relationship();
                        }
                    }
                }
                case "annotations" -> annotations(docAnnotations);
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new SbomReadException(file, JsonProblems.where(p), "invalid JSON: expected a field name, found "
                    + JsonProblems.describe(t));
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            throw new SbomReadException(file, JsonProblems.at(p.currentTokenLocation()),
                    "content after the end of the JSON document (" + JsonProblems.describe(after) + ")");
        }
        return build();
    }

    private Parsed build() {
        if (spdxVersion == null) {
            throw new SbomReadException(file, "spdxVersion", "missing: an " + format.label()
                    + " document must say its spdxVersion");
        }
        SbomValidator.unsupportedVersion(format, spdxVersion).ifPresent(problem -> {
            throw new SbomReadException(file, "line " + spdxVersionLine + ", spdxVersion", problem);
        });
        if (spdxId == null) {
            throw new SbomReadException(file, "SPDXID", "missing: the document has no SPDXID");
        }
        // documentDescribes entries are DESCRIBES relationships of the document (as spdx-java-library reads them);
        // one already listed in relationships is not counted twice.
        if (!describes.isEmpty()) {
            Set<String> described = new HashSet<>();
            for (SbomRelationship r : relationships) {
                if (r.from().equals(spdxId) && r.type().equals("DESCRIBES")) {
                    described.add(r.to());
                }
            }
            for (int i = 0; i < describes.size(); i++) {
                String d = describes.get(i);
                if (described.add(d)) {
                    relationships.add(new SbomRelationship(spdxId, "DESCRIBES", d, describesLine));
                    relFrom.add(documentSym);
                    relTo.add(describeSyms.get(i));
                }
            }
        }
        containedFiles();
        SbomDocument doc = new SbomDocument(file, format, READER, spdxVersion, spdxId, name, namespace,
                dataLicence, created, creators, externalRefs, packages, files, relationships, docAnnotations,
                otherElementIds, List.of());
        IdSymbols symbols = new IdSymbols(ids.names(), documentSym, packageSyms.toArray(), fileSyms.toArray(),
                otherSyms.toArray(), relFrom.toArray(), relTo.toArray(), hasFilesSyms.toArray(new int[0][]));
        return new Parsed(doc, symbols);
    }

    /**
     * A package that CONTAINS a file has it among its files (hasFiles), as spdx-java-library reads every SPDX 2
     * format: YAML and XML written by the library carry only the relationship.
     */
    private void containedFiles() {
        int[] packageOf = null;
        boolean[] isFile = null;
        int[] from = null;
        int[] to = null;
        for (int i = 0; i < relationships.size(); i++) {
            if (!relationships.get(i).type().equals("CONTAINS")) {
                continue;
            }
            if (packageOf == null) {
                from = relFrom.toArray();
                to = relTo.toArray();
                packageOf = new int[ids.count()];
                java.util.Arrays.fill(packageOf, -1);
                int[] pk = packageSyms.toArray();
                for (int j = 0; j < pk.length; j++) {
                    packageOf[pk[j]] = packageOf[pk[j]] < 0 ? j : packageOf[pk[j]];
                }
                isFile = new boolean[ids.count()];
                for (int f : fileSyms.toArray()) {
                    isFile[f] = true;
                }
            }
            int pkg = packageOf[from[i]];
            if (pkg < 0 || !isFile[to[i]]) {
                continue;
            }
            int[] has = hasFilesSyms.get(pkg);
            boolean listed = false;
            for (int f : has) {
                listed |= f == to[i];
            }
            if (!listed) {
                int[] grown = java.util.Arrays.copyOf(has, has.length + 1);
                grown[has.length] = to[i];
                hasFilesSyms.set(pkg, grown);
                SbomPackage p = packages.get(pkg);
                List<String> files = new ArrayList<>(p.hasFiles());
                files.add(ids.name(to[i]));
                packages.set(pkg, new SbomPackage(p.spdxId(), p.name(), p.version(), p.supplier(), p.originator(),
                        p.declaredLicence(), p.concludedLicence(), p.copyright(), p.downloadLocation(), p.purl(),
                        files, p.annotations(), p.tags(), p.line()));
            }
        }
    }

    private void creationInfo() throws IOException {
        if (!object()) {
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "created" -> created = string();
                case "creators" -> {
                    if (array()) {
                        while (nextElement()) {
                            creators.add(string());
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private void externalRef() throws IOException {
        if (!object()) {
            return;
        }
        String id = null;
        String doc = null;
        SbomChecksum checksum = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "externalDocumentId" -> id = string();
                case "spdxDocument" -> doc = string();
                case "checksum" -> checksum = checksum();
                default -> p.skipChildren();
            }
        }
        externalRefs.add(new ExternalDocumentRef(id, doc, checksum));
    }

    private void pkg() throws IOException {
        if (!object()) {
            return;
        }
        int line = p.currentTokenLocation().getLineNr();
        String id = null;
        String pkgName = null;
        String version = null;
        String supplier = null;
        String originator = null;
        String declared = null;
        String concluded = null;
        String copyright = null;
        String download = null;
        String purl = null;
        int sym = -1;
        List<String> hasFiles = List.of();
        int[] hasFileSyms = EMPTY;
        List<SbomAnnotation> annotations = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "SPDXID" -> {
                    sym = idSym();
                    id = sym < 0 ? null : ids.name(sym);
                }
                case "name" -> pkgName = string();
                case "versionInfo" -> version = string();
                case "supplier" -> supplier = shared();
                case "originator" -> originator = shared();
                case "licenseDeclared" -> declared = shared();
                case "licenseConcluded" -> concluded = shared();
                case "copyrightText" -> copyright = shared();
                case "downloadLocation" -> download = shared();
                case "externalRefs" -> {
                    if (array()) {
                        while (nextElement()) {
                            String locator = purlOf();
                            if (locator != null && (purl == null || locator.compareTo(purl) < 0)) {
                                purl = locator;
                            }
                        }
                    }
                }
                case "hasFiles" -> {
                    if (array()) {
                        // appended, not replaced: in XML each entry arrives as its own hasFiles element
                        if (hasFiles.isEmpty()) {
                            hasFiles = new ArrayList<>();
                        }
                        IntList syms = new IntList();
                        for (int f : hasFileSyms) {
                            syms.add(f);
                        }
                        while (nextElement()) {
                            int f = idSym();
                            if (f >= 0) {
                                hasFiles.add(ids.name(f));
                                syms.add(f);
                            }
                        }
                        hasFileSyms = syms.toArray();
                    }
                }
                case "annotations" -> {
                    if (annotations.isEmpty()) {
                        annotations = new ArrayList<>(4);
                    }
                    annotations(annotations);
                }
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new SbomReadException(file, "line " + line + ", packages[" + packages.size() + "]",
                    "package without an SPDXID");
        }
        packageSyms.add(sym);
        hasFilesSyms.add(hasFileSyms);
        packages.add(new SbomPackage(id, pkgName, version, supplier, originator, orNoAssertion(declared),
                orNoAssertion(concluded), blankToNull(copyright), download, purl, hasFiles, annotations,
                ComponentTags.NONE, line));
    }

    /** The locator of an externalRefs entry when it is a purl, else null. */
    private String purlOf() throws IOException {
        if (!object()) {
            return null;
        }
        String type = null;
        String locator = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "referenceType" -> type = string();
                case "referenceLocator" -> locator = string();
                default -> p.skipChildren();
            }
        }
        return "purl".equals(type) ? locator : null;
    }

    private void file() throws IOException {
        if (!object()) {
            return;
        }
        int line = p.currentTokenLocation().getLineNr();
        String id = null;
        String fileName = null;
        String concluded = null;
        String copyright = null;
        int sym = -1;
        List<SbomChecksum> checksums = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "SPDXID" -> {
                    sym = idSym();
                    id = sym < 0 ? null : ids.name(sym);
                }
                case "fileName" -> fileName = string();
                case "licenseConcluded" -> concluded = shared();
                case "copyrightText" -> copyright = shared();
                case "checksums" -> {
                    if (array()) {
                        if (checksums.isEmpty()) {
                            checksums = new ArrayList<>(2);
                        }
                        while (nextElement()) {
                            SbomChecksum c = checksum();
                            if (c != null) {
                                checksums.add(c);
                            }
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (id == null) {
            throw new SbomReadException(file, "line " + line + ", files[" + files.size() + "]", "file without an SPDXID");
        }
        fileSyms.add(sym);
        files.add(new SbomFile(id, fileName, checksums, orNoAssertion(concluded), blankToNull(copyright), line));
    }

    private void snippet() throws IOException {
        if (!object()) {
            return;
        }
        int line = p.currentTokenLocation().getLineNr();
        int sym = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("SPDXID")) {
                sym = idSym();
            } else {
                p.skipChildren();
            }
        }
        if (sym < 0) {
            throw new SbomReadException(file, "line " + line + ", snippets[" + otherElementIds.size() + "]",
                    "snippet without an SPDXID");
        }
        otherSyms.add(sym);
        otherElementIds.add(ids.name(sym));
    }

    private SbomChecksum checksum() throws IOException {
        if (!object()) {
            return null;
        }
        String algorithm = null;
        String value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "algorithm" -> algorithm = shared();
                case "checksumValue" -> value = string();
                default -> p.skipChildren();
            }
        }
        return new SbomChecksum(algorithm, value);
    }

    private void relationship() throws IOException {
        if (!object()) {
            return;
        }
        int line = p.currentTokenLocation().getLineNr();
        int from = -1;
        String type = null;
        int to = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "spdxElementId" -> from = idSym();
                case "relationshipType" -> type = shared();
                case "relatedSpdxElement" -> to = idSym();
                default -> p.skipChildren();
            }
        }
        String where = "line " + line + ", relationships[" + relationships.size() + "]";
        if (from < 0 || type == null || to < 0) {
            throw new SbomReadException(file, where, "relationship needs spdxElementId, relationshipType and "
                    + "relatedSpdxElement (has " + (from < 0 ? null : ids.name(from)) + " " + type + " "
                    + (to < 0 ? null : ids.name(to)) + ")");
        }
        relFrom.add(from);
        relTo.add(to);
        relationships.add(new SbomRelationship(ids.name(from), type, ids.name(to), line));
    }

    private void annotations(List<SbomAnnotation> into) throws IOException {
        if (!array()) {
            return;
        }
        while (nextElement()) {
            if (!object()) {
                continue;
            }
            String annotator = null;
            String type = null;
            String date = null;
            String comment = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "annotator" -> annotator = shared();
                    case "annotationType" -> type = shared();
                    case "annotationDate" -> date = shared();
                    case "comment" -> comment = string();
                    default -> p.skipChildren();
                }
            }
            into.add(new SbomAnnotation(annotator, type, date, comment));
        }
    }

    // ---- token helpers: the current token must be of the expected kind, else a type error naming the field ----

    /** The current value as text; numbers and booleans are taken as their text, null as null. */
    private String string() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != null && t.isScalarValue()) {
            return p.getText();
        }
        throw typeError("a string", t);
    }

    /**
     * True at the start of a list; false for null; a type error otherwise. In XML a list is its element repeated
     * and each arrives alone: a single value is then a list of one (see {@link #nextElement()}).
     */
    private boolean array() throws IOException {
        JsonToken t = p.currentToken();
        if (xml && t != JsonToken.START_ARRAY && t != JsonToken.VALUE_NULL && t != null) {
            push(SINGLE_PENDING);
            return true;
        }
        boolean open = opens(JsonToken.START_ARRAY, "an array");
        if (open && xml) {
            push(REAL_ARRAY);
        }
        return open;
    }

    private static final byte REAL_ARRAY = 0;
    private static final byte SINGLE_PENDING = 1;
    private static final byte SINGLE_DONE = 2;
    /** XML only: per open list, whether it is a real array or a single element (read once). */
    private byte[] lists = new byte[16];
    private int listDepth;

    private void push(byte mode) {
        if (listDepth == lists.length) {
            lists = java.util.Arrays.copyOf(lists, listDepth * 2);
        }
        lists[listDepth++] = mode;
    }

    /** True at the start of an object; false for null; a type error otherwise. */
    private boolean object() throws IOException {
        return opens(JsonToken.START_OBJECT, "an object");
    }

    private boolean opens(JsonToken start, String expected) throws IOException {
        JsonToken t = p.currentToken();
        if (t == start) {
            return true;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw typeError(expected, t);
    }

    /** Advances to the next array element; false at the end of the array. */
    private boolean nextElement() throws IOException {
        if (xml) {
            byte mode = lists[listDepth - 1];
            if (mode == SINGLE_PENDING) {
                lists[listDepth - 1] = SINGLE_DONE;
                return true;
            }
            if (mode == SINGLE_DONE) {
                listDepth--;
                return false;
            }
        }
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonEOFException(p, null, "end of input inside an array");
        }
        if (t == JsonToken.END_ARRAY) {
            if (xml) {
                listDepth--;
            }
            return false;
        }
        return true;
    }

    private SbomReadException typeError(String expected, JsonToken found) {
        return new SbomReadException(file, JsonProblems.where(p), "must be " + expected + ", found "
                + JsonProblems.describe(found));
    }

    /** The current value as an SPDX id's symbol (see {@link IdTable}); -1 for null. */
    private int idSym() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return ids.symbol(p);
        }
        String s = string();
        return s == null ? -1 : ids.symbol(s);
    }

    /** The current value as text, shared with earlier equal values (for low-variety fields). */
    private String shared() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return shared.get(p);
        }
        return string();
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    private static String orNoAssertion(String licence) {
        return licence == null || licence.isBlank() ? NOASSERTION : licence;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
