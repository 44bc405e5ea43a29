package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.gui.Console;
import io.slipway.gui.deploy.LiveNodeRow;
import io.slipway.gui.tasks.PooledTaskExecutor;
import io.slipway.gui.tasks.RunningTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** One deploy started and watched from the Deploys view's Live tab, headless, over the real nodes and registry. */
class DeployViewIT {
    private static final String PASSPHRASE = "view-it-passphrase";
    private static final long UI_TIMEOUT_S = 20;

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private DeploySupport support;
    private PooledTaskExecutor executor;
    private Stage stage;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
        if (executor != null) {
            executor.shutdown();
        }
        if (support != null) {
            support.close();
        }
    }

    @Test
    void aDeployStartedFromTheViewReachesDoneOnEveryNode() throws Exception {
        String software = DeploySupport.uniqueSoftware("viewit");
        DeployFixtures.publish(software, "1.0.0", DeployFixtures.Variant.NORMAL);
        support = new DeploySupport(dir.resolve("ws"));
        CredentialVault vault = support.core.registries().unlock(PASSPHRASE.toCharArray());
        support.core.registries().add(new RegistrySpec("it", "https://" + TestEnvironment.registry(),
                Files.readString(TestEnvironment.registryCa()), TestEnvironment.registryUser(), false, false),
                TestEnvironment.registryPassword().toCharArray(), vault);
        int nodeCount = support.nodes().size();

        RunningTasks running = new RunningTasks();
        executor = new PooledTaskExecutor(running, 2);
        stage = onFx(() -> {
            Stage s = new Stage();
            // the registry chosen in the dialog opens exactly as in the console: stored, unsealed by the passphrase
            new Console(support.core, executor, running).show(s);
            s.toFront();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#nav-deploys");
        TabPane tabs = lookup("#deployTabs");
        onFx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#newDeployButton");
        WaitForAsyncUtils.waitForFxEvents();

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

    @SuppressWarnings("unchecked")
    private <T extends Node> T lookup(String query) {
        return (T) robot.lookup(query).query();
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(UI_TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(UI_TIMEOUT_S, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
