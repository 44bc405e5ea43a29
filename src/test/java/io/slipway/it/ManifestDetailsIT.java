package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Clock;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.Descriptor;
import io.slipway.core.registry.ImageIndex;
import io.slipway.core.registry.ImageManifest;
import io.slipway.core.registry.ManifestDetails;
import io.slipway.core.registry.ManifestInfo;
import io.slipway.core.registry.OciRegistryClient;
import io.slipway.core.registry.Platform;
import io.slipway.core.registry.Registries;
import io.slipway.core.registry.RegistryException;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.it.BrowseFixtures.IndexFormat;
import io.slipway.it.BrowseFixtures.PlatformImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manifest details for browsing, read from the environment's real registry: images pushed by podman (OCI) with
 * labels, an OCI index and a Docker manifest list made with {@code podman manifest}, and paginated catalog and
 * tag lists.
 */
class ManifestDetailsIT {
    private static final String LABEL = "org.opencontainers.image.title";

    @TempDir
    static Path dir;
    static SlipwayCore core;
    static OciRegistryClient client;
    static final RegistryHttp http = new RegistryHttp();
    static final String repository = BrowseFixtures.uniqueRepository("details");

    @BeforeAll
    static void pushImagesAndOpenTheRegistry() throws Exception {
        String amd64 = BrowseFixtures.labelledImage(repository, "amd64", Map.of(LABEL, "details amd64"));
        String arm64 = BrowseFixtures.labelledImage(repository, "arm64", Map.of(LABEL, "details arm64",
                "io.slipway.it.arch", "arm64"));
        List<PlatformImage> platforms = List.of(new PlatformImage(amd64, "amd64", ""),
                new PlatformImage(arm64, "arm64", "v8"));
        BrowseFixtures.index(repository, "multi-oci", IndexFormat.OCI, platforms);
        BrowseFixtures.index(repository, "multi-docker", IndexFormat.DOCKER, platforms);

        core = SlipwayCore.open(dir.resolve("ws"), Optional.empty());
        Registries registries = new Registries(core.workspace().jdbc(), core.workspace().directory(), core.audit(),
                Clock.SYSTEM, new CredentialVault.KdfParams(8 * 1024, 1, 1), Duration.ofSeconds(15));
        CredentialVault vault = registries.unlock("details it passphrase".toCharArray());
        registries.add(new RegistrySpec("it", "https://" + TestEnvironment.registry(),
                Files.readString(TestEnvironment.registryCa()), TestEnvironment.registryUser(), false, false),
                TestEnvironment.registryPassword().toCharArray(), vault);
        client = registries.client("it", vault);
    }

    @AfterAll
    static void close() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void anImageShowsDigestSizesLayersCreatedPlatformAndLabels() throws Exception {
        ManifestDetails d = client.manifestDetails(repository, "arm64");

        assertThat(d).isInstanceOf(ImageManifest.class);
        ImageManifest image = (ImageManifest) d;
        assertThat(image.digest()).isEqualTo(http.digest(repository, "arm64"));
        assertThat(image.mediaType()).isEqualTo(ManifestInfo.OCI_MANIFEST);
        assertThat(image.layers()).hasSize(1).allSatisfy(l -> assertThat(l.size()).isGreaterThan(100_000));
        assertThat(image.totalSize()).isEqualTo(image.config().size()
                + image.layers().stream().mapToLong(Descriptor::size).sum());
        assertThat(image.image().labels()).containsEntry(LABEL, "details arm64")
                .containsEntry("io.slipway.it.arch", "arm64")
                .containsEntry("io.slipway.testenv", "base"); // inherited from the base image
        assertThat(image.image().created()).hasValueSatisfying(t -> assertThat(t)
                .isBetween(Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plusSeconds(60)));
        assertThat(image.image().platform()).contains(new Platform("linux", "amd64", ""));
        // the same bytes by digest
        assertThat(client.manifestDetails(repository, image.digest()).digest()).isEqualTo(image.digest());
    }

    @Test
    void anOciIndexListsItsPlatformsAndEachPlatformReadsAsAnImage() throws Exception {
        ManifestDetails d = client.manifestDetails(repository, "multi-oci");

        assertThat(d).isInstanceOf(ImageIndex.class);
        ImageIndex index = (ImageIndex) d;
        assertThat(index.mediaType()).isEqualTo(ManifestInfo.OCI_INDEX);
        assertThat(index.digest()).isEqualTo(http.digest(repository, "multi-oci"));
        assertThat(index.manifests()).extracting(ImageIndex.Entry::label)
                .containsExactly("linux/amd64", "linux/arm64/v8");
        assertThat(index.preferred().map(ImageIndex.Entry::label)).contains("linux/amd64");

        ImageIndex.Entry arm = index.manifests().get(1);
        ImageManifest image = (ImageManifest) client.manifestDetails(repository, arm.descriptor().digest());
        assertThat(image.digest()).isEqualTo(arm.descriptor().digest());
        assertThat(image.manifestSize()).isEqualTo(arm.descriptor().size());
        assertThat(image.image().labels()).containsEntry(LABEL, "details arm64");
    }

    @Test
    void aDockerManifestListReadsLikeAnIndex() throws Exception {
        ImageIndex list = (ImageIndex) client.manifestDetails(repository, "multi-docker");

        assertThat(list.mediaType()).isEqualTo(ManifestInfo.DOCKER_LIST);
        assertThat(list.manifests()).extracting(ImageIndex.Entry::label)
                .containsExactly("linux/amd64", "linux/arm64/v8");
        ImageManifest amd64 = (ImageManifest) client.manifestDetails(repository,
                list.manifests().get(0).descriptor().digest());
        assertThat(amd64.mediaType()).isEqualTo(ManifestInfo.DOCKER_MANIFEST);
        assertThat(amd64.image().labels()).containsEntry(LABEL, "details amd64");
    }

    @Test
    void catalogAndTagsFollowLinkHeadersPageByPage() {
        assertThat(client.catalog(10_000, 1)).isEqualTo(client.catalog(10_000)).contains(repository,
                RegistryAccessIT.baseRepo()).doesNotHaveDuplicates();
        assertThat(client.tags(repository, 1)).containsExactlyInAnyOrder("amd64", "arm64", "multi-oci",
                "multi-docker");
        assertThat(client.catalog(2, 1)).hasSize(2);
    }

    @Test
    void aMissingTagIsNotFoundNamingRegistryAndRepository() {
        assertThatThrownBy(() -> client.manifestDetails(repository, "no-such-tag"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RegistryException.Reason.NOT_FOUND);
                    assertThat(e.getMessage()).contains("Registry 'it'", repository + ":no-such-tag");
                });
    }
}
