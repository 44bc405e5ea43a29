package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.testsupport.SharedDir;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SbomCommandTest {
    static final Path SBOM = Path.of("src/test/resources/sbom");
    static final Path BAD = Path.of("src/test/resources/sbom-bad");
    static final ObjectMapper JSON = new ObjectMapper();

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(core -> {
            throw new AssertionError("sbom commands never open the console");
        }, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    static Stream<Path> corpus() {
        return SharedDir.spdxCorpus().stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void inspectCountsEveryCorpusDocumentAsTheDocumentDoes(Path file) throws Exception {
        JsonNode raw = JSON.readTree(file.toFile());
        int packages = raw.path("packages").size();
        int files = raw.path("files").size();
        int relationships = raw.path("relationships").size();

        Result text = run("sbom", "inspect", file.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.err()).isEmpty();
        assertThat(text.out()).contains("format:      SPDX JSON (read by Slipway streaming SPDX JSON reader)")
                .contains("spdxVersion: SPDX-2.2")
                .contains("packages: " + packages + ", files: " + files + ", relationships: " + relationships + ",");
        // header + one row per package after the table header
        List<String> lines = text.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("NAME ")).findFirst().orElseThrow());
        assertThat(lines.size() - header - 1).isEqualTo(packages);

        Result json = run("sbom", "inspect", "--json", file.toString());
        assertThat(json.code()).isZero();
        JsonNode out = JSON.readTree(json.out());
        assertThat(out.path("counts").path("packages").asInt()).isEqualTo(packages);
        assertThat(out.path("counts").path("files").asInt()).isEqualTo(files);
        assertThat(out.path("counts").path("relationships").asInt()).isEqualTo(relationships);
        assertThat(out.path("packages")).hasSize(packages);
        assertThat(out.path("packages").get(0).path("name").asText())
                .isEqualTo(raw.path("packages").get(0).path("name").asText());
    }

    @Test
    void inspectShowsTypeAndModeFromTheTags() throws Exception {
        Result r = run("sbom", "inspect", SBOM.resolve("adas-stack.spdx.json").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("packages: 6, files: 1, relationships: 7, tagged components: 5")
                .contains("findings: 0 errors, 0 warnings, 1 info")
                .containsPattern("can-utils-adas\\s+2023\\.03-adas1\\s+derivative\\s+1\\s+GPL-2\\.0-only\n")
                .containsPattern("vendor-lidar-sdk\\s+4\\.2\\.0\\s+third-party\\s+2\\s+LicenseRef-Acme-Lidar-EULA\n")
                .containsPattern("glibc\\s+2\\.36\\s+-\\s+-\\s+LGPL-2\\.1-or-later AND GPL-2\\.0-or-later\n");
        JsonNode json = JSON.readTree(run("sbom", "inspect", "--json", SBOM.resolve("adas-stack.spdx.json").toString())
                .out());
        JsonNode adas = null;
        for (JsonNode p : json.path("packages")) {
            if (p.path("name").asText().equals("can-utils-adas")) {
                adas = p;
            }
        }
        assertThat(adas).isNotNull();
        assertThat(adas.path("type").asText()).isEqualTo("derivative");
        assertThat(adas.path("mode").asInt()).isEqualTo(1);
        assertThat(adas.path("native").asText()).isEqualTo("can-utils");
        assertThat(adas.path("componentId").asText()).isEqualTo("can-utils-adas");
    }

    @ParameterizedTest
    @ValueSource(strings = {"adas-stack.spdx", "adas-stack.spdx.rdf.xml", "adas-stack.spdx.yaml", "adas-stack.spdx.xml",
        "adas-stack.spdx3.jsonld", "adas-stack.cdx.json"})
    void inspectReadsEveryFormat(String name) {
        Result r = run("sbom", "inspect", SBOM.resolve(name).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("can-utils-adas\\s+2023\\.03-adas1\\s+derivative\\s+1\\s+GPL-2\\.0-only\n");
    }

    @Test
    void theLibraryReaderCanBeChosen() {
        Result r = run("sbom", "inspect", "--reader", "library", SBOM.resolve("adas-stack.spdx.json").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("(read by spdx-java-library 2.0.4)").contains("tagged components: 5");
        Result bad = run("sbom", "inspect", "--reader", "turbo", SBOM.resolve("adas-stack.spdx.json").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("slipway: --reader must be auto, fast or library, not 'turbo'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.spdx.json", "truncated.spdx.json", "gzipped.spdx.json", "syntax-error.spdx.json",
        "xxe-file.spdx.rdf.xml", "billion-laughs.spdx.rdf.xml", "notes.txt", "cyclonedx-broken.cdx.json"})
    void badInputIsOneLineNamingTheFileAndExitOne(String name) {
        Path file = BAD.resolve(name);
        Result r = run("sbom", "inspect", file.toString());
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("slipway: " + file + ": ").hasLineCount(1).doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void aMissingFileIsBadInput() {
        Result r = run("sbom", "inspect", "no/such/sbom.json");
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).isEqualTo("slipway: " + Path.of("no/such/sbom.json") + ": no such file\n");
    }

    @Test
    void findingsArePrintedAndTheExitCodeStaysZero() {
        Result r = run("sbom", "inspect", BAD.resolve("path-traversal.spdx.json").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("findings: 0 errors, 2 warnings, ")
                .contains("  [warning] path-traversal  line 63, files[1] SPDXRef-File-passwd: file name "
                        + "'./../../../etc/passwd' climbs out")
                .contains("NTIA minimum elements: supplier ");
    }

    @Test
    void aDefectiveDocumentOpensWithItsFindingsAndStrictRefusesIt() throws Exception {
        Path file = Path.of("src/test/resources/sbom-defects/duplicate-ids.spdx.json");
        Result r = run("sbom", "inspect", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("packages: 3, ").contains("findings: 1 errors, 0 warnings, 1 info")
                .contains("  [error] duplicate-id  line 45, packages[2]: duplicate id "
                        + "'SPDXRef-Package-go-module-golang.org-x-sys-3c0b5f0f1a8e'");
        JsonNode json = JSON.readTree(run("sbom", "inspect", "--json", file.toString()).out());
        assertThat(json.path("findingCounts").path("error").asInt()).isEqualTo(1);
        assertThat(json.path("findings")).hasSize(2);
        assertThat(json.path("findings").get(0).path("rule").asText()).isEqualTo("duplicate-id");
        assertThat(json.path("findings").get(0).path("line").asInt()).isEqualTo(45);
        assertThat(json.path("findings").get(0).path("element").asText())
                .isEqualTo("SPDXRef-Package-go-module-golang.org-x-sys-3c0b5f0f1a8e");
        assertThat(json.path("ntia").path("unique id").path("met").asBoolean()).isFalse();

        Result strict = run("sbom", "inspect", "--strict", file.toString());
        assertThat(strict.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err()).startsWith("slipway: " + file + ": line 45, packages[2]: duplicate id").hasLineCount(1);
    }

    @Test
    void validateListsEveryFindingAndExitsByTheWorstSeverity() throws Exception {
        Path defects = Path.of("src/test/resources/sbom-defects");
        Result errors = run("sbom", "validate", defects.resolve("missing-fields.spdx.json").toString());
        assertThat(errors.code()).isEqualTo(1);
        assertThat(errors.out()).contains("opened with 1 error, 1 warning (3 info)")
                .contains("[error] missing-field  line 16, packages[0].name: package SPDXRef-Package-rpm-unnamed has no name")
                .contains("[warning] missing-field  line 26, packages[1].downloadLocation")
                .contains("[info] noassertion  packages: NOASSERTION in 3 packages")
                .contains("invalid: error findings");

        Path warningsOnly = defects.resolve("licence-expressions.spdx.json");
        Result warnings = run("sbom", "validate", warningsOnly.toString());
        assertThat(warnings.code()).as(warnings.out()).isZero();
        assertThat(warnings.out()).contains("valid (no error findings)");
        assertThat(run("sbom", "validate", "--fail-on", "warning", warningsOnly.toString()).code()).isEqualTo(1);

        JsonNode json = JSON.readTree(run("sbom", "validate", "--json", warningsOnly.toString()).out());
        assertThat(json.path("valid").asBoolean()).isTrue();
        assertThat(json.path("worst").asText()).isEqualTo("warning");
        assertThat(json.path("findings")).hasSize(3);
        assertThat(json.path("findings").get(0).path("meaning").asText()).contains("does not parse");

        Result unreadable = run("sbom", "validate", BAD.resolve("truncated.spdx.json").toString());
        assertThat(unreadable.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(unreadable.err()).contains("truncated JSON").hasLineCount(1);
        assertThat(run("sbom", "validate", "--fail-on", "info", warningsOnly.toString()).code()).isEqualTo(2);
    }

    @Test
    void diffOfTheKubeProxyReleases() throws Exception {
        String a = SharedDir.spdxCorpusFile("syft-spdx-k8s.gcr.io-kube-proxy.v1.24.6.json").toString();
        String b = SharedDir.spdxCorpusFile("syft-spdx-k8s.gcr.io-kube-proxy.v1.25.1.json").toString();
        Result text = run("sbom", "diff", a, b);
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("A: " + a + " (99 packages; opened with 0 errors, 1 warning (3 info))\nB: " + b
                        + " (83 packages; opened with 0 errors, 1 warning (2 info))\n")
                .containsPattern("added: \\d+, removed: \\d+, version changed: \\d+, licence changed: \\d+, unchanged: \\d+")
                .contains("\n+ ").contains("\n- ").contains("\n~ ").contains("\nL ");

        JsonNode json = JSON.readTree(run("sbom", "diff", "--json", a, b).out());
        JsonNode counts = json.path("counts");
        assertThat(json.path("added")).hasSize(counts.path("added").asInt());
        assertThat(json.path("removed")).hasSize(counts.path("removed").asInt());
        assertThat(json.path("versionChanged")).hasSize(counts.path("versionChanged").asInt());
        assertThat(json.path("licenceChanged")).hasSize(counts.path("licenceChanged").asInt());
        assertThat(text.out()).contains("added: " + counts.path("added").asInt() + ", removed: "
                + counts.path("removed").asInt() + ", version changed: " + counts.path("versionChanged").asInt());
        // every package of A is removed, version-changed, licence-changed at the same version, or unchanged
        int licenceOnly = 0;
        for (JsonNode c : json.path("licenceChanged")) {
            if (c.path("oldVersion").asText().equals(c.path("newVersion").asText())) {
                licenceOnly++;
            }
        }
        assertThat(counts.path("removed").asInt() + counts.path("versionChanged").asInt() + licenceOnly
                + counts.path("unchanged").asInt()).isEqualTo(99);
        assertThat(counts.path("added").asInt() + counts.path("versionChanged").asInt() + licenceOnly
                + counts.path("unchanged").asInt()).isEqualTo(83);
    }

    @Test
    void diffWithABadFileIsBadInput() {
        Path bad = BAD.resolve("truncated.spdx.json");
        Result r = run("sbom", "diff", SBOM.resolve("adas-stack.spdx.json").toString(), bad.toString());
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).startsWith("slipway: " + bad + ": line 26").hasLineCount(1);
    }

    @Test
    void helpListsTheSbomCommands() {
        assertThat(run("--help").out()).contains("sbom");
        Result r = run("sbom", "--help");
        assertThat(r.out()).contains("inspect").contains("validate").contains("diff");
        Result none = run("sbom");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).startsWith("slipway: Missing required subcommand");
    }
}
