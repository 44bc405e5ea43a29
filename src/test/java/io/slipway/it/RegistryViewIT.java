package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.core.common.ByteSizes;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.gui.inventory.NodeRow;
import io.slipway.gui.registry.LabelRow;
import io.slipway.gui.registry.PlatformRow;
import io.slipway.it.BrowseFixtures.IndexFormat;
import io.slipway.it.BrowseFixtures.PlatformImage;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Registry view, headless, against the environment's real TLS + htpasswd registry: a stored registry is
 * unlocked with the workspace passphrase, then a repository, a tag and an index platform are picked by click.
 */
class RegistryViewIT extends ConsoleFixture {
    private static final String PASSPHRASE = "registry view it passphrase";
    private static final String TITLE = "org.opencontainers.image.title";
    private static final String REPOSITORY = BrowseFixtures.uniqueRepository("view");

    @BeforeAll
    static void pushImages() throws Exception {
        String amd64 = BrowseFixtures.labelledImage(REPOSITORY, "1.0", Map.of(TITLE, "registry view it",
                "io.slipway.software", "hello-tool"));
        String arm64 = BrowseFixtures.labelledImage(REPOSITORY, "1.0-arm64", Map.of(TITLE, "registry view it arm64"));
        BrowseFixtures.index(REPOSITORY, "multi", IndexFormat.OCI, List.of(new PlatformImage(amd64, "amd64", ""),
                new PlatformImage(arm64, "arm64", "v8")));
    }

    /** Stores the environment's registry as {@code name} with {@code password}, sealed with {@link #PASSPHRASE}. */
    private void storeRegistry(String name, String password) throws Exception {
        storeRegistry(name, password, Files.readString(TestEnvironment.registryCa()));
    }

    /** As above; without {@code caPem} only the system trust is used, which does not know the test CA. */
    private void storeRegistry(String name, String password, String caPem) {
        CredentialVault vault = support.core.registries().unlock(PASSPHRASE.toCharArray());
        support.core.registries().add(new RegistrySpec(name, "https://" + TestEnvironment.registry(), caPem,
                TestEnvironment.registryUser(), false, false), password.toCharArray(), vault);
    }

    @Test
    void unlockThenPickRepositoryTagAndPlatformShowsDigestSizeAndLabels() throws Exception {
        workspace();
        storeRegistry("it", TestEnvironment.registryPassword());
        openConsole();

        robot.clickOn("#nav-registry");
        connect("it", PASSPHRASE);
        ListView<String> repositories = lookup("#registryRepositories");
        waitUntil(() -> repositories.getItems().contains(REPOSITORY));
        assertThat(this.<Label>lookup("#registryStatus").getText()).contains("as " + TestEnvironment.registryUser(),
                "basic auth");

        // the quick filter narrows the catalog to this run's repository
        robot.clickOn("#repositoryFilter").write(REPOSITORY.substring(REPOSITORY.indexOf('-') + 1));
        waitUntil(() -> repositories.getItems().equals(List.of(REPOSITORY)));
        robot.clickOn(cell("#registryRepositories", REPOSITORY));
        ListView<String> tags = lookup("#registryTags");
        waitUntil(() -> tags.getItems().equals(List.of("1.0", "1.0-arm64", "multi")));

        robot.clickOn(cell("#registryTags", "1.0"));
        Label digest = lookup("#manifestDigest");
        waitUntil(() -> !digest.getText().isEmpty());
        RegistryHttp http = new RegistryHttp();
        assertThat(digest.getText()).isEqualTo(http.digest(REPOSITORY, "1.0"));
        assertThat(this.<Label>lookup("#imageSize").getText()).isEqualTo(expectedSize(http, "1.0"));
        assertThat(this.<Label>lookup("#imagePlatform").getText()).isEqualTo("linux/amd64");
        TableView<LabelRow> labels = lookup("#imageLabels");
        assertThat(labels.getItems()).contains(new LabelRow(TITLE, "registry view it"),
                new LabelRow("io.slipway.software", "hello-tool"), new LabelRow("io.slipway.testenv", "base"));
        assertThat(this.<TableView<?>>lookup("#imageLayers").getItems()).hasSize(1);

        robot.clickOn("#copyDigestButton");
        assertThat(onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(digest.getText());

        // an OCI index: its platforms, the linux/amd64 image first, then the arm64 one by click
        robot.clickOn(cell("#registryTags", "multi"));
        TableView<PlatformRow> platforms = lookup("#manifestPlatforms");
        waitUntil(() -> platforms.getItems().size() == 2 && digest.getText().equals(http.digest(REPOSITORY, "multi")));
        assertThat(this.<Label>lookup("#manifestKind").getText()).isEqualTo("OCI image index of 2 manifests");
        Label imageDigest = lookup("#imageDigest");
        waitUntil(() -> imageDigest.getText().equals(http.digest(REPOSITORY, "1.0")));
        robot.clickOn(cell("#manifestPlatforms", "linux/arm64/v8"));
        String armDigest = onFx(() -> platforms.getItems().get(1).digest());
        waitUntil(() -> imageDigest.getText().equals(armDigest)
                && labels.getItems().contains(new LabelRow(TITLE, "registry view it arm64")));
        assertThat(this.<Label>lookup("#imageTitle").getText()).isEqualTo("linux/arm64/v8 image");
        assertThat(this.<Label>lookup("#registryError").isVisible()).isFalse();
    }

    @Test
    void wrongPassphrasePasswordOrTrustShowTheErrorAndNothingElseBreaks() throws Exception {
        workspace();
        storeRegistry("it", TestEnvironment.registryPassword());
        storeRegistry("it-badpw", "not-the-registry-password");
        storeRegistry("it-noca", TestEnvironment.registryPassword(), null);
        openConsole();
        robot.clickOn("#nav-registry");
        Label error = lookup("#registryError");
        ListView<String> repositories = lookup("#registryRepositories");

        connect("it", "not the workspace passphrase");
        waitUntil(error::isVisible);
        assertThat(error.getText()).startsWith("Registry 'it': Wrong workspace passphrase");
        assertThat(repositories.getItems()).isEmpty();

        connect("it-badpw", PASSPHRASE);
        waitUntil(() -> error.getText().contains("it-badpw"));
        assertThat(error.getText()).startsWith("Registry 'it-badpw' (https://" + TestEnvironment.registry() + ")")
                .contains("rejected the credentials of user '" + TestEnvironment.registryUser() + "'");
        assertThat(repositories.getItems()).isEmpty();

        connect("it-noca", PASSPHRASE);
        waitUntil(() -> error.getText().contains("it-noca"));
        assertThat(error.getText()).startsWith("Registry 'it-noca' (https://" + TestEnvironment.registry() + ")")
                .contains("TLS certificate", "is not trusted");
        assertThat(repositories.getItems()).isEmpty();

        // the rest of the console works, and the right passphrase on the good registry still connects
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        TableView<NodeRow> nodes = lookup("#nodesTable");
        waitUntil(() -> nodes.getItems().size() == TestEnvironment.nodes().size());
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT7);
        connect("it", PASSPHRASE);
        waitUntil(() -> repositories.getItems().contains(RegistryAccessIT.baseRepo()));
        assertThat(error.isVisible()).isFalse();
    }

    /** Picks {@code registry} and types {@code passphrase} into the field, then Unlock and connect. */
    private void connect(String registry, String passphrase) throws Exception {
        ComboBox<String> choice = lookup("#registryChoice");
        waitUntil(() -> choice.getItems().contains(registry));
        onFx(() -> {
            choice.setValue(registry);
            return null;
        });
        robot.clickOn("#registryPassphrase").write(passphrase);
        robot.clickOn("#registryConnectButton");
    }

    /** The visible cell of a list or table (by id) showing exactly {@code text}. */
    private Node cell(String container, String text) throws Exception {
        waitUntil(() -> robot.lookup(container).lookup(".cell").queryAll().stream()
                .anyMatch(c -> c instanceof javafx.scene.control.Labeled l && text.equals(l.getText())));
        return robot.lookup(container).lookup(".cell").queryAll().stream()
                .filter(c -> c instanceof javafx.scene.control.Labeled l && text.equals(l.getText()))
                .findFirst().orElseThrow();
    }

    /** Config + layers of the tag's manifest as the registry serves it, as the view writes it. */
    private static String expectedSize(RegistryHttp http, String tag) throws Exception {
        JsonNode manifest = http.manifest(REPOSITORY, tag).orElseThrow().body();
        long total = manifest.path("config").path("size").asLong();
        for (JsonNode layer : manifest.path("layers")) {
            total += layer.path("size").asLong();
        }
        return ByteSizes.human(total) + " (" + String.format(Locale.ROOT, "%,d", total) + " bytes: config + 1 layer)";
    }
}
