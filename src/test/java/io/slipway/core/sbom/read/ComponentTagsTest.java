package io.slipway.core.sbom.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.Component;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.ModelCopyManager;
import org.spdx.library.model.v2.SpdxCreatorInformation;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.library.model.v2.license.SpdxNoAssertionLicense;
import org.spdx.storage.simple.InMemSpdxStore;

class ComponentTagsTest {
    private static final String DATE = "2026-11-01T10:00:00Z";

    @TempDir
    Path tmp;

    private static SbomAnnotation note(String comment) {
        return new SbomAnnotation(ComponentTags.ANNOTATOR, "OTHER", DATE, comment);
    }

    private static SbomPackage pkg(String name, String version, List<SbomAnnotation> annotations) {
        return new SbomPackage("SPDXRef-" + name, name, version, "Organization: Acme", null, "MIT", "NOASSERTION",
                "Copyright Acme", "NOASSERTION", null, List.of(), annotations, ComponentTags.NONE, 0);
    }

    @Test
    void parsesOneTagPerAnnotationAndSeveralPerComment() {
        ComponentTags.Parsed p = ComponentTags.parse(List.of(
                note("slipway:type=derivative"),
                note("slipway:mode=1\nslipway:native=can-utils"),
                new SbomAnnotation("Person: Jane", "REVIEW", DATE, "looks fine"),
                note("  slipway:id = can-utils-adas  ")));
        assertThat(p.problems()).isEmpty();
        assertThat(p.tags()).isEqualTo(new ComponentTags("can-utils-adas", ComponentType.DERIVATIVE, ReleaseMode.FULL,
                "can-utils", null));
    }

    @Test
    void packagesWithoutTagsOrWithOnlyPartOfThemAreNoComponents() {
        assertThat(ComponentTags.parse(List.of(new SbomAnnotation("Tool: syft", "OTHER", DATE, "scanned"))).tags())
                .isEqualTo(ComponentTags.NONE);
        ComponentTags typeOnly = ComponentTags.parse(List.of(note("slipway:type=owned"))).tags();
        assertThat(typeOnly.toComponent(pkg("hmi", "2.0.0", List.of()))).isEmpty();
    }

    @Test
    void badValuesAndConflictsAreProblemsNotFailures() {
        ComponentTags.Parsed p = ComponentTags.parse(List.of(
                note("slipway:mode=7"),
                note("slipway:type=closed"),
                note("slipway:colour=red"),
                note("slipway:source-id=no-version"),
                note("slipway:native"),
                note("slipway:id=a"),
                new SbomAnnotation(ComponentTags.ANNOTATOR, "OTHER", "2026-11-02T10:00:00Z", "slipway:id=b")));
        assertThat(p.tags()).isEqualTo(new ComponentTags("b", null, null, null, null));
        assertThat(p.problems()).containsExactlyInAnyOrder(
                "slipway:mode: release mode must be 1, 2 or 3, not '7'",
                "slipway:type: unknown component type 'closed' (expected open-source, third-party, derivative or owned)",
                "unknown tag 'slipway:colour' (known: id, type, mode, native, source-id)",
                "annotation 'slipway:native' has no '=' (expected slipway:<key>=<value>)",
                "tag slipway:id given twice ('a', then 'b'): the last one is used",
                "slipway:source-id: 'no-version' is not name@version");
    }

    @Test
    void componentTakesIdAndSourceFromTagsAndTheRestFromThePackage() {
        SbomPackage p = pkg("vendor-lidar-sdk", "4.2.0", List.of());
        ComponentTags tags = new ComponentTags("lidar-sdk", ComponentType.THIRD_PARTY, ReleaseMode.BINARY, null,
                "@acme/lidar-sdk@4.2.0-src");
        assertThat(tags.toComponent(p)).contains(new Component("lidar-sdk", "@acme/lidar-sdk", "4.2.0-src",
                ComponentType.THIRD_PARTY, ReleaseMode.BINARY, null, "Organization: Acme", "MIT", "NOASSERTION",
                "Copyright Acme"));
        ComponentTags noId = new ComponentTags(null, ComponentType.OWNED, ReleaseMode.SPDX_ONLY, null, null);
        assertThat(noId.toComponent(p)).get().extracting(Component::id, Component::name, Component::version)
                .containsExactly("vendor-lidar-sdk", "vendor-lidar-sdk", "4.2.0");
    }

    @Test
    void writerCommentsRoundTripThroughTheParser() {
        Component c = new Component("ffmpeg-adas", "ffmpeg-adas", "6.1-adas2", ComponentType.DERIVATIVE,
                ReleaseMode.FULL, "ffmpeg", "Organization: Slipway Automotive", "LGPL-2.1-or-later", "NOASSERTION", null);
        ComponentTags tags = ComponentTags.of(c);
        assertThat(tags.comments()).containsExactly("slipway:id=ffmpeg-adas", "slipway:type=derivative",
                "slipway:mode=1", "slipway:native=ffmpeg", "slipway:source-id=ffmpeg-adas@6.1-adas2");
        assertThat(ComponentTags.parse(tags.annotations(DATE))).isEqualTo(new ComponentTags.Parsed(tags, List.of()));
        assertThat(tags.spdxJsonAnnotations(DATE).get(0)).containsExactly(Map.entry("annotationDate", DATE),
                Map.entry("annotationType", "OTHER"), Map.entry("annotator", "Tool: slipway"),
                Map.entry("comment", "slipway:id=ffmpeg-adas"));
        assertThatThrownBy(() -> ComponentTags.comment("id", "two\nlines")).isInstanceOf(UserFacingException.class);
    }

    /** The release side writes tags with spdx-java-library; the streaming reader must read them back. */
    @Test
    void tagsWrittenWithSpdxJavaLibraryReadBackThroughBothReaders() throws Exception {
        SpdxOffline.init();
        String uri = "https://slipway.example/spdx/tags-roundtrip";
        MultiFormatStore store = new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON_PRETTY);
        ModelCopyManager cm = new ModelCopyManager();
        SpdxDocument doc = new SpdxDocument(store, uri, cm, true);
        doc.setSpecVersion("SPDX-2.3");
        doc.setName("tags-roundtrip");
        SpdxCreatorInformation info = doc.createCreationInfo(List.of("Tool: slipway-0.1.0"), DATE);
        doc.setCreationInfo(info);
        SpdxPackage p = doc.createPackage("SPDXRef-Package-ffmpeg-adas", "ffmpeg-adas",
                new SpdxNoAssertionLicense(), "NOASSERTION", new SpdxNoAssertionLicense())
                .setVersionInfo("6.1-adas2").setDownloadLocation("NOASSERTION").setFilesAnalyzed(false).build();
        ComponentTags tags = new ComponentTags("ffmpeg-adas", ComponentType.DERIVATIVE, ReleaseMode.FULL, "ffmpeg",
                null);
        tags.addTo(p, DATE);
        doc.getDocumentDescribes().add(p);
        Path file = tmp.resolve("tags.spdx.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.serialize(out);
        }
        for (SbomReader.Engine engine : List.of(SbomReader.Engine.FAST, SbomReader.Engine.LIBRARY)) {
            SbomDocument read = SbomReader.read(file, engine);
            assertThat(read.packages()).singleElement().extracting(SbomPackage::tags).isEqualTo(tags);
            assertThat(read.components()).singleElement().extracting(Component::nativeId).isEqualTo("ffmpeg");
        }
    }

    /** A writer that builds SPDX JSON with Jackson uses spdxJsonAnnotations; the same tags come back. */
    @Test
    void tagsWrittenAsJsonAnnotationsReadBack() throws Exception {
        ComponentTags tags = new ComponentTags("zlib", ComponentType.OPEN_SOURCE, ReleaseMode.SPDX_ONLY, null,
                "zlib@1.3.1");
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("SPDXID", "SPDXRef-zlib");
        pkg.put("name", "zlib");
        pkg.put("versionInfo", "1.3.1");
        pkg.put("downloadLocation", "NOASSERTION");
        pkg.put("annotations", tags.spdxJsonAnnotations(DATE));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("spdxVersion", "SPDX-2.3");
        doc.put("SPDXID", "SPDXRef-DOCUMENT");
        doc.put("name", "t");
        doc.put("documentNamespace", "https://slipway.example/t");
        doc.put("dataLicense", "CC0-1.0");
        doc.put("creationInfo", Map.of("created", DATE, "creators", List.of("Tool: slipway")));
        doc.put("packages", List.of(pkg));
        Path file = tmp.resolve("t.json");
        new ObjectMapper().writeValue(file.toFile(), doc);
        assertThat(SbomReader.read(file).packages().get(0).tags()).isEqualTo(tags);
        assertThat(SbomReader.read(file, SbomReader.Engine.LIBRARY).packages().get(0).tags()).isEqualTo(tags);
    }
}
