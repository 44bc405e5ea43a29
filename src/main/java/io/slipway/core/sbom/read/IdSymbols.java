package io.slipway.core.sbom.read;

import java.util.List;

/**
 * The SPDX ids of one document as small ints ("symbols"): which symbol each element defines and which each
 * relationship end and hasFiles entry names. {@link SbomValidator} checks duplicates, dangling references and
 * cycles on these arrays. The streaming reader assigns symbols while it parses ({@link IdTable}), so checking
 * costs no hashing at all; for other readers {@link #of} assigns them from the strings.
 */
final class IdSymbols {
    private final String[] names;
    final int documentSym;
    final int[] packageSyms;
    final int[] fileSyms;
    final int[] otherSyms;
    final int[] relFrom;
    final int[] relTo;
    final int[][] hasFiles;

    IdSymbols(String[] names, int documentSym, int[] packageSyms, int[] fileSyms, int[] otherSyms, int[] relFrom,
              int[] relTo, int[][] hasFiles) {
        this.names = names;
        this.documentSym = documentSym;
        this.packageSyms = packageSyms;
        this.fileSyms = fileSyms;
        this.otherSyms = otherSyms;
        this.relFrom = relFrom;
        this.relTo = relTo;
        this.hasFiles = hasFiles;
    }

    int count() {
        return names.length;
    }

    String name(int sym) {
        return names[sym];
    }

    /** Assigns symbols from the document's strings (any reader). */
    static IdSymbols of(SbomDocument doc) {
        List<SbomPackage> packages = doc.packages();
        List<SbomRelationship> rels = doc.relationships();
        Assigner a = new Assigner(1 + packages.size() + doc.files().size() + doc.otherElementIds().size()
                + rels.size());
        int documentSym = doc.spdxId() == null ? -1 : a.sym(doc.spdxId());
        int[] packageSyms = new int[packages.size()];
        int[][] hasFiles = new int[packages.size()][];
        for (int i = 0; i < packageSyms.length; i++) {
            SbomPackage p = packages.get(i);
            packageSyms[i] = a.sym(p.spdxId());
            hasFiles[i] = new int[p.hasFiles().size()];
            for (int j = 0; j < hasFiles[i].length; j++) {
                hasFiles[i][j] = a.sym(p.hasFiles().get(j));
            }
        }
        int[] fileSyms = new int[doc.files().size()];
        for (int i = 0; i < fileSyms.length; i++) {
            fileSyms[i] = a.sym(doc.files().get(i).spdxId());
        }
        int[] otherSyms = new int[doc.otherElementIds().size()];
        for (int i = 0; i < otherSyms.length; i++) {
            otherSyms[i] = a.sym(doc.otherElementIds().get(i));
        }
        int[] relFrom = new int[rels.size()];
        int[] relTo = new int[rels.size()];
        for (int i = 0; i < relFrom.length; i++) {
            relFrom[i] = a.sym(rels.get(i).from());
            relTo[i] = a.sym(rels.get(i).to());
        }
        return new IdSymbols(a.names(), documentSym, packageSyms, fileSyms, otherSyms, relFrom, relTo, hasFiles);
    }

    private static final class Assigner {
        private final StringIndex index;
        private String[] names;
        private int count;

        Assigner(int expected) {
            index = new StringIndex(expected);
            names = new String[Math.max(16, expected)];
        }

        int sym(String id) {
            int prior = index.putIfAbsent(id, count);
            if (prior >= 0) {
                return prior;
            }
            if (count == names.length) {
                names = java.util.Arrays.copyOf(names, count * 2);
            }
            names[count] = id;
            return count++;
        }

        String[] names() {
            return java.util.Arrays.copyOf(names, count);
        }
    }
}
