package io.slipway.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.core.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Manifest and config documents as real registries serve them (see src/test/resources/registry/README.md). */
class ManifestDocumentsTest {
    @Test
    void anOciImageManifestGivesConfigLayersAndTheTotalSize() throws IOException {
        ManifestDetails d = ManifestDocuments.parse("slipway/base", "1", "sha256:abc", ManifestInfo.OCI_MANIFEST,
                348, doc("podman-oci-manifest.json"));

        assertThat(d).isInstanceOf(ImageManifest.class);
        ImageManifest m = (ImageManifest) d;
        assertThat(m.config()).isEqualTo(new Descriptor(ManifestDocuments.OCI_CONFIG,
                "sha256:9ad3458a30d901bb3d7172552b52b283aeac7b6e9376f5344ec75800655bcaa9", 508));
        assertThat(m.layers()).containsExactly(new Descriptor("application/vnd.oci.image.layer.v1.tar+gzip",
                "sha256:68acced7f6b7fa578afa930612b33667a1d15efb4afc020439cd6059c3a46fa3", 1087931));
        assertThat(m.totalSize()).isEqualTo(508 + 1087931);
        assertThat(m.image()).isEqualTo(ImageConfig.NOT_READ);
        assertThat(ManifestDocuments.isImageConfig(m.config())).isTrue();
    }

    @Test
    void anImageConfigGivesCreatedPlatformAndLabels() throws IOException {
        ImageConfig c = ManifestDocuments.parseConfig(doc("podman-docker-config.json"));

        assertThat(c.read()).isTrue();
        assertThat(c.created()).contains(Instant.parse("2026-11-23T11:44:02.471770074Z"));
        assertThat(c.platform()).contains(new Platform("linux", "amd64", ""));
        assertThat(c.labels()).containsExactly(Map.entry("io.buildah.version", "1.28.2"),
                Map.entry("io.slipway.testenv", "base"), Map.entry("org.opencontainers.image.title", "try-arm"));
    }

    @Test
    void aDockerSchema2ManifestWithoutContentTypeIsReadFromItsOwnMediaType() throws IOException {
        ImageManifest m = (ImageManifest) ManifestDocuments.parse("try/list", "sha256:d679", "sha256:d679", "", 427,
                doc("podman-docker-manifest.json"));

        assertThat(m.mediaType()).isEqualTo(ManifestInfo.DOCKER_MANIFEST);
        assertThat(m.config().mediaType()).isEqualTo(ManifestDocuments.DOCKER_CONFIG);
        assertThat(m.totalSize()).isEqualTo(772 + 1087931);
    }

    @Test
    void anOciIndexPushedByPodmanListsItsPlatform() throws IOException {
        ImageIndex index = (ImageIndex) ManifestDocuments.parse("try/multi", "1", "sha256:3dd4",
                ManifestInfo.OCI_INDEX, 304, doc("podman-oci-index.json"));

        assertThat(index.manifests()).singleElement().satisfies(e -> {
            assertThat(e.platform()).contains(new Platform("linux", "arm64", "v8"));
            assertThat(e.label()).isEqualTo("linux/arm64/v8");
            assertThat(e.descriptor().digest())
                    .isEqualTo("sha256:4925065de74d8d6f12c3a7dd7c577c0159c052830dfa3e3bbf69584c5426a975");
            assertThat(e.descriptor().size()).isEqualTo(348);
        });
        assertThat(index.preferred()).contains(index.manifests().get(0));
    }

    @Test
    void aDockerManifestListPrefersLinuxAmd64() throws IOException {
        ImageIndex list = (ImageIndex) ManifestDocuments.parse("try/list", "1", "sha256:4928",
                ManifestInfo.DOCKER_LIST, 544, doc("podman-docker-manifest-list.json"));

        assertThat(list.manifests()).extracting(ImageIndex.Entry::label)
                .containsExactly("linux/amd64", "linux/arm64/v8");
        assertThat(list.preferred().map(ImageIndex.Entry::label)).contains("linux/amd64");
    }

    @Test
    void theSpecExampleIsAnIndexEvenWithoutAContentType() throws IOException {
        ManifestDetails d = ManifestDocuments.parse("x", "1", "sha256:1", "", 1, doc("oci-spec-index-example.json"));

        assertThat(d).isInstanceOfSatisfying(ImageIndex.class, index -> {
            assertThat(index.mediaType()).isEqualTo(ManifestInfo.OCI_INDEX);
            assertThat(index.manifests()).extracting(ImageIndex.Entry::label)
                    .containsExactly("linux/ppc64le", "linux/amd64");
            assertThat(index.preferred().map(ImageIndex.Entry::label)).contains("linux/amd64");
        });
    }

    @Test
    void attestationManifestsAreMarkedAndNeverPreferred() throws IOException {
        ImageIndex index = (ImageIndex) ManifestDocuments.parse("x", "1", "sha256:1", ManifestInfo.OCI_INDEX, 1,
                doc("buildx-index-with-attestation.json"));

        assertThat(index.manifests()).extracting(ImageIndex.Entry::label)
                .containsExactly("linux/arm64/v8", "linux/amd64", "attestation");
        assertThat(index.manifests().get(2).isAttestation()).isTrue();
        assertThat(index.preferred().map(ImageIndex.Entry::label)).contains("linux/amd64");
    }

    @Test
    void anArtifactConfigIsNotReadAndMissingFieldsAreEmpty() throws IOException {
        JsonNode artifact = Json.MAPPER.readTree("""
                {"schemaVersion":2,"config":{"mediaType":"application/vnd.cncf.helm.config.v1+json",
                 "digest":"sha256:aa","size":2}}""");
        ImageManifest m = (ImageManifest) ManifestDocuments.parse("charts/app", "1", "sha256:1",
                ManifestInfo.OCI_MANIFEST, 1, artifact);

        assertThat(ManifestDocuments.isImageConfig(m.config())).isFalse();
        assertThat(m.layers()).isEmpty();
        assertThat(ManifestDocuments.parseConfig(Json.MAPPER.readTree("{\"config\":{\"Labels\":null},"
                + "\"created\":\"not a time\"}"))).isEqualTo(new ImageConfig(true, Optional.empty(),
                Optional.empty(), Map.of()));
    }

    private static JsonNode doc(String name) throws IOException {
        try (InputStream in = ManifestDocumentsTest.class.getResourceAsStream("/registry/" + name)) {
            return Json.MAPPER.readTree(in);
        }
    }
}
