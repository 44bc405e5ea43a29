package io.slipway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.slipway.core.common.Json;
import io.slipway.core.sbom.diff.SbomDiff;
import io.slipway.core.sbom.read.SbomDocument;
import io.slipway.core.sbom.read.SbomReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sbom diff A B [--json]}: added, removed, version-changed and licence-changed components. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two SBOMs by package name: added, removed, version changed, licence changed.",
                "Documents open leniently (defects are counted, see 'sbom validate').",
                "Exit 0 when both read (whether or not they differ), 1 when one cannot be read."})
public final class SbomDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The older SBOM.")
    Path before;

    @Parameters(index = "1", paramLabel = "B", description = "The newer SBOM.")
    Path after;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        SbomDocument a = SbomReader.read(before);
        SbomDocument b = SbomReader.read(after);
        SbomDiff diff = SbomDiff.between(a, b);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("a", Map.of("file", before.toString(), "packages", a.packages().size(),
                    "findingCounts", SbomFindingsOutput.counts(a)));
            m.put("b", Map.of("file", after.toString(), "packages", b.packages().size(),
                    "findingCounts", SbomFindingsOutput.counts(b)));
            m.put("counts", counts(diff));
            m.put("added", diff.added());
            m.put("removed", diff.removed());
            m.put("versionChanged", diff.versionChanged());
            m.put("licenceChanged", diff.licenceChanged());
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        } else {
            out.printf("A: %s (%d packages; %s)%n", before, a.packages().size(), a.findingsBadge());
            out.printf("B: %s (%d packages; %s)%n", after, b.packages().size(), b.findingsBadge());
            Map<String, Integer> c = counts(diff);
            out.printf("added: %d, removed: %d, version changed: %d, licence changed: %d, unchanged: %d%n",
                    c.get("added"), c.get("removed"), c.get("versionChanged"), c.get("licenceChanged"),
                    c.get("unchanged"));
            diff.added().forEach(x -> out.printf("+ %s %s%n", x.name(), nz(x.newVersion())));
            diff.removed().forEach(x -> out.printf("- %s %s%n", x.name(), nz(x.oldVersion())));
            diff.versionChanged().forEach(x -> out.printf("~ %s %s -> %s%n", x.name(), nz(x.oldVersion()),
                    nz(x.newVersion())));
            diff.licenceChanged().forEach(x -> out.printf("L %s %s: declared %s -> %s, concluded %s -> %s%n",
                    x.name(), nz(x.newVersion()), x.oldDeclaredLicence(), x.newDeclaredLicence(),
                    x.oldConcludedLicence(), x.newConcludedLicence()));
        }
        out.flush();
        return 0;
    }

    private static Map<String, Integer> counts(SbomDiff d) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("added", d.added().size());
        m.put("removed", d.removed().size());
        m.put("versionChanged", d.versionChanged().size());
        m.put("licenceChanged", d.licenceChanged().size());
        m.put("unchanged", d.unchanged());
        return m;
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
