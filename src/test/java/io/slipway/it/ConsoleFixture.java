package io.slipway.it;

import io.slipway.gui.Console;
import io.slipway.gui.tasks.PooledTaskExecutor;
import io.slipway.gui.tasks.RunningTasks;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The console in a headless window on a workspace of the test environment's nodes, for TestFX integration tests. */
abstract class ConsoleFixture {
    static final long UI_TIMEOUT_S = 60; // the console's first frame on a loaded 2-core machine

    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    DeploySupport support;
    private PooledTaskExecutor executor;
    private Stage stage;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A workspace holding the environment's nodes; call before {@link #openConsole()}. */
    DeploySupport workspace() {
        support = new DeploySupport(dir.resolve("ws"));
        return support;
    }

    void openConsole() throws Exception {
        RunningTasks running = new RunningTasks();
        executor = new PooledTaskExecutor(running, 2);
        stage = onFx(() -> {
            Stage s = new Stage();
            new Console(support.core, executor, running).show(s);
            s.toFront();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeConsole() throws Exception {
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

    /** Deploys view, Live tab, New deploy: the dialog loads its node and registry choices as it opens. */
    void openNewDeployDialog() throws Exception {
        robot.clickOn("#nav-deploys");
        TabPane tabs = lookup("#deployTabs");
        onFx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#newDeployButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    <T extends Node> T lookup(String query) {
        return (T) robot.lookup(query).query();
    }

    static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(UI_TIMEOUT_S, TimeUnit.SECONDS);
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(UI_TIMEOUT_S, condition);
    }

    static void waitUntil(long seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
