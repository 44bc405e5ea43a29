package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.core.common.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sbom generate|plan|publish}: output, exit codes (0 ok, 2 policy FAIL, 1 bad input), one-line errors. */
class SbomReleaseCliTest {
    @TempDir
    Path tmp;

    Path ws;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void workspace() {
        ws = tmp.resolve("ws");
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--workspace", ws.toString(), "--no-sample"));
        all.addAll(List.of(args));
        int code = Cli.run(core -> 0, new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    Path generateSample() {
        Result g = run("sbom", "generate", "sample/release-set", "--out", tmp.resolve("sbom").toString());
        assertThat(g.code()).as(g.err()).isZero();
        return tmp.resolve("sbom/sbom-index.spdx.json");
    }

    @Test
    void generatePlanPublishTheSample() throws Exception {
        Result g = run("sbom", "generate", "sample/release-set", "--out", tmp.resolve("sbom").toString());
        assertThat(g.code()).isZero();
        assertThat(g.out()).isEqualTo("generated 11 SPDX documents (44 files) and the SBOM index "
                + tmp.resolve("sbom/sbom-index.spdx.json") + "\n");
        Path index = tmp.resolve("sbom/sbom-index.spdx.json");

        Result plan = run("sbom", "plan", index.toString());
        assertThat(plan.code()).isZero();
        assertThat(plan.out()).contains("release adas-stack 2.4.0: 11 components, 29 files to publish",
                "derivative   can-utils-adas 2023.03-adas1", "gate: PASS (0 FAIL, 0 WARN)");

        Result json = run("sbom", "plan", index.toString(), "--json");
        assertThat(json.code()).isZero();
        JsonNode tree = Json.MAPPER.readTree(json.out());
        assertThat(tree.get("gate").asText()).isEqualTo("PASS");
        assertThat(tree.get("entries")).hasSize(11);
        assertThat(tree.get("findings")).isEmpty();
        JsonNode first = tree.get("entries").get(0);
        assertThat(first.get("tier").asText()).isEqualTo("open-source");
        assertThat(first.get("artefacts").get(0).get("kind").asText()).isEqualTo("spdx");

        Path out = tmp.resolve("release");
        Result pub = run("sbom", "publish", index.toString(), "--out", out.toString());
        assertThat(pub.code()).as(pub.err()).isZero();
        assertThat(pub.out()).contains("published adas-stack 2.4.0 into " + out + ": 29 files");
        assertThat(out.resolve("SHA256SUMS")).exists();

        Result again = run("sbom", "publish", index.toString(), "--out", out.toString());
        assertThat(again.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(again.err()).isEqualTo("slipway: " + out + ": exists and is not empty; publish into a new or empty folder\n");

        assertThat(run("audit", "log").out()).contains("sbom.generated", "sbom.published");
    }

    @Test
    void aPolicyFailExitsTwoAndPublishesNothing() throws Exception {
        Path set = Files.createDirectories(tmp.resolve("set"));
        copyTree(Path.of("sample/release-set"), set);
        Path manifest = set.resolve("release-set.json");
        Files.writeString(manifest, Files.readString(manifest).replace(
                "\"type\": \"derivative\",\n      \"mode\": 1,\n      \"native\": \"can-utils\"",
                "\"type\": \"derivative\",\n      \"mode\": 2,\n      \"native\": \"can-utils\""));
        assertThat(run("sbom", "generate", set.toString(), "--out", tmp.resolve("sbom").toString()).code()).isZero();
        Path index = tmp.resolve("sbom/sbom-index.spdx.json");

        Result plan = run("sbom", "plan", index.toString());
        assertThat(plan.code()).isEqualTo(SbomCommand.POLICY_FAIL);
        assertThat(plan.out()).contains("gate: FAIL (1 FAIL, 0 WARN)",
                "FAIL can-utils-adas [copyleft-derivative-source]", "fix: release can-utils-adas in mode 1");

        Result pub = run("sbom", "publish", index.toString(), "--out", tmp.resolve("release").toString());
        assertThat(pub.code()).isEqualTo(SbomCommand.POLICY_FAIL);
        assertThat(pub.err()).startsWith("slipway: " + index + ": 1 release-gate FAIL finding(s) stand").hasLineCount(1);
        assertThat(tmp.resolve("release")).doesNotExist();
    }

    @Test
    void ownedSourceNeedsTheConfirmFlag() throws Exception {
        Path set = Files.createDirectories(tmp.resolve("set"));
        copyTree(Path.of("sample/release-set"), set);
        Path manifest = set.resolve("release-set.json");
        Files.writeString(manifest, Files.readString(manifest).replace(
                "\"type\": \"owned\",\n      \"mode\": 3", "\"type\": \"owned\",\n      \"mode\": 1"));
        run("sbom", "generate", set.toString(), "--out", tmp.resolve("sbom").toString());
        Path index = tmp.resolve("sbom/sbom-index.spdx.json");

        Result plan = run("sbom", "plan", index.toString());
        assertThat(plan.code()).isZero();
        assertThat(plan.out()).contains("gate: WARN (0 FAIL, 1 WARN)", "WARN hmi-app [owned-source]", "[needs confirmation]");

        Result refused = run("sbom", "publish", index.toString(), "--out", tmp.resolve("r1").toString());
        assertThat(refused.code()).isEqualTo(SbomCommand.POLICY_FAIL);
        assertThat(refused.err()).contains("--confirm-owned-source").hasLineCount(1);
        assertThat(tmp.resolve("r1")).doesNotExist();

        Result ok = run("sbom", "publish", index.toString(), "--out", tmp.resolve("r2").toString(), "--confirm-owned-source");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(tmp.resolve("r2/owned/hmi-app-2.0.0/source/hmi_app.cpp")).exists();
    }

    @Test
    void badInputIsOneLineNamingTheFileAndExitsOne() throws Exception {
        Path index = generateSample();
        Path doc = tmp.resolve("sbom/components/zlib.spdx.json");
        Files.writeString(doc, Files.readString(doc) + " ");
        Path truncated = Files.writeString(tmp.resolve("t.json"), "{\"spdxVersion\": \"SPDX-2.3\", \"name\": ");
        Path badPolicy = Files.writeString(tmp.resolve("p.yaml"), "rules: {bogus: {}}\nlicenceGroups: {a: {ids: [MIT]}}\n");
        List<String[]> cases = List.of(
                new String[] {"sbom", "plan", index.toString()},
                new String[] {"sbom", "publish", index.toString(), "--out", tmp.resolve("r").toString()},
                new String[] {"sbom", "plan", truncated.toString()},
                new String[] {"sbom", "plan", tmp.resolve("missing.json").toString()},
                new String[] {"sbom", "generate", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("o").toString()},
                new String[] {"sbom", "plan", index.toString(), "--policy", badPolicy.toString()});
        String[] starts = {index + ": DocumentRef-zlib: " + doc + " has SHA-1", index + ": DocumentRef-zlib:",
                truncated + ": ", tmp.resolve("missing.json") + ": no such file", tmp.resolve("nowhere").toString(),
                badPolicy + ": unknown rule 'bogus'"};
        for (int i = 0; i < cases.size(); i++) {
            Result r = run(cases.get(i));
            assertThat(r.code()).as(String.join(" ", cases.get(i))).isEqualTo(Cli.BAD_INPUT);
            assertThat(r.err()).as(String.join(" ", cases.get(i))).startsWith("slipway: " + starts[i]).hasLineCount(1)
                    .doesNotContain("\tat ");
        }
        assertThat(tmp.resolve("r")).doesNotExist();
    }

    @Test
    void helpListsTheReleaseCommands() {
        assertThat(run("sbom", "--help").out()).contains("generate", "plan", "publish");
        assertThat(run("sbom", "publish", "--help").out()).contains("--confirm-owned-source", "--out=DIR");
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
