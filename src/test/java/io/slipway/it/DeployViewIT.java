package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.gui.deploy.LiveNodeRow;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** One deploy started and watched from the Deploys view's Live tab, headless, over the real nodes and registry. */
class DeployViewIT extends ConsoleFixture {
    private static final String PASSPHRASE = "view-it-passphrase";


    @Test
    void aDeployStartedFromTheViewReachesDoneOnEveryNode() throws Exception {
        String software = DeploySupport.uniqueSoftware("viewit");
        DeployFixtures.publish(software, "1.0.0", DeployFixtures.Variant.NORMAL);
        workspace();
        CredentialVault vault = support.core.registries().unlock(PASSPHRASE.toCharArray());
        support.core.registries().add(new RegistrySpec("it", "https://" + TestEnvironment.registry(),
                Files.readString(TestEnvironment.registryCa()), TestEnvironment.registryUser(), false, false),
                TestEnvironment.registryPassword().toCharArray(), vault);
        int nodeCount = support.nodes().size();

        openConsole();

        openNewDeployDialog();

        robot.clickOn("#deploySoftware").write(software);
        robot.clickOn("#deployVersion").write("1.0.0");
        ListView<String> nodes = lookup("#deployNodes");
        ComboBox<String> registry = lookup("#deployRegistry");
        waitUntil(() -> nodes.getItems().size() == nodeCount && registry.getItems().contains("it"));
        onFx(() -> {
            nodes.getSelectionModel().selectAll();
            registry.setValue("it");
            return null;
        });
        robot.clickOn("#deployPassphrase").write(PASSPHRASE);
        robot.clickOn("#deployStartButton");

        TableView<LiveNodeRow> rows = lookup("#liveNodesTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.MINUTES, () -> onFx(() -> rows.getItems().size() == nodeCount
                && rows.getItems().stream().allMatch(r -> r.stateProperty().get().isTerminal())));

        List<String> results = onFx(() -> rows.getItems().stream()
                .map(r -> r.node() + " " + r.stateProperty().get() + ": " + r.resultProperty().get()).toList());
        assertThat(onFx(() -> rows.getItems().stream().map(r -> r.stateProperty().get()).toList()))
                .as(String.join("\n", results)).containsOnly(NodeDeployState.DONE);
        waitUntil(() -> this.<Label>lookup("#liveSummary").getText()
                .equals(nodeCount + " nodes: " + nodeCount + " done, 0 skipped, 0 failed, 0 running"));
        assertThat(onFx(() -> rows.getItems().stream().allMatch(r -> !r.elapsedProperty().get().isEmpty()))).isTrue();
        assertThat(onFx(() -> rows.getItems().stream().anyMatch(r -> !r.log().isEmpty()))).isTrue();
        // the history refreshes when the deploy ends
        TableView<?> history = lookup("#deploysTable");
        waitUntil(() -> history.getItems().size() == 1);
    }


}
