package io.slipway.cli;

import io.slipway.core.sbom.read.FindingSeverity;
import io.slipway.core.sbom.read.NtiaSummary;
import io.slipway.core.sbom.read.ReadFinding;
import io.slipway.core.sbom.read.ReadRules;
import io.slipway.core.sbom.read.SbomDocument;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code sbom inspect} and {@code sbom validate} print reading findings, as text and as JSON. */
final class SbomFindingsOutput {
    private SbomFindingsOutput() {
    }

    static Map<String, Long> counts(SbomDocument doc) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (FindingSeverity s : FindingSeverity.values()) {
            m.put(s.label(), doc.count(s));
        }
        return m;
    }

    static List<Map<String, Object>> json(List<ReadFinding> findings) {
        List<Map<String, Object>> out = new ArrayList<>(findings.size());
        for (ReadFinding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().label());
            m.put("rule", f.rule());
            m.put("line", f.line() > 0 ? f.line() : null);
            m.put("field", f.field().isEmpty() ? null : f.field());
            m.put("element", f.elementId());
            m.put("message", f.message());
            m.put("meaning", ReadRules.meaning(f.rule()));
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> ntiaJson(SbomDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (NtiaSummary.Element e : NtiaSummary.of(doc).elements()) {
            m.put(e.name(), Map.of("have", e.have(), "of", e.of(), "met", e.met()));
        }
        return m;
    }

    /** {@code [error] rule  line 3, field: message}. */
    static String line(ReadFinding f) {
        return String.format("[%s] %s  %s", f.severity().label(), f.rule(), f);
    }

    /** The counts line, then the first {@code limit} findings (all when limit < 0) and how many are not shown. */
    static void print(SbomDocument doc, PrintWriter out, int limit) {
        Map<String, Long> c = counts(doc);
        out.printf("findings: %d errors, %d warnings, %d info%n", c.get("error"), c.get("warning"), c.get("info"));
        List<ReadFinding> all = doc.findings();
        int shown = limit < 0 ? all.size() : Math.min(limit, all.size());
        for (int i = 0; i < shown; i++) {
            out.printf("  %s%n", line(all.get(i)));
        }
        if (shown < all.size()) {
            out.printf("  ... %d more (sbom validate lists every finding)%n", all.size() - shown);
        }
        out.println(NtiaSummary.of(doc));
    }
}
