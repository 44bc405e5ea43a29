package io.slipway.gui.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.gui.Console;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.tasks.PooledTaskExecutor;
import io.slipway.gui.tasks.RunningTasks;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The add / edit / remove dialogs of the Nodes view, headless, on the sample workspace. */
class NodeDialogsTest {
    private static final long TIMEOUT_S = 20;

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private SlipwayCore core;
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
        executor.shutdown();
        core.close();
    }

    @Test
    void addShowsProblemsInTheDialogThenAddsTheNodeAndRemoveAsksFirst() throws Exception {
        core = SampleWorkspace.open(dir);
        RunningTasks running = new RunningTasks();
        executor = new PooledTaskExecutor(running, 2);
        stage = onFx(() -> {
            Stage s = new Stage();
            new Console(core, executor, running).show(s);
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<NodeRow> table = robot.lookup("#nodesTable").query();
        waitUntil(() -> table.getItems().size() == 4);

        robot.clickOn("#addNodeButton");
        robot.clickOn("#nodeName").write("bad name");
        robot.clickOn("#nodeEndpoint").write("tcp://127.0.0.1:1");
        robot.clickOn("OK");
        Label error = robot.lookup("#nodeFormError").query();
        waitUntil(() -> error.getText().contains("not usable"));

        TextField name = robot.lookup("#nodeName").query();
        onFx(() -> {
            name.setText("edge-01");
            return null;
        });
        robot.clickOn("#nodeGroups").write("edge");
        robot.clickOn("#nodeLabels").write("rack=7");
        robot.clickOn("OK");
        waitUntil(() -> table.getItems().stream().anyMatch(r -> r.name().equals("edge-01")));
        assertThat(core.inventory().require("edge-01").labels()).containsEntry("rack", "7");

        onFx(() -> {
            table.getSelectionModel().select(
                    table.getItems().stream().filter(r -> r.name().equals("edge-01")).findFirst().orElseThrow());
            return null;
        });
        robot.clickOn("#removeNodeButton");
        robot.clickOn("OK");
        waitUntil(() -> table.getItems().stream().noneMatch(r -> r.name().equals("edge-01")));
        assertThat(core.inventory().all()).hasSize(4);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
