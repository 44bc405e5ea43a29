package io.slipway.core.sbom.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.slipway.core.sbom.Component;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One document in every format spdx-java-library writes (generated from adas-stack.spdx.json by FixtureFormats)
 * reads to the same components; the format is recognised from the content whatever the file is called.
 */
class SbomFormatsTest {
    static final Path DIR = Path.of("src/test/resources/sbom");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "adas-stack.spdx.json,    SPDX_JSON,      SPDX-2.3",
        "adas-stack.spdx,         SPDX_TAG_VALUE, SPDX-2.3",
        "adas-stack.spdx.rdf.xml, SPDX_RDF_XML,   SPDX-2.3",
        "adas-stack.spdx.yaml,    SPDX_YAML,      SPDX-2.3",
        "adas-stack.spdx.xml,     SPDX_XML,       SPDX-2.3",
        "adas-stack.spdx3.jsonld, SPDX3_JSON_LD,  SPDX-3.0.1",
    })
    void everySpdxFormatReadsToTheSameComponents(String name, SbomFormat format, String version) {
        SbomDocument doc = SbomReader.read(DIR.resolve(name));
        assertThat(doc.format()).isEqualTo(format);
        assertThat(doc.spdxVersion()).isEqualTo(version);
        assertThat(doc.name()).isEqualTo("adas-stack-2.4.0");
        assertThat(doc.packages()).hasSize(6);
        assertThat(doc.files()).hasSize(1);
        assertThat(doc.relationships()).hasSize(7);
        assertThat(doc.warnings()).isEmpty();
        assertThat(doc.creators()).contains("Organization: Slipway Automotive");
        assertThat(doc.packages()).extracting(SbomPackage::name, SbomPackage::version).contains(
                tuple("zlib", "1.3.1"), tuple("can-utils", "2023.03"), tuple("can-utils-adas", "2023.03-adas1"),
                tuple("vendor-lidar-sdk", "4.2.0"), tuple("perception-core", "2.4.0"), tuple("glibc", "2.36"));
        Map<String, Component> components = doc.components().stream()
                .collect(Collectors.toMap(Component::id, Function.identity()));
        assertThat(components.keySet()).containsExactlyInAnyOrder("zlib", "can-utils", "can-utils-adas", "lidar-sdk",
                "perception-core");
        assertThat(components.get("can-utils-adas")).satisfies(c -> {
            assertThat(c.type()).isEqualTo(ComponentType.DERIVATIVE);
            assertThat(c.mode()).isEqualTo(ReleaseMode.FULL);
            assertThat(c.nativeId()).isEqualTo("can-utils");
            assertThat(c.declaredLicence()).isEqualTo("GPL-2.0-only");
        });
        assertThat(components.get("lidar-sdk")).satisfies(c -> {
            assertThat(c.name()).isEqualTo("vendor-lidar-sdk");
            assertThat(c.type()).isEqualTo(ComponentType.THIRD_PARTY);
            assertThat(c.mode()).isEqualTo(ReleaseMode.BINARY);
        });
        assertThat(components.get("zlib").supplier()).endsWith("zlib project");
        assertThat(doc.packages()).filteredOn(p -> p.name().equals("glibc")).singleElement()
                .satisfies(p -> assertThat(p.component()).isEmpty());
        assertThat(doc.relationships()).extracting(SbomRelationship::type)
                .contains("DESCRIBES", "DEPENDS_ON", "CONTAINS");
    }

    @Test
    void cycloneDxJsonImportsIntoTheSameModel() {
        SbomDocument doc = SbomReader.read(DIR.resolve("adas-stack.cdx.json"));
        assertThat(doc.format()).isEqualTo(SbomFormat.CYCLONEDX_JSON);
        assertThat(doc.spdxVersion()).isEqualTo("CycloneDX-1.5");
        assertThat(doc.reader()).isEqualTo(CycloneDxReader.READER);
        assertThat(doc.name()).isEqualTo("perception-core");
        assertThat(doc.created()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(doc.creators()).containsExactly("Tool: slipway-0.1.0");
        // metadata.component + 3 top-level libraries + 1 nested; the file component is a file
        assertThat(doc.packages()).extracting(SbomPackage::name, SbomPackage::version, SbomPackage::declaredLicence)
                .containsExactlyInAnyOrder(
                        tuple("perception-core", "2.4.0", "LicenseRef-Slipway-Proprietary"),
                        tuple("zlib", "1.3.1", "Zlib"),
                        tuple("can-utils-adas", "2023.03-adas1", "GPL-2.0-only"),
                        tuple("can-utils", "2023.03", "GPL-2.0-only"),
                        tuple("com.google.protobuf/protobuf-java", "3.21.12", "BSD-3-Clause"));
        assertThat(doc.files()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("src/perception_core.cpp");
            assertThat(f.checksums()).extracting(SbomChecksum::algorithm).containsExactly("SHA256");
        });
        assertThat(doc.packageById("pkg:generic/zlib@1.3.1")).get().satisfies(p -> {
            assertThat(p.supplier()).isEqualTo("Organization: zlib project");
            assertThat(p.downloadLocation()).isEqualTo("https://zlib.net/zlib-1.3.1.tar.gz");
            assertThat(p.purl()).isEqualTo("pkg:generic/zlib@1.3.1");
        });
        assertThat(doc.relationships()).extracting(SbomRelationship::toString).containsExactlyInAnyOrder(
                "SPDXRef-DOCUMENT DESCRIBES perception-core@2.4.0",
                "pkg:generic/can-utils-adas@2023.03-adas1 CONTAINS pkg:github/linux-can/can-utils@v2023.03",
                "perception-core@2.4.0 DEPENDS_ON pkg:generic/zlib@1.3.1",
                "perception-core@2.4.0 DEPENDS_ON pkg:generic/can-utils-adas@2023.03-adas1",
                "perception-core@2.4.0 DEPENDS_ON pkg:maven/com.google.protobuf/protobuf-java@3.21.12",
                "pkg:generic/can-utils-adas@2023.03-adas1 DEPENDS_ON pkg:github/linux-can/can-utils@v2023.03");
        assertThat(doc.components()).extracting(Component::id, Component::type, Component::mode, Component::nativeId)
                .containsExactlyInAnyOrder(
                        tuple("perception-core", ComponentType.OWNED, ReleaseMode.BINARY, null),
                        tuple("zlib", ComponentType.OPEN_SOURCE, ReleaseMode.SPDX_ONLY, null),
                        tuple("can-utils-adas", ComponentType.DERIVATIVE, ReleaseMode.FULL, "can-utils"));
    }

    @Test
    void aTagValueFileNamedJsonOpensAsTagValueWithAWarning() throws Exception {
        Path misnamed = Files.copy(DIR.resolve("adas-stack.spdx"), tmp.resolve("adas-stack.json"));
        SbomDocument doc = SbomReader.read(misnamed);
        assertThat(doc.format()).isEqualTo(SbomFormat.SPDX_TAG_VALUE);
        assertThat(doc.packages()).hasSize(6);
        assertThat(doc.warnings()).extracting(ReadFinding::toString).containsExactly(
                "file name: the name 'adas-stack.json' suggests another format, but the content is SPDX tag-value: "
                        + "read as SPDX tag-value");
    }

    @Test
    void jsonWithoutAnExtensionAndWithSpdxVersionLateIsStillRecognised() throws Exception {
        // spdxVersion/SPDXID after the packages: detection must stream past them
        String reordered = "{\"packages\": [], \"relationships\": [], \"name\": \"x\", \"spdxVersion\": \"SPDX-2.3\", "
                + "\"SPDXID\": \"SPDXRef-DOCUMENT\"}";
        Path f = Files.writeString(tmp.resolve("no-extension"), reordered);
        assertThat(FormatDetector.detect(f)).isEqualTo(SbomFormat.SPDX_JSON);
        assertThat(SbomReader.read(f).packages()).isEmpty();
    }

    @Test
    void everyFormatIsAlsoReadByTheLibraryEngineAndTheFastEngineRefusesRdfAndSpdx3() {
        for (String name : List.of("adas-stack.spdx", "adas-stack.spdx.yaml", "adas-stack.spdx.xml")) {
            assertThat(SbomReader.read(DIR.resolve(name), SbomReader.Engine.LIBRARY).packages()).hasSize(6);
            assertThat(SbomReader.read(DIR.resolve(name), SbomReader.Engine.FAST).packages()).hasSize(6);
        }
        for (String name : List.of("adas-stack.spdx.rdf.xml", "adas-stack.spdx3.jsonld")) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> SbomReader.read(DIR.resolve(name), SbomReader.Engine.FAST)))
                    .isInstanceOf(SbomReadException.class)
                    .hasMessageContaining("the streaming readers read SPDX JSON, YAML, XML and tag-value only");
        }
    }
}
