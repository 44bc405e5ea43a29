package io.slipway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.slipway.core.common.Json;
import io.slipway.core.sbom.read.FindingSeverity;
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

/** {@code sbom validate FILE [--json] [--fail-on error|warning]}: every reading finding; exit by the worst. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Read an SBOM leniently and list every finding (severity, rule, line/field/element, message).",
                "Exit 0 when no finding reaches --fail-on (default: error), 1 when one does or the file cannot be "
                        + "read at all."})
public final class SbomValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "SPDX (JSON, YAML, XML, tag-value, RDF/XML, 3 JSON-LD) "
            + "or CycloneDX (JSON, XML) file.")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "error|warning", defaultValue = "error",
            description = "The mildest severity that makes the exit code 1 (default: error).")
    String failOn;

    @Override
    public Integer call() throws JsonProcessingException {
        FindingSeverity threshold = switch (failOn) {
            case "error" -> FindingSeverity.ERROR;
            case "warning" -> FindingSeverity.WARNING;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--fail-on must be error or warning, not '" + failOn + "'");
        };
        SbomDocument doc = SbomReader.read(file);
        FindingSeverity worst = doc.worst();
        boolean fails = worst != null && worst.compareTo(threshold) <= 0;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("format", doc.format().label());
            m.put("valid", !fails);
            m.put("worst", worst == null ? null : worst.label());
            m.put("counts", SbomFindingsOutput.counts(doc));
            m.put("findings", SbomFindingsOutput.json(doc.findings()));
            m.put("ntia", SbomFindingsOutput.ntiaJson(doc));
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        } else {
            out.printf("%s: %s, %s%n", file, doc.format().label(), doc.findingsBadge());
            SbomFindingsOutput.print(doc, out, -1);
            out.println(fails ? "invalid: " + worst.label() + " findings" : "valid (no " + threshold.label()
                    + (threshold == FindingSeverity.WARNING ? " or error" : "") + " findings)");
        }
        out.flush();
        return fails ? 1 : 0;
    }
}
