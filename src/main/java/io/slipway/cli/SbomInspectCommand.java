package io.slipway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.slipway.core.common.Json;
import io.slipway.core.sbom.read.ReadFinding;
import io.slipway.core.sbom.read.SbomDocument;
import io.slipway.core.sbom.read.SbomPackage;
import io.slipway.core.sbom.read.SbomReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sbom inspect FILE [--json]}: format, counts, and per component name, version, type, mode, licence. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Read an SBOM (format recognised from the content) and list its components.",
                "Defects that leave the meaning clear are findings (counts and the first ones are printed; all with "
                        + "--json; 'sbom validate' lists them).",
                "Exit 0 when it reads, 1 when it cannot (or, with --strict, has an error finding), naming file, line "
                        + "and field."})
public final class SbomInspectCommand implements Callable<Integer> {
    /** How many findings the table shows (the JSON has them all). */
    static final int FIRST_FINDINGS = 10;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "SPDX (JSON, YAML, XML, tag-value, RDF/XML, 3 JSON-LD) "
            + "or CycloneDX JSON file.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--strict", description = "Refuse the document (exit 1) when it has any error finding.")
    boolean strict;

    @Option(names = "--reader", paramLabel = "auto|fast|library", defaultValue = "auto",
            description = "auto (default): streaming for SPDX JSON, spdx-java-library otherwise; fast: streaming "
                    + "(SPDX JSON only); library: spdx-java-library for every SPDX format.")
    String reader;

    @Override
    public Integer call() throws JsonProcessingException {
        SbomReader.Engine engine;
        try {
            engine = SbomReader.Engine.valueOf(reader.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--reader must be auto, fast or library, not '"
                    + reader + "'");
        }
        SbomDocument doc = strict ? SbomReader.readStrict(file, engine) : SbomReader.read(file, engine);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(doc)));
        } else {
            printTable(doc, out);
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(SbomDocument doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", doc.source().toString());
        m.put("format", doc.format().label());
        m.put("reader", doc.reader());
        m.put("spdxVersion", doc.spdxVersion());
        m.put("name", doc.name());
        m.put("namespace", doc.namespace());
        m.put("created", doc.created());
        m.put("creators", doc.creators());
        m.put("counts", Map.of("packages", doc.packages().size(), "files", doc.files().size(),
                "relationships", doc.relationships().size(), "components", doc.components().size()));
        m.put("warnings", doc.warnings().stream().map(ReadFinding::toString).toList());
        m.put("findingCounts", SbomFindingsOutput.counts(doc));
        m.put("findings", SbomFindingsOutput.json(doc.findings()));
        m.put("ntia", SbomFindingsOutput.ntiaJson(doc));
        List<Map<String, Object>> packages = new ArrayList<>(doc.packages().size());
        for (SbomPackage p : doc.packages()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("spdxId", p.spdxId());
            pm.put("name", p.name());
            pm.put("version", p.version());
            pm.put("componentId", p.component().map(c -> c.id()).orElse(p.tags().id()));
            pm.put("type", p.tags().type() == null ? null : p.tags().type().label());
            pm.put("mode", p.tags().mode() == null ? null : p.tags().mode().number());
            pm.put("native", p.tags().nativeId());
            pm.put("sourceId", p.tags().sourceId());
            pm.put("supplier", p.supplier());
            pm.put("declaredLicence", p.declaredLicence());
            pm.put("concludedLicence", p.concludedLicence());
            pm.put("copyright", p.copyright());
            pm.put("downloadLocation", p.downloadLocation());
            pm.put("purl", p.purl());
            packages.add(pm);
        }
        m.put("packages", packages);
        return m;
    }

    private static void printTable(SbomDocument doc, PrintWriter out) {
        out.printf("file:        %s%n", doc.source());
        out.printf("format:      %s (read by %s)%n", doc.format().label(), doc.reader());
        out.printf("spdxVersion: %s%n", doc.spdxVersion());
        out.printf("document:    %s%n", nz(doc.name()));
        out.printf("namespace:   %s%n", nz(doc.namespace()));
        out.printf("created:     %s by %s%n", nz(doc.created()), String.join("; ", doc.creators()));
        out.printf("packages: %d, files: %d, relationships: %d, tagged components: %d%n", doc.packages().size(),
                doc.files().size(), doc.relationships().size(), doc.components().size());
        SbomFindingsOutput.print(doc, out, FIRST_FINDINGS);
        int nameWidth = Math.min(60, Math.max(4, doc.packages().stream()
                .mapToInt(p -> nz(p.name()).length()).max().orElse(4)));
        int versionWidth = Math.min(40, Math.max(7, doc.packages().stream()
                .mapToInt(p -> nz(p.version()).length()).max().orElse(7)));
        String row = "%-" + nameWidth + "s  %-" + versionWidth + "s  %-11s  %-4s  %s%n";
        out.printf(row, "NAME", "VERSION", "TYPE", "MODE", "LICENCE");
        for (SbomPackage p : doc.packages()) {
            String licence = p.declaredLicence();
            if (!p.concludedLicence().equals(p.declaredLicence()) && !p.concludedLicence().equals("NOASSERTION")) {
                licence = licence + " (concluded: " + p.concludedLicence() + ")";
            }
            out.printf(row, nz(p.name()), nz(p.version()),
                    p.tags().type() == null ? "-" : p.tags().type().label(),
                    p.tags().mode() == null ? "-" : Integer.toString(p.tags().mode().number()), licence);
        }
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
