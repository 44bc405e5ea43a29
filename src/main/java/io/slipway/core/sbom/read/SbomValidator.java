package io.slipway.core.sbom.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a read document whichever reader built it, attaches the component tags and adds the findings
 * ({@link ReadFinding}). Reading is lenient: nothing here refuses a document; whoever needs a clean one
 * ({@code sbom inspect --strict}, the release side) refuses on error findings ({@link SbomReader#readStrict}).
 *
 * <ul>
 *   <li>ERROR duplicate-id: the same id defined twice (every entry is kept).</li>
 *   <li>ERROR dangling-reference: a relationship, {@code hasFiles} or {@code documentDescribes} entry naming an id
 *       the document does not define ({@code NONE}/{@code NOASSERTION} are allowed as the related element,
 *       {@code DocumentRef-x:...} when {@code x} is declared in externalDocumentRefs). The relationship is kept.</li>
 *   <li>WARNING relationship-cycle: a cycle of DEPENDS_ON / CONTAINS relationships (inverse types DEPENDENCY_OF /
 *       CONTAINED_BY count in reverse). SPDX does not forbid them, real dependency graphs have them, and every
 *       walk Slipway makes over relationships is iterative and visits each element once.</li>
 *   <li>WARNING path-traversal: a file name with a {@code ..} segment, a drive letter or a NUL. (A leading
 *       {@code /} is not flagged: container SBOMs name files by absolute path in the image.)</li>
 *   <li>WARNING slipway-tags: malformed {@code slipway:} tags (see {@link ComponentTags}).</li>
 *   <li>the spec-level checks of {@link DocumentLint} (ids, timestamps, licences, required fields).</li>
 * </ul>
 * The cycle search is an iterative depth-first search, linear in elements + relationships (a 50k-long
 * DEPENDS_ON chain costs the same as 50k independent packages; nothing recurses).
 */
public final class SbomValidator {
    static final int MAX_CYCLES = 20;
    private static final Pattern SPDX2_VERSION = Pattern.compile("SPDX-2\\.[0-3]");
    private static final Pattern SPDX3_VERSION = Pattern.compile("SPDX-3\\.0(\\.\\d+)?");
    private static final Set<String> FORWARD_EDGES = Set.of("DEPENDS_ON", "CONTAINS");
    private static final Set<String> REVERSE_EDGES = Set.of("DEPENDENCY_OF", "CONTAINED_BY");

    private SbomValidator() {
    }

    /** Why {@code version} cannot be read in {@code format}, or empty when it can. */
    public static Optional<String> unsupportedVersion(SbomFormat format, String version) {
        if (!format.isSpdx()) {
            return Optional.empty();
        }
        if (format == SbomFormat.SPDX3_JSON_LD) {
            return version != null && SPDX3_VERSION.matcher(version).matches() ? Optional.empty()
                    : Optional.of("spec version '" + version + "' is not supported (SPDX 3 JSON-LD: SPDX-3.0.x)");
        }
        if (version != null && SPDX2_VERSION.matcher(version).matches()) {
            return Optional.empty();
        }
        return Optional.of("'" + version + "' is not a supported spdxVersion (" + format.label()
                + ": SPDX-2.0 to SPDX-2.3; SPDX 3 documents are read as JSON-LD)");
    }

    /** Checks {@code doc} and returns it with component tags parsed and findings added. */
    public static SbomDocument validate(SbomDocument doc) {
        return validate(doc, IdSymbols.of(doc));
    }

    /** As {@link #validate(SbomDocument)}, with the ids already numbered (by the streaming reader). */
    static SbomDocument validate(SbomDocument doc, IdSymbols symbols) {
        Checks c = new Checks(doc, symbols);
        c.ids();
        c.references();
        List<SbomPackage> packages = c.tags();
        c.fileNames();
        c.cycles();
        List<ReadFinding> findings = new ArrayList<>(doc.findings());
        findings.addAll(c.findings);
        DocumentLint.check(doc, findings);
        return new SbomDocument(doc.source(), doc.format(), doc.reader(), doc.spdxVersion(), doc.spdxId(),
                doc.name(), doc.namespace(), doc.dataLicence(), doc.created(), doc.creators(),
                doc.externalDocumentRefs(), packages, doc.files(), doc.relationships(), doc.annotations(),
                doc.otherElementIds(), findings);
    }

    private static final class Checks {
        private static final byte DOCUMENT = 0;
        private static final byte PACKAGE = 1;
        private static final byte FILE = 2;
        private static final byte OTHER = 3;
        final SbomDocument doc;
        final List<ReadFinding> findings = new ArrayList<>();
        final IdSymbols symbols;
        /** Per symbol: the element that defines it (index into kind/position), or -1. */
        final int[] elementOf;
        /** Per defined element (in definition order): what it is and its position in its list. */
        final byte[] kind;
        final int[] position;
        int defined;

        Checks(SbomDocument doc, IdSymbols symbols) {
            this.doc = doc;
            this.symbols = symbols;
            int total = 1 + doc.packages().size() + doc.files().size() + doc.otherElementIds().size();
            this.elementOf = new int[symbols.count()];
            java.util.Arrays.fill(elementOf, -1);
            this.kind = new byte[total];
            this.position = new int[total];
        }

        private void add(FindingSeverity severity, String rule, int line, String field, String elementId,
                         String message) {
            findings.add(new ReadFinding(severity, rule, line, field, elementId, message));
        }

        private static String at(int line, String field) {
            return line > 0 ? "line " + line + ", " + field : field;
        }

        private int lineOf(byte k, int pos) {
            return switch (k) {
                case PACKAGE -> doc.packages().get(pos).line();
                case FILE -> doc.files().get(pos).line();
                default -> 0;
            };
        }

        private String fieldOf(byte k, int pos) {
            return switch (k) {
                case DOCUMENT -> "the document";
                case PACKAGE -> "packages[" + pos + "]";
                case FILE -> "files[" + pos + "]";
                default -> "element " + doc.otherElementIds().get(pos);
            };
        }

        private void define(int sym, byte k, int pos) {
            int prior = elementOf[sym];
            if (prior >= 0) {
                add(FindingSeverity.ERROR, ReadRules.DUPLICATE_ID, lineOf(k, pos), fieldOf(k, pos), symbols.name(sym),
                        "duplicate id '" + symbols.name(sym) + "' (first defined at "
                        + at(lineOf(kind[prior], position[prior]), fieldOf(kind[prior], position[prior]))
                        + "); both entries are kept");
            } else {
                elementOf[sym] = defined;
                kind[defined] = k;
                position[defined++] = pos;
            }
        }

        void ids() {
            if (symbols.documentSym >= 0) {
                define(symbols.documentSym, DOCUMENT, 0);
            }
            for (int i = 0; i < symbols.packageSyms.length; i++) {
                define(symbols.packageSyms[i], PACKAGE, i);
            }
            for (int i = 0; i < symbols.fileSyms.length; i++) {
                define(symbols.fileSyms[i], FILE, i);
            }
            for (int i = 0; i < symbols.otherSyms.length; i++) {
                define(symbols.otherSyms[i], OTHER, i);
            }
        }

        /** The element defining symbol {@code sym}; -1 when it resolves outside the document; -2 when it does not. */
        private int resolve(int sym, boolean allowNone) {
            int e = elementOf[sym];
            if (e >= 0) {
                return e;
            }
            String id = symbols.name(sym);
            if (allowNone && (id.equals("NONE") || id.equals("NOASSERTION"))) {
                return -1;
            }
            if (doc.externalDocumentRefs().stream().anyMatch(r -> id.equals(r.id()))) {
                return -1; // an SPDX 3 import
            }
            int colon = id.indexOf(':');
            if (id.startsWith("DocumentRef-") && colon > 0) {
                String ref = id.substring(0, colon);
                return doc.externalDocumentRefs().stream().anyMatch(r -> ref.equals(r.id())) ? -1 : -2;
            }
            return -2;
        }

        private String missing(String id) {
            if (id.startsWith("DocumentRef-") && id.indexOf(':') > 0) {
                return "'" + id + "' refers to external document '" + id.substring(0, id.indexOf(':'))
                        + "', which externalDocumentRefs does not declare";
            }
            return "'" + id + "' is not defined in this document (kept, shown as dangling)";
        }

        /** Element index of each relationship's ends (negative: outside the document), for the cycle search. */
        int[] fromIndex;
        int[] toIndex;

        void references() {
            List<SbomRelationship> rels = doc.relationships();
            fromIndex = new int[rels.size()];
            toIndex = new int[rels.size()];
            for (int i = 0; i < rels.size(); i++) {
                fromIndex[i] = resolve(symbols.relFrom[i], false);
                toIndex[i] = resolve(symbols.relTo[i], true);
                if (fromIndex[i] == -2 || toIndex[i] == -2) {
                    SbomRelationship r = rels.get(i);
                    String field = "relationships[" + i + "] " + r;
                    if (fromIndex[i] == -2) {
                        add(FindingSeverity.ERROR, ReadRules.DANGLING_REFERENCE, r.line(), field, r.from(),
                                missing(r.from()));
                    }
                    if (toIndex[i] == -2) {
                        add(FindingSeverity.ERROR, ReadRules.DANGLING_REFERENCE, r.line(), field, r.from(),
                                missing(r.to()));
                    }
                }
            }
            List<SbomPackage> packages = doc.packages();
            for (int i = 0; i < packages.size(); i++) {
                for (int f : symbols.hasFiles[i]) {
                    if (resolve(f, false) == -2) {
                        SbomPackage p = packages.get(i);
                        add(FindingSeverity.ERROR, ReadRules.DANGLING_REFERENCE, p.line(), "packages[" + i
                                + "].hasFiles", p.spdxId(), missing(symbols.name(f)));
                    }
                }
            }
        }

        List<SbomPackage> tags() {
            List<SbomPackage> packages = doc.packages();
            List<SbomPackage> out = null;
            for (int i = 0; i < packages.size(); i++) {
                SbomPackage p = packages.get(i);
                if (p.annotations().isEmpty()) {
                    continue;
                }
                ComponentTags.Parsed parsed = ComponentTags.parse(p.annotations());
                for (String problem : parsed.problems()) {
                    add(FindingSeverity.WARNING, ReadRules.SLIPWAY_TAGS, p.line(), "packages[" + i + "] " + p.name(),
                            p.spdxId(), problem);
                }
                if (!parsed.tags().equals(p.tags())) {
                    if (out == null) {
                        out = new ArrayList<>(packages);
                    }
                    out.set(i, new SbomPackage(p.spdxId(), p.name(), p.version(), p.supplier(), p.originator(),
                            p.declaredLicence(), p.concludedLicence(), p.copyright(), p.downloadLocation(), p.purl(),
                            p.hasFiles(), p.annotations(), parsed.tags(), p.line()));
                }
            }
            return out == null ? packages : out;
        }

        void fileNames() {
            List<SbomFile> files = doc.files();
            for (int i = 0; i < files.size(); i++) {
                SbomFile f = files.get(i);
                String problem = pathProblem(f.fileName());
                if (problem != null) {
                    add(FindingSeverity.WARNING, ReadRules.PATH_TRAVERSAL, f.line(), "files[" + i + "] " + f.spdxId(),
                            f.spdxId(), "file name '" + f.fileName() + "' " + problem + " (path traversal)");
                }
            }
        }

        /**
         * Iterative DFS over DEPENDS_ON/CONTAINS edges; an edge to an element still on the stack closes a cycle.
         */
        void cycles() {
            int n = defined;
            List<SbomRelationship> rels = doc.relationships();
            int[] degree = new int[n + 1];
            int edges = 0;
            int[] from = new int[rels.size()];
            int[] to = new int[rels.size()];
            for (int i = 0; i < rels.size(); i++) {
                if (edge(rels.get(i).type(), from, to, i)) {
                    degree[from[i]]++;
                    edges++;
                } else {
                    from[i] = -1;
                }
            }
            if (edges == 0) {
                return;
            }
            int[] start = new int[n + 1];
            for (int i = 0; i < n; i++) {
                start[i + 1] = start[i] + degree[i];
            }
            int[] target = new int[edges];
            int[] relOf = new int[edges];
            int[] fill = start.clone();
            for (int i = 0; i < rels.size(); i++) {
                if (from[i] >= 0) {
                    target[fill[from[i]]] = to[i];
                    relOf[fill[from[i]]++] = i;
                }
            }
            byte[] state = new byte[n]; // 0 unseen, 1 on the stack, 2 done
            int[] stackNode = new int[n];
            int[] stackEdge = new int[n]; // next edge to try for the node at this depth
            int[] viaRel = new int[n];    // relationship that led to the node at this depth
            int[] depthOf = new int[n];
            int cyclesFound = 0;
            for (int root = 0; root < n; root++) {
                if (state[root] != 0 || start[root] == start[root + 1]) {
                    continue;
                }
                int top = 0;
                stackNode[0] = root;
                stackEdge[0] = start[root];
                viaRel[0] = -1;
                depthOf[root] = 0;
                state[root] = 1;
                while (top >= 0) {
                    int v = stackNode[top];
                    if (stackEdge[top] < start[v + 1]) {
                        int e = stackEdge[top]++;
                        int w = target[e];
                        if (state[w] == 0) {
                            top++;
                            stackNode[top] = w;
                            stackEdge[top] = start[w];
                            viaRel[top] = relOf[e];
                            depthOf[w] = top;
                            state[w] = 1;
                        } else if (state[w] == 1) {
                            cyclesFound++;
                            if (cyclesFound <= MAX_CYCLES) {
                                findings.add(describeCycle(depthOf[w], top, relOf[e], viaRel));
                            }
                        }
                    } else {
                        state[v] = 2;
                        top--;
                    }
                }
            }
            if (cyclesFound > MAX_CYCLES) {
                add(FindingSeverity.WARNING, ReadRules.CYCLE, 0, "relationships", null,
                        (cyclesFound - MAX_CYCLES) + " more relationship cycles not listed");
            }
        }

        /** Sets {@code from[i]}, {@code to[i]} for a DEPENDS_ON/CONTAINS-like relationship; false for others. */
        private boolean edge(String type, int[] from, int[] to, int i) {
            boolean forward = FORWARD_EDGES.contains(type);
            if (!forward && !REVERSE_EDGES.contains(type)) {
                return false;
            }
            int a = fromIndex[i];
            int b = toIndex[i];
            if (a < 0 || b < 0) {
                return false;
            }
            from[i] = forward ? a : b;
            to[i] = forward ? b : a;
            return true;
        }

        private ReadFinding describeCycle(int fromDepth, int top, int closingRel, int[] viaRel) {
            List<SbomRelationship> rels = doc.relationships();
            List<SbomRelationship> path = new ArrayList<>();
            for (int d = fromDepth + 1; d <= top; d++) {
                path.add(rels.get(viaRel[d]));
            }
            path.add(rels.get(closingRel));
            StringBuilder b = new StringBuilder("relationship cycle: ");
            int shown = Math.min(path.size(), 8);
            for (int i = 0; i < shown; i++) {
                b.append(i == 0 ? "" : "; ").append(path.get(i));
            }
            if (path.size() > shown) {
                b.append("; ... ").append(path.size() - shown).append(" more");
            }
            b.append(" (").append(path.size()).append(path.size() == 1 ? " relationship" : " relationships")
                    .append(" back to the start; reported, not fatal)");
            SbomRelationship first = path.get(0);
            return new ReadFinding(FindingSeverity.WARNING, ReadRules.CYCLE, first.line(), "relationships", first.from(),
                    b.toString());
        }
    }

    /** Why an SPDX file name is unsafe to use as a path, or null. */
    static String pathProblem(String name) {
        if (name == null) {
            return null;
        }
        if (name.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        String n = name.replace('\\', '/');
        if (n.length() >= 2 && Character.isLetter(n.charAt(0)) && n.charAt(1) == ':') {
            return "is a Windows absolute path";
        }
        if (n.startsWith("//")) {
            return "is a network (UNC) path";
        }
        for (String seg : n.split("/")) {
            if (seg.equals("..")) {
                return "climbs out of its package with '..'";
            }
        }
        return null;
    }
}
