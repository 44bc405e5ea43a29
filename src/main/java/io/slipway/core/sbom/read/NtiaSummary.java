package io.slipway.core.sbom.read;

import java.util.ArrayList;
import java.util.List;

/**
 * The NTIA minimum elements of an SBOM (supplier, name, version, unique id per component; dependency
 * relationships; author and timestamp of the document), as a per-document summary: for each element, how many
 * components have it or whether the document does. Computed from the read model, so every format alike.
 */
public record NtiaSummary(List<Element> elements) {
    /** One minimum element: {@code have} of {@code of} satisfy it ({@code of} is 1 for document-level ones). */
    public record Element(String name, int have, int of) {
        public boolean met() {
            return have == of;
        }

        @Override
        public String toString() {
            return name + " " + (of == 1 && have <= 1 ? (met() ? "yes" : "no") : have + "/" + of);
        }
    }

    public static NtiaSummary of(SbomDocument doc) {
        int supplier = 0;
        int name = 0;
        int version = 0;
        List<SbomPackage> packages = doc.packages();
        for (SbomPackage p : packages) {
            supplier += present(p.supplier()) ? 1 : 0;
            name += present(p.name()) ? 1 : 0;
            version += present(p.version()) ? 1 : 0;
        }
        long duplicates = doc.findings().stream().filter(f -> f.rule().equals(ReadRules.DUPLICATE_ID)).count();
        int n = packages.size();
        boolean relationships = doc.relationships().stream().anyMatch(r -> !r.type().equals("DESCRIBES"))
                || n <= 1 && !doc.relationships().isEmpty();
        List<Element> out = new ArrayList<>();
        out.add(new Element("supplier", supplier, n));
        out.add(new Element("name", name, n));
        out.add(new Element("version", version, n));
        out.add(new Element("unique id", (int) Math.max(0, n - duplicates), n));
        out.add(new Element("relationships", relationships ? 1 : 0, 1));
        out.add(new Element("author", doc.creators().isEmpty() ? 0 : 1, 1));
        out.add(new Element("timestamp", present(doc.created()) ? 1 : 0, 1));
        return new NtiaSummary(List.copyOf(out));
    }

    public boolean allMet() {
        return elements.stream().allMatch(Element::met);
    }

    /** One line: {@code NTIA minimum elements: supplier 3/143, name 143/143, ..., timestamp yes}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("NTIA minimum elements: ");
        for (int i = 0; i < elements.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(elements.get(i));
        }
        return b.append(allMet() ? " (all met)" : "").toString();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank() && !s.equals("NOASSERTION");
    }
}
