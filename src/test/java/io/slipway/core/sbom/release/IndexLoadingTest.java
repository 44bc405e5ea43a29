package io.slipway.core.sbom.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading an index loads and checks every document it names; every problem names the file. */
class IndexLoadingTest {
    @TempDir
    Path tmp;

    Path index;

    @BeforeEach
    void generate() {
        Path manifest = new ReleaseFixture(tmp.resolve("set"))
                .component("base", "open-source", 3, null, "Apache-2.0")
                .component("base-mod", "derivative", 1, "base", "Apache-2.0")
                .manifest();
        index = new SbomGenerator(() -> Instant.parse("2026-11-02T08:00:00Z"))
                .generate(ReleaseSetManifest.load(manifest), tmp.resolve("sbom")).index();
    }

    LoadedRelease load() {
        return SbomIndexLoader.load(index, Map.of(), Optional.empty());
    }

    @Test
    void loadsEveryDocumentWithItsTagsFilesAndReleaseSet() {
        LoadedRelease r = load();
        assertThat(r.name()).isEqualTo("fixture");
        assertThat(r.version()).isEqualTo("9.9");
        assertThat(r.components()).extracting(ReleaseComponent::id).containsExactly("base", "base-mod");
        ReleaseComponent mod = r.byId("base-mod").orElseThrow();
        assertThat(mod.tags().nativeId()).isEqualTo("base");
        assertThat(mod.tags().sourceId()).isEqualTo("base-mod@1.0");
        assertThat(mod.declaredLicence()).isEqualTo("Apache-2.0");
        assertThat(mod.files()).extracting(ComponentFile::spdxName)
                .containsExactly("./LICENSE", "./binary/libbase-mod.so", "./source/README", "./source/base-mod.c");
        assertThat(r.releaseSet()).isPresent();
        assertThat(r.releaseSetProblem()).isEmpty();
    }

    @Test
    void aMissingDocumentIsNamed() throws Exception {
        Path doc = tmp.resolve("sbom/components/base-mod.spdx.json");
        Files.delete(doc);
        assertThatThrownBy(this::load).isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith(index + ": DocumentRef-base-mod: referenced document " + doc + " is missing");
    }

    @Test
    void aChangedDocumentIsNamedWithBothChecksums() throws Exception {
        Path doc = tmp.resolve("sbom/components/base.spdx.json");
        String before = Spdx.sha1(doc);
        Files.writeString(doc, Files.readString(doc).replace("\"versionInfo\" : \"1.0\"", "\"versionInfo\" : \"1.1\""));
        assertThatThrownBy(this::load).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("DocumentRef-base: " + doc + " has SHA-1 " + Spdx.sha1(doc))
                .hasMessageContaining("index expects " + before);
    }

    @Test
    void aDocumentWithAnotherNamespaceIsRefused() throws Exception {
        ReleaseFixture.rewriteDocument(index, "base", d -> d.put("documentNamespace", "https://example.com/other"));
        assertThatThrownBy(this::load).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("is document https://example.com/other but the index expects");
    }

    @Test
    void aComponentDocumentIsNotAnIndex() {
        Path doc = tmp.resolve("sbom/components/base.spdx.json");
        assertThatThrownBy(() -> SbomIndexLoader.load(doc, Map.of(), Optional.empty()))
                .isInstanceOf(UserFacingException.class)
                .hasMessage(doc + ": not an SBOM index: it names no component documents (externalDocumentRefs is empty); "
                        + "make one with 'slipway sbom generate'");
    }

    @Test
    void brokenFilesGiveOneLineNamingTheFile() throws Exception {
        Path truncated = Files.writeString(tmp.resolve("truncated.json"), Files.readString(index).substring(0, 300));
        Path empty = Files.writeString(tmp.resolve("empty.json"), "");
        Path notJson = Files.writeString(tmp.resolve("tv.json"), "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n");
        for (Path p : new Path[] {truncated, empty, notJson, tmp.resolve("absent.json")}) {
            assertThatThrownBy(() -> SbomIndexLoader.load(p, Map.of(), Optional.empty())).as(p.toString())
                    .isInstanceOf(UserFacingException.class).hasMessageStartingWith(p + ": ")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void aDocumentLocationLeavingTheIndexFolderIsRefused() {
        ReleaseFixture.rewriteIndex(index, idx -> idx.get("packages").forEach(p -> p.path("annotations").forEach(a -> {
            if (a.get("comment").asText().startsWith("slipway-index:document=")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) a).put("comment",
                        "slipway-index:document=../../etc/passwd");
            }
        })));
        assertThatThrownBy(this::load).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("document location '../../etc/passwd' contains '..'");
    }

    /** The browser only warns about bad tags; a release is refused, naming the document, package and tag. */
    @Test
    void aBadOrForeignTagInAComponentDocumentIsRefused() {
        Path doc = tmp.resolve("sbom/components/base-mod.spdx.json");
        ReleaseFixture.rewriteDocument(index, "base-mod", d -> d.get("packages").get(0).get("annotations")
                .forEach(a -> retag((com.fasterxml.jackson.databind.node.ObjectNode) a, "slipway:mode=1",
                        "slipway:mode=7")));
        assertThatThrownBy(this::load).isInstanceOf(UserFacingException.class)
                .hasMessage(doc + ": package SPDXRef-base-mod: slipway:mode: release mode must be 1, 2 or 3, not '7'");

        ReleaseFixture.rewriteDocument(index, "base-mod", d -> d.get("packages").get(0).get("annotations")
                .forEach(a -> {
                    retag((com.fasterxml.jackson.databind.node.ObjectNode) a, "slipway:mode=7", "slipway:mode=1");
                    retag((com.fasterxml.jackson.databind.node.ObjectNode) a, "slipway:id=base-mod", "slipway:id=base");
                }));
        assertThatThrownBy(this::load).isInstanceOf(UserFacingException.class)
                .hasMessage(doc + ": package SPDXRef-base-mod: slipway:id is 'base' but the index names it "
                        + "DocumentRef-base-mod");
    }

    private static void retag(com.fasterxml.jackson.databind.node.ObjectNode annotation, String from, String to) {
        if (annotation.get("comment").asText().equals(from)) {
            annotation.put("comment", to);
        }
    }

    @Test
    void aMissingReleaseSetOnlyMattersForPublishing() throws Exception {
        Files.delete(tmp.resolve("set/release-set.json"));
        LoadedRelease r = load();
        assertThat(r.releaseSet()).isEmpty();
        assertThat(r.releaseSetProblem().orElseThrow()).contains("release-set.json");
        ReleasePlan plan = ReleasePlanner.plan(r);
        assertThat(plan.entries()).hasSize(2);
        assertThatThrownBy(() -> new Publisher(Clock.SYSTEM).publish(r, plan, new GateResult(java.util.List.of()),
                tmp.resolve("out"), false, PublishProgress.NONE)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("release-set.json").hasMessageContaining("needed for derivative/base-mod-1.0/");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void generationIsReproducibleForTheSameInputAndClock() throws Exception {
        String first = Files.readString(tmp.resolve("sbom/components/base-mod.spdx.json"));
        new SbomGenerator(() -> Instant.parse("2026-11-02T08:00:00Z"))
                .generate(ReleaseSetManifest.load(tmp.resolve("set")), tmp.resolve("sbom"));
        assertThat(Files.readString(tmp.resolve("sbom/components/base-mod.spdx.json"))).isEqualTo(first);
    }
}
