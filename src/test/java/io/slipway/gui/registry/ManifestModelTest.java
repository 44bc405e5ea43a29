package io.slipway.gui.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.registry.Descriptor;
import io.slipway.core.registry.ImageConfig;
import io.slipway.core.registry.ImageIndex;
import io.slipway.core.registry.ImageManifest;
import io.slipway.core.registry.ManifestInfo;
import io.slipway.core.registry.Platform;
import io.slipway.gui.common.Formats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the manifest pane shows, from the core's records (the values of real documents of the test registry). */
class ManifestModelTest {
    private static final String HOST = "127.0.0.1:5443";
    private static final Descriptor CONFIG = new Descriptor("application/vnd.oci.image.config.v1+json",
            "sha256:9ad3458a30d901bb3d7172552b52b283aeac7b6e9376f5344ec75800655bcaa9", 508);
    private static final Descriptor LAYER = new Descriptor("application/vnd.oci.image.layer.v1.tar+gzip",
            "sha256:68acced7f6b7fa578afa930612b33667a1d15efb4afc020439cd6059c3a46fa3", 1087931);
    private static final Instant CREATED = Instant.parse("2026-11-23T11:40:34.93856128Z");

    private final ManifestModel model = new ManifestModel();

    private static ImageManifest image(String reference, String digest) {
        return new ImageManifest("slipway/base", reference, digest, ManifestInfo.OCI_MANIFEST, 348, CONFIG,
                List.of(LAYER), new ImageConfig(true, Optional.of(CREATED), Optional.of(new Platform("linux", "amd64",
                "")), Map.of("io.slipway.testenv", "base", "org.opencontainers.image.title", "base")));
    }

    @Test
    void anImageShowsKindDigestSizeCreatedPlatformLabelsAndLayers() {
        model.show(HOST, image("1", "sha256:aa"));

        assertThat(model.shownProperty().get()).isTrue();
        assertThat(model.referenceProperty().get()).isEqualTo(HOST + "/slipway/base:1");
        assertThat(model.pinnedReference()).isEqualTo(HOST + "/slipway/base@sha256:aa");
        assertThat(model.kindProperty().get()).isEqualTo("OCI image manifest");
        assertThat(model.mediaTypeProperty().get()).isEqualTo(ManifestInfo.OCI_MANIFEST);
        assertThat(model.digestProperty().get()).isEqualTo("sha256:aa");
        assertThat(model.indexProperty().get()).isFalse();
        assertThat(model.imageShownProperty().get()).isTrue();
        assertThat(model.sizeProperty().get()).isEqualTo("1.0 MiB (1,088,439 bytes: config + 1 layer)");
        assertThat(model.createdProperty().get()).isEqualTo(Formats.time(CREATED));
        assertThat(model.platformProperty().get()).isEqualTo("linux/amd64");
        assertThat(model.configProperty().get()).isEqualTo(CONFIG.digest());
        assertThat(model.labels()).containsExactly(new LabelRow("io.slipway.testenv", "base"),
                new LabelRow("org.opencontainers.image.title", "base"));
        assertThat(model.layers()).containsExactly(new LayerRow(1, LAYER.digest(), LAYER.mediaType(), 1087931));
        assertThat(model.layers().get(0).size()).isEqualTo("1.0 MiB");
    }

    @Test
    void anIndexListsPlatformsAndShowsTheChosenPlatformsImage() {
        ImageIndex index = new ImageIndex("slipway/base", "multi", "sha256:ii", ManifestInfo.DOCKER_LIST, 544, List.of(
                new ImageIndex.Entry(new Descriptor(ManifestInfo.DOCKER_MANIFEST, "sha256:amd", 427),
                        Optional.of(new Platform("linux", "amd64", "")), Map.of()),
                new ImageIndex.Entry(new Descriptor(ManifestInfo.DOCKER_MANIFEST, "sha256:arm", 427),
                        Optional.of(new Platform("linux", "arm64", "v8")), Map.of())));

        model.show(HOST, index);

        assertThat(model.kindProperty().get()).isEqualTo("Docker manifest list of 2 manifests");
        assertThat(model.indexProperty().get()).isTrue();
        assertThat(model.imageShownProperty().get()).isFalse();
        assertThat(model.platforms()).extracting(PlatformRow::platform).containsExactly("linux/amd64",
                "linux/arm64/v8");

        model.showImage(image("sha256:arm", "sha256:arm"), "linux/arm64/v8 image");

        assertThat(model.digestProperty().get()).isEqualTo("sha256:ii"); // the tag's digest stays the index's
        assertThat(model.imageTitleProperty().get()).isEqualTo("linux/arm64/v8 image");
        assertThat(model.imageDigestProperty().get()).isEqualTo("sha256:arm");
        assertThat(model.labels()).hasSize(2);

        model.clear();
        assertThat(model.shownProperty().get()).isFalse();
        assertThat(model.platforms()).isEmpty();
        assertThat(model.labels()).isEmpty();
        assertThat(model.pinnedReference()).isEmpty();
    }

    @Test
    void anArtifactSaysItsConfigWasNotRead() {
        model.show(HOST, new ImageManifest("charts/app", "1", "sha256:cc", ManifestInfo.OCI_MANIFEST, 300,
                new Descriptor("application/vnd.cncf.helm.config.v1+json", "sha256:cfg", 2), List.of(),
                ImageConfig.NOT_READ));

        assertThat(model.configProperty().get()).isEqualTo("sha256:cfg (application/vnd.cncf.helm.config.v1+json, "
                + "not an image config: not read)");
        assertThat(model.createdProperty().get()).isEqualTo(Formats.NONE);
        assertThat(model.sizeProperty().get()).isEqualTo("2 B (2 bytes: config + 0 layers)");
    }
}
