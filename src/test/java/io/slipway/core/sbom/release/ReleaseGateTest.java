package io.slipway.core.sbom.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each release-gate rule with a fixture that breaks it (and one that does not). */
class ReleaseGateTest {
    @TempDir
    Path tmp;

    SlipwayCore core;
    ReleaseFixture fx;

    @BeforeEach
    void open() {
        core = SlipwayCore.open(tmp.resolve("ws"), Optional.empty());
        fx = new ReleaseFixture(tmp.resolve("set"));
    }

    @AfterEach
    void close() {
        core.close();
    }

    LoadedRelease load() {
        GenerateResult r = core.sbomRelease().generate(fx.manifest(), tmp.resolve("sbom"));
        return core.sbomRelease().load(r.index(), Optional.empty());
    }

    GateResult gate() {
        return core.sbomRelease().gate(load(), ReleasePolicy.defaultPolicy());
    }

    static Finding only(GateResult g) {
        assertThat(g.findings()).hasSize(1);
        return g.findings().get(0);
    }

    @Test
    void derivativeOfCopyleftNativeNotInMode1Fails() {
        fx.component("busybox", "open-source", 3, null, "GPL-2.0-only")
                .component("busybox-mod", "derivative", 2, "busybox", "GPL-2.0-only");
        Finding f = only(gate());
        assertThat(f.componentId()).isEqualTo("busybox-mod");
        assertThat(f.rule()).isEqualTo(ReleasePolicy.COPYLEFT_DERIVATIVE_SOURCE);
        assertThat(f.severity()).isEqualTo(Severity.FAIL);
        assertThat(f.message()).contains("busybox", "GPL-2.0-only", "copyleft", "mode 2");
        assertThat(f.fix()).contains("mode 1");
    }

    @Test
    void derivativeOfWeakCopyleftNativeInMode3FailsButOfPermissiveNativeDoesNot() {
        fx.component("libav", "open-source", 3, null, "LGPL-2.1-or-later")
                .component("libav-mod", "derivative", 3, "libav", "LGPL-2.1-or-later")
                .component("json", "third-party", 2, null, "MIT")
                .component("json-mod", "derivative", 2, "json", "MIT");
        Finding f = only(gate());
        assertThat(f.componentId()).isEqualTo("libav-mod");
        assertThat(f.message()).contains("weak-copyleft");
    }

    @Test
    void missingOrNoassertionLicenceOnThirdPartyOrDerivativeFails() {
        fx.component("vendor-blob", "third-party", 2, null, null)
                .component("upstream", "open-source", 3, null, "MIT")
                .component("upstream-mod", "derivative", 1, "upstream", null)
                .component("no-licence-oss", "open-source", 3, null, null);
        GateResult g = gate();
        assertThat(g.findings()).extracting(Finding::componentId, Finding::rule, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("vendor-blob", ReleasePolicy.MISSING_LICENCE, Severity.FAIL),
                org.assertj.core.groups.Tuple.tuple("upstream-mod", ReleasePolicy.MISSING_LICENCE, Severity.FAIL));
        assertThat(g.findings().get(0).message()).contains("NOASSERTION");
        assertThat(g.findings().get(0).fix()).contains("SPDX-License-Identifier");
    }

    @Test
    void derivativeWhoseNativeCannotBeResolvedFails() {
        fx.component("mod-a", "derivative", 1, "not-there", "MIT")
                .component("mod-b", "derivative", 1, null, "MIT")
                .component("own", "owned", 2, null, "LicenseRef-Own")
                .component("mod-c", "derivative", 1, "own", "MIT");
        GateResult g = gate();
        assertThat(g.findings()).extracting(Finding::componentId).containsExactlyInAnyOrder("mod-a", "mod-b", "mod-c");
        assertThat(g.findings()).allSatisfy(f -> {
            assertThat(f.rule()).isEqualTo(ReleasePolicy.UNRESOLVED_NATIVE);
            assertThat(f.severity()).isEqualTo(Severity.FAIL);
            assertThat(f.fix()).contains("native");
        });
        assertThat(g.findings()).extracting(Finding::message).anyMatch(m -> m.contains("'not-there' is not a component"))
                .anyMatch(m -> m.contains("names no native")).anyMatch(m -> m.contains("'own' is owned"));
    }

    @Test
    void ownedComponentInMode1WarnsAndNeedsConfirmationToPublish() {
        fx.component("secret-sauce", "owned", 1, null, "LicenseRef-Slipway-Proprietary");
        LoadedRelease release = load();
        GateResult g = core.sbomRelease().gate(release, ReleasePolicy.defaultPolicy());
        Finding f = only(g);
        assertThat(f.rule()).isEqualTo(ReleasePolicy.OWNED_SOURCE);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.needsConfirmation()).isTrue();
        assertThat(f.fix()).contains("--confirm-owned-source");
        assertThat(g.hasFail()).isFalse();
        assertThat(g.blocksPublishing(false)).isTrue();
        assertThat(g.blocksPublishing(true)).isFalse();

        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> core.sbomRelease().publish(release, ReleasePolicy.defaultPolicy(), out, false,
                PublishProgress.NONE)).isInstanceOf(ReleaseBlockedException.class).hasMessageContaining("confirm");
        assertThat(out).doesNotExist();
        assertThat(core.audit().latest(1).get(0).action()).isEqualTo(ReleaseService.AUDIT_REFUSED);

        core.sbomRelease().publish(release, ReleasePolicy.defaultPolicy(), out, true, PublishProgress.NONE);
        assertThat(out.resolve("owned/secret-sauce-1.0/source/secret-sauce.c")).exists();
        assertThat(core.audit().latest(1).get(0).detailsJson()).contains("\"confirmedOwnedSource\":true", "owned-source");
    }

    @Test
    void licenceInNoGroupWarnsWithoutBlocking() {
        fx.component("odd", "open-source", 3, null, "Beerware");
        Finding f = only(gate());
        assertThat(f.rule()).isEqualTo(ReleasePolicy.UNCLASSIFIED_LICENCE);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.needsConfirmation()).isFalse();
        assertThat(f.fix()).contains("Beerware", "licence group");
    }

    @Test
    void componentWithoutTagsFailsMissingTags() {
        fx.component("untagged", "open-source", 3, null, "MIT");
        GenerateResult r = core.sbomRelease().generate(fx.manifest(), tmp.resolve("sbom"));
        ReleaseFixture.rewriteDocument(r.index(), "untagged", doc -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                doc.get("packages").get(0)).remove("annotations"));
        ReleaseFixture.rewriteIndex(r.index(), idx -> idx.get("packages").forEach(p -> {
            if (p.get("SPDXID").asText().equals("SPDXRef-untagged")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) p).remove("annotations");
            }
        }));
        // the index's checksum of the document must still match after the index edit above
        ReleaseFixture.rewriteDocument(r.index(), "untagged", doc -> { });
        LoadedRelease release = core.sbomRelease().load(r.index(), Optional.empty());
        Finding f = only(core.sbomRelease().gate(release, ReleasePolicy.defaultPolicy()));
        assertThat(f.rule()).isEqualTo(ReleasePolicy.MISSING_TAGS);
        assertThat(f.message()).contains("no type and no mode");
        assertThat(core.sbomRelease().plan(release).entries().get(0).artefacts()).isEmpty();
    }

    @Test
    void publishingIsRefusedWhileAFailStandsAndNothingIsWritten() {
        fx.component("busybox", "open-source", 3, null, "GPL-2.0-only")
                .component("busybox-mod", "derivative", 3, "busybox", "GPL-2.0-only");
        LoadedRelease release = load();
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> core.sbomRelease().publish(release, ReleasePolicy.defaultPolicy(), out, true,
                PublishProgress.NONE)).isInstanceOf(ReleaseBlockedException.class).hasMessageContaining("FAIL");
        assertThat(out).doesNotExist();
        assertThat(core.audit().latest(1).get(0).detailsJson()).contains("copyleft-derivative-source");
    }

    @Test
    void workspaceTagsWinAndChangeTheVerdict() {
        fx.component("busybox", "open-source", 3, null, "GPL-2.0-only")
                .component("busybox-mod", "derivative", 1, "busybox", "GPL-2.0-only");
        assertThat(gate().findings()).isEmpty();
        core.componentTags().set("busybox-mod", TagKey.MODE, "2");
        LoadedRelease release = core.sbomRelease().load(tmp.resolve("sbom/sbom-index.spdx.json"), Optional.empty());
        assertThat(release.byId("busybox-mod").orElseThrow().tags().mode().number()).isEqualTo(2);
        assertThat(release.byId("busybox-mod").orElseThrow().sbomTags().mode().number()).isEqualTo(1);
        assertThat(only(core.sbomRelease().gate(release, ReleasePolicy.defaultPolicy())).rule())
                .isEqualTo(ReleasePolicy.COPYLEFT_DERIVATIVE_SOURCE);
    }

    @Test
    void rulesCanBeTurnedOffOrChangedByAPolicyFileInYamlOrJson() throws Exception {
        fx.component("busybox", "open-source", 3, null, "GPL-2.0-only")
                .component("busybox-mod", "derivative", 2, "busybox", "GPL-2.0-only")
                .component("secret", "owned", 1, null, "LicenseRef-Own");
        LoadedRelease release = load();
        Path yaml = Files.writeString(tmp.resolve("p.yaml"), """
                licenceGroups:
                  copyleft: {ids: [GPL-2.0-only]}
                  proprietary: {patterns: ["LicenseRef-*"]}
                rules:
                  copyleft-derivative-source: {severity: WARN, nativeGroups: [copyleft]}
                  owned-source: {severity: FAIL}
                """);
        GateResult g = core.sbomRelease().gate(release, ReleasePolicy.load(yaml));
        assertThat(g.findings()).extracting(Finding::rule, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ReleasePolicy.COPYLEFT_DERIVATIVE_SOURCE, Severity.WARN),
                org.assertj.core.groups.Tuple.tuple(ReleasePolicy.OWNED_SOURCE, Severity.FAIL));
        Path json = Files.writeString(tmp.resolve("p.json"), """
                {"licenceGroups": {"copyleft": {"ids": ["GPL-2.0-only"]}, "proprietary": {"patterns": ["LicenseRef-*"]}},
                 "rules": {"copyleft-derivative-source": {"severity": "OFF"}, "owned-source": {"severity": "OFF"}}}
                """);
        assertThat(core.sbomRelease().gate(release, ReleasePolicy.load(json)).findings()).isEmpty();
    }

    @Test
    void badPolicyFilesAreRefusedWithTheFileAndWhat() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"licenceGroups: {a: {ids: [MIT]}}\nrules: {no-such-rule: {severity: FAIL}}", "unknown rule 'no-such-rule'"},
                new String[] {"licenceGroups: {a: {ids: [MIT]}, b: {ids: [mit]}}", "licence id mit is in two groups, a and b"},
                new String[] {"licenceGroups: {a: {ids: [MIT]}}\nrules: {copyleft-derivative-source: {nativeGroups: [gpl]}}", "'gpl'"},
                new String[] {"licenceGroups: {a: {idz: [MIT]}}", "line 1: unknown field 'idz'"},
                new String[] {"licenceGroups: {a: {ids: [MIT]}}\nrules: {owned-source: {severity: MAYBE}}", "severity 'MAYBE' is not FAIL, WARN or OFF"},
                new String[] {"licenceGroups: {a: {ids: [MIT]}}\nrules: \"unterminated", "not valid YAML"},
                new String[] {"licenceGroups: [MIT]", "line 1: field 'licenceGroups' has the wrong type or value (expected a mapping"},
                new String[] {"", "empty policy file"});
        for (String[] c : cases) {
            Path f = Files.writeString(tmp.resolve("bad.yaml"), c[0]);
            assertThatThrownBy(() -> ReleasePolicy.load(f)).as(c[1]).isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith(f.toString() + ": ").hasMessageContaining(c[1]);
        }
    }

    @Test
    void defaultPolicyNamesOnlyListedLicencesAndTheSampleShipsTheSame() throws Exception {
        String text = new String(ReleasePolicy.class.getResourceAsStream(ReleasePolicy.DEFAULT_RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(Files.readString(Path.of("sample/release-policy.yaml"))).isEqualTo(text);
        ReleasePolicy p = ReleasePolicy.parse("default", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(p.groups()).containsExactly("copyleft", "weak-copyleft", "permissive", "proprietary");
        var yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text);
        yaml.get("licenceGroups").forEach(g -> {
            if (g.has("ids")) {
                g.get("ids").forEach(id -> assertThat(LicenceExpressions.isListed(id.asText())).as(id.asText()).isTrue());
            }
        });
        assertThat(p.groupOf("gpl-2.0-only")).contains("copyleft");
        assertThat(p.groupOf("LicenseRef-Anything")).contains("proprietary");
        assertThat(p.groupOf("Beerware")).isEmpty();
    }
}
