package io.slipway.core.sbom.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Json;
import io.slipway.core.sbom.read.FindingSeverity;
import io.slipway.core.sbom.read.ReadFinding;
import io.slipway.core.sbom.read.SbomDocument;
import io.slipway.core.sbom.read.SbomReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strict where it matters: what Slipway generates reads with no error or warning finding, and a component
 * document with an error finding (that spdx-java-library still loads) is a release-gate FAIL naming the
 * component, so it is not published.
 */
class ComponentDocumentFindingsTest {
    @TempDir
    Path tmp;

    SlipwayCore core;
    ReleaseFixture fx;

    @BeforeEach
    void open() {
        core = SlipwayCore.open(tmp.resolve("ws"), Optional.empty());
        fx = new ReleaseFixture(tmp.resolve("set"))
                .component("busybox", "open-source", 3, null, "GPL-2.0-only")
                .component("busybox-mod", "derivative", 1, "busybox", "GPL-2.0-only")
                .component("perception", "owned", 2, null, "LicenseRef-Slipway-Proprietary")
                .component("lidar-sdk", "third-party", 2, null, "MIT");
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void documentsSlipwayGeneratesHaveNoErrorOrWarningFindings() throws Exception {
        GenerateResult r = core.sbomRelease().generate(fx.manifest(), tmp.resolve("sbom"));
        List<Path> documents;
        try (Stream<Path> files = Files.walk(r.index().getParent())) {
            documents = files.filter(p -> p.toString().endsWith(".spdx.json")).sorted().toList();
        }
        assertThat(documents).hasSize(5); // the index and four component documents
        for (Path d : documents) {
            SbomDocument doc = SbomReader.read(d);
            assertThat(doc.findings()).as(d.toString())
                    .filteredOn(f -> f.severity() != FindingSeverity.INFO).isEmpty();
        }
        assertThat(core.sbomRelease().gate(core.sbomRelease().load(r.index(), Optional.empty()),
                ReleasePolicy.defaultPolicy()).findings()).extracting(Finding::rule)
                .doesNotContain(ReleaseGate.DOCUMENT_ERRORS);
    }

    @Test
    void aComponentDocumentWithAnErrorFindingFailsTheGateNamingTheComponentAndIsNotPublished() throws Exception {
        GenerateResult r = core.sbomRelease().generate(fx.manifest(), tmp.resolve("sbom"));
        Path doc = r.index().getParent().resolve("components/lidar-sdk.spdx.json");
        // a second package without a name: spdx-java-library loads it, the reader finds a missing required field
        ObjectNode json = (ObjectNode) Json.MAPPER.readTree(doc.toFile());
        ((ArrayNode) json.get("packages")).addObject().put("SPDXID", "SPDXRef-Package-nameless")
                .put("downloadLocation", "NOASSERTION");
        String before = Spdx.sha1(doc);
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(doc.toFile(), json);
        // keep the index's checksum true, so only the defect (not a changed document) is what the gate sees
        Files.writeString(r.index(), Files.readString(r.index()).replace(before, Spdx.sha1(doc)));

        List<ReadFinding> errors = SbomReader.read(doc).errors();
        assertThat(errors).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("missing-field");
            assertThat(f.elementId()).isEqualTo("SPDXRef-Package-nameless");
        });
        LoadedRelease release = core.sbomRelease().load(r.index(), Optional.empty());
        GateResult gate = core.sbomRelease().gate(release, ReleasePolicy.defaultPolicy());
        assertThat(gate.findings()).filteredOn(f -> f.rule().equals(ReleaseGate.DOCUMENT_ERRORS)).singleElement()
                .satisfies(f -> {
                    assertThat(f.componentId()).isEqualTo("lidar-sdk");
                    assertThat(f.severity()).isEqualTo(Severity.FAIL);
                    assertThat(f.message()).contains("lidar-sdk.spdx.json", "1 error finding",
                            "package SPDXRef-Package-nameless has no name");
                    assertThat(f.fix()).contains("slipway sbom validate");
                });
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> core.sbomRelease().publish(release, ReleasePolicy.defaultPolicy(), out, true,
                PublishProgress.NONE)).isInstanceOf(ReleaseBlockedException.class)
                .hasMessageContaining("release-gate FAIL");
        assertThat(out).doesNotExist();
    }
}
