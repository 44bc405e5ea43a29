package io.slipway.core.sbom.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Json;
import io.slipway.core.sbom.Component;
import io.slipway.core.sbom.read.ComponentTags;
import io.slipway.core.sbom.read.SbomDocument;
import io.slipway.core.sbom.read.SbomPackage;
import io.slipway.core.sbom.read.SbomReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tag reader for both sides: the SBOM generated from the sample release set reads back to the manifest's tags
 * through the browse path (both {@link SbomReader} engines, component documents and index) and the release path
 * ({@link ReleaseService#load}), with the same component ids.
 */
class SampleTagsReadAlikeTest {
    @TempDir
    Path tmp;

    @Test
    void browsePathAndReleasePathReadTheSameTags() throws Exception {
        Map<String, Tags> expected = manifestTags();
        try (SlipwayCore core = SlipwayCore.open(tmp.resolve("ws"), Optional.empty())) {
            Path index = core.sbomRelease().generate(SampleReleaseTest.SAMPLE, tmp.resolve("sbom")).index();
            LoadedRelease release = core.sbomRelease().load(index, Optional.empty());

            Map<String, Tags> releaseSide = new TreeMap<>();
            release.components().forEach(c -> releaseSide.put(c.id(), c.sbomTags()));
            assertThat(releaseSide).isEqualTo(expected);

            for (SbomReader.Engine engine : SbomReader.Engine.values()) {
                for (ReleaseComponent c : release.components()) {
                    SbomDocument doc = SbomReader.read(c.document(), engine);
                    SbomPackage pkg = doc.packageById("SPDXRef-" + c.id()).orElseThrow();
                    assertThat(pkg.tags()).as(engine + " " + c.id()).isEqualTo(c.sbomTags().annotatedAs(c.id()));
                    assertThat(doc.warnings()).as(engine + " " + c.id()).isEmpty();
                    Component browsed = pkg.component().orElseThrow();
                    assertThat(browsed.id()).isEqualTo(c.id());
                    assertThat(browsed.nativeId()).isEqualTo(c.tags().nativeId());
                }
                Map<String, Tags> indexBrowsed = new TreeMap<>();
                for (SbomPackage p : SbomReader.read(index, engine).packages()) {
                    if (!p.tags().isEmpty()) {
                        indexBrowsed.put(p.tags().id(), Tags.of(p.tags()));
                    }
                }
                assertThat(indexBrowsed).as(engine + " index").isEqualTo(expected);
            }
        }
    }

    private static Map<String, Tags> manifestTags() throws Exception {
        JsonNode manifest = Json.MAPPER.readTree(
                SampleReleaseTest.SAMPLE.resolve(ReleaseSetManifest.FILE_NAME).toFile());
        Map<String, Tags> out = new TreeMap<>();
        for (JsonNode c : manifest.get("components")) {
            out.put(c.get("id").asText(), SampleReleaseTest.manifestTags(c));
        }
        return out;
    }
}
