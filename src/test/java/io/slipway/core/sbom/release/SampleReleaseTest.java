package io.slipway.core.sbom.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.common.Json;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import io.slipway.core.sbom.read.ComponentTags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.model.v2.ExternalDocumentRef;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.library.model.v2.SpdxElement;
import org.spdx.library.model.v2.SpdxFile;
import org.spdx.library.model.v2.SpdxPackage;
import org.spdx.library.model.v2.license.ExtractedLicenseInfo;
import org.spdx.storage.simple.InMemSpdxStore;

/** The sample release set end to end: generate, verify, gate, plan, publish, and walk what was published. */
class SampleReleaseTest {
    static final Path SAMPLE = Path.of("sample/release-set");

    @TempDir
    Path tmp;

    SlipwayCore core;
    JsonNode manifest;

    @BeforeEach
    void open() throws IOException {
        core = SlipwayCore.open(tmp.resolve("ws"), Optional.empty());
        manifest = Json.MAPPER.readTree(SAMPLE.resolve("release-set.json").toFile());
    }

    @AfterEach
    void close() {
        core.close();
    }

    GenerateResult generate() {
        return core.sbomRelease().generate(SAMPLE, tmp.resolve("sbom"));
    }

    static SpdxDocument readWithLibrary(Path file) throws Exception {
        Spdx.init();
        try (InputStream in = Files.newInputStream(file)) {
            return new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON_PRETTY).deSerialize(in, false);
        }
    }

    @Test
    void generatedDocumentsVerifyWithZeroErrorsAndDescribeTheFilesOnDisk() throws Exception {
        GenerateResult r = generate();
        assertThat(r.notes()).isEmpty();
        assertThat(r.documents()).hasSize(manifest.get("components").size());

        for (JsonNode c : manifest.get("components")) {
            String id = c.get("id").asText();
            Path docFile = tmp.resolve("sbom/components/" + id + ".spdx.json");
            SpdxDocument doc = readWithLibrary(docFile);
            assertThat(doc.verify()).as(id).isEmpty();
            assertThat(doc.getSpecVersion()).isEqualTo("SPDX-2.3");
            SpdxPackage pkg = (SpdxPackage) doc.getDocumentDescribes().iterator().next();
            assertThat(pkg.getId()).isEqualTo("SPDXRef-" + id);
            assertThat(pkg.getName()).contains(c.get("name").asText());
            assertThat(pkg.getVersionInfo()).contains(c.get("version").asText());
            assertThat(pkg.getSupplier()).contains(c.get("supplier").asText());
            assertThat(pkg.getLicenseDeclared().toString()).isEqualTo(c.get("licence").asText());
            assertThat(pkg.getCopyrightText()).contains(c.get("copyright").asText().split("\n")[0]);
            assertThat(pkg.getSourceInfo().orElseThrow()).contains(c.get("name").asText() + "@");
            String download = c.has("downloadLocation") ? c.get("downloadLocation").asText() : "NOASSERTION";
            assertThat(pkg.getDownloadLocation()).contains(download);

            // every file of src/, bin/ and the LICENSE, with the SHA-1 and SHA-256 of the bytes on disk
            Map<String, Path> onDisk = new TreeMap<>();
            listFiles(SAMPLE.resolve(c.get("sourceDir").asText())).forEach((rel, p) -> onDisk.put("./source/" + rel, p));
            listFiles(SAMPLE.resolve(c.get("binaryDir").asText())).forEach((rel, p) -> onDisk.put("./binary/" + rel, p));
            onDisk.put("./LICENSE", SAMPLE.resolve(id).resolve("LICENSE"));
            Map<String, SpdxFile> described = new TreeMap<>();
            for (SpdxFile f : pkg.getFiles()) {
                described.put(f.getName().orElseThrow(), f);
            }
            assertThat(described.keySet()).as(id).isEqualTo(onDisk.keySet());
            List<String> sha1s = new ArrayList<>();
            for (Map.Entry<String, SpdxFile> f : described.entrySet()) {
                byte[] bytes = Files.readAllBytes(onDisk.get(f.getKey()));
                Map<String, String> sums = new HashMap<>();
                f.getValue().getChecksums().forEach(cs -> {
                    try {
                        sums.put(cs.getAlgorithm().name(), cs.getValue());
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                assertThat(sums).containsEntry("SHA1", hex("SHA-1", bytes)).containsEntry("SHA256", hex("SHA-256", bytes));
                sha1s.add(hex("SHA-1", bytes));
            }
            sha1s.sort(null);
            assertThat(pkg.getPackageVerificationCode().orElseThrow().getValue())
                    .isEqualTo(hex("SHA-1", String.join("", sha1s).getBytes(StandardCharsets.US_ASCII)));
            // the tag annotation
            assertThat(ComponentTags.read(pkg)).isEqualTo(new ComponentTags.Parsed(manifestTags(c).annotatedAs(id),
                    List.of()));
            // LicenseRef-* licences come with their text, taken from the LICENSE file
            String licence = c.get("licence").asText();
            if (licence.startsWith("LicenseRef-")) {
                ExtractedLicenseInfo eli = doc.getExtractedLicenseInfos().stream()
                        .filter(e -> e.getLicenseId().equals(licence)).findFirst().orElseThrow();
                assertThat(eli.getExtractedText()).isEqualTo(Files.readString(SAMPLE.resolve(id).resolve("LICENSE")).strip());
            }
        }

        SpdxDocument index = readWithLibrary(r.index());
        assertThat(index.verify()).isEmpty();
        Map<String, String> refs = new TreeMap<>();
        for (ExternalDocumentRef ref : index.getExternalDocumentRefs()) {
            assertThat(ref.getChecksum().orElseThrow().getAlgorithm().name()).isEqualTo("SHA1");
            refs.put(ref.getId(), ref.getChecksum().orElseThrow().getValue());
        }
        assertThat(refs).hasSize(manifest.get("components").size());
        for (JsonNode c : manifest.get("components")) {
            String id = c.get("id").asText();
            assertThat(refs.get("DocumentRef-" + id))
                    .isEqualTo(hex("SHA-1", Files.readAllBytes(tmp.resolve("sbom/components/" + id + ".spdx.json"))));
        }
        // the index's packages describe the release: the release package contains one package per component
        SpdxPackage release = null;
        for (SpdxElement e : index.getDocumentDescribes()) {
            release = (SpdxPackage) e;
        }
        assertThat(release.getId()).isEqualTo(SbomIndexWriter.RELEASE_ID);
        assertThat(release.getRelationships()).hasSize(manifest.get("components").size());
    }

    @Test
    void sampleLoadsGatesCleanAndPlansPerMode() {
        GenerateResult r = generate();
        LoadedRelease release = core.sbomRelease().load(r.index(), Optional.empty());
        assertThat(release.name()).isEqualTo("adas-stack");
        assertThat(release.version()).isEqualTo("2.4.0");
        assertThat(release.components()).hasSize(11);
        assertThat(release.releaseSet()).isPresent();

        // Expected findings of the sample: none. Its derivatives of GPL/LGPL natives ship in mode 1, its
        // third-party LicenseRef licences are classified (proprietary), no owned component is in mode 1.
        GateResult gate = core.sbomRelease().gate(release, ReleasePolicy.defaultPolicy());
        assertThat(gate.findings()).isEmpty();
        assertThat(gate.status()).isEqualTo(GateResult.Status.PASS);

        ReleasePlan plan = core.sbomRelease().plan(release);
        Map<String, PlanEntry> byId = new HashMap<>();
        plan.entries().forEach(e -> byId.put(e.component().id(), e));
        assertThat(byId.get("zlib").summary()).isEqualTo("spdx");
        assertThat(byId.get("hmi-app").summary()).isEqualTo("spdx");
        assertThat(byId.get("lidar-sdk").summary()).isEqualTo("spdx + binary(1) + licence(1)");
        assertThat(byId.get("can-utils-adas").summary()).isEqualTo("spdx + source(2) + binary(1) + licence(2)");
        assertThat(byId.get("can-utils-adas").reason()).contains("also publishes its native can-utils per the native's own mode 3");
        assertThat(byId.get("can-utils").pulledInBy()).containsExactly("can-utils-adas");
        assertThat(byId.get("ffmpeg").pulledInBy()).containsExactly("ffmpeg-adas");
        assertThat(byId.get("perception-core").folder()).isEqualTo("owned/perception-core-2.4.0");
    }

    @Test
    void publishedTreeIsExactlyWhatTheModesAllow() throws Exception {
        GenerateResult r = generate();
        LoadedRelease release = core.sbomRelease().load(r.index(), Optional.empty());
        Path out = tmp.resolve("published");
        List<long[]> progress = new ArrayList<>();
        PublishResult result = core.sbomRelease().publish(release, ReleasePolicy.defaultPolicy(), out, false,
                (doneBytes, totalBytes, doneFiles, totalFiles, message) ->
                        progress.add(new long[] {doneBytes, totalBytes, doneFiles, totalFiles}));

        // expected: derived from the release set on disk and the modes in the manifest, not from the plan
        Map<String, Path> published = PublishedTree.assertExactlyWhatTheModesAllow(out, SAMPLE,
                id -> tmp.resolve("sbom/components/" + id + ".spdx.json"), Map.of());
        // nothing else anywhere (owned sources in particular)
        assertThat(published.keySet()).noneMatch(p -> p.startsWith("owned/") && p.contains("/source/"));
        assertThat(published.keySet()).noneMatch(p -> p.startsWith("open-source/") && !p.contains("/spdx/"));

        // SHA256SUMS covers every other file and verifies
        Map<String, String> sums = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("SHA256SUMS"))) {
            assertThat(line).matches("[0-9a-f]{64}  \\S.*");
            sums.put(line.substring(66), line.substring(0, 64));
        }
        Set<String> withoutSums = new TreeSet<>(published.keySet());
        withoutSums.remove("SHA256SUMS");
        assertThat(sums.keySet()).isEqualTo(withoutSums);
        for (Map.Entry<String, String> s : sums.entrySet()) {
            assertThat(hex("SHA-256", Files.readAllBytes(out.resolve(s.getKey())))).as(s.getKey()).isEqualTo(s.getValue());
        }

        // NOTICE: licence and copyright of every component, and the texts
        String notice = Files.readString(out.resolve("NOTICE"));
        for (JsonNode c : manifest.get("components")) {
            assertThat(notice).contains(c.get("name").asText() + " " + c.get("version").asText(),
                    "Licence: " + c.get("licence").asText(), c.get("copyright").asText().split("\n")[0]);
        }
        assertThat(notice).contains("GNU GENERAL PUBLIC LICENSE", "vendor-lidar-sdk is distributed under LicenseRef-Acme-Lidar-EULA");

        // the published index verifies and loads from the published tree alone
        assertThat(readWithLibrary(out.resolve("sbom-index.spdx.json")).verify()).isEmpty();
        LoadedRelease again = core.sbomRelease().load(out.resolve("sbom-index.spdx.json"), Optional.empty());
        assertThat(again.components()).hasSize(11);
        assertThat(again.releaseSet()).isEmpty();
        assertThat(core.sbomRelease().plan(again).entries()).extracting(PlanEntry::summary)
                .isEqualTo(core.sbomRelease().plan(release).entries().stream().map(PlanEntry::summary).toList());

        // progress reached the totals; nothing left next to the output
        long[] last = progress.get(progress.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]).isEqualTo(result.bytes());
        assertThat(last[2]).isEqualTo(last[3]).isEqualTo(result.files());
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ws", "sbom", "published");
        }

        // audited with the plan and the findings
        AuditEvent event = core.audit().latest(1).get(0);
        assertThat(event.action()).isEqualTo(ReleaseService.AUDIT_PUBLISHED);
        JsonNode details = Json.MAPPER.readTree(event.detailsJson());
        assertThat(details.get("plan")).hasSize(11);
        assertThat(details.get("findings")).isEmpty();
        assertThat(details.get("gate").asText()).isEqualTo("PASS");
        assertThat(core.audit().verify().intact()).isTrue();
    }

    /** The tags the manifest gives component {@code c}: type, mode, native, and source id name@version. */
    static Tags manifestTags(JsonNode c) {
        return new Tags(ComponentType.fromLabel(c.get("type").asText()), ReleaseMode.of(c.get("mode").asInt()),
                c.get("native").isNull() ? null : c.get("native").asText(),
                c.get("name").asText() + "@" + c.get("version").asText());
    }

    static Map<String, Path> listFiles(Path dir) throws IOException {
        return PublishedTree.listFiles(dir);
    }

    static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
