package io.slipway.gui;

import io.slipway.core.SlipwayCore;
import io.slipway.gui.tasks.PooledTaskExecutor;
import io.slipway.gui.tasks.RunningTasks;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console in a headless window (Monocle) on a real sample workspace, for TestFX tests of its views.
 * The workspace lives in {@code dir/ws}; close and open the console again to test what survives a restart.
 */
public abstract class SampleConsoleFixture {
    protected static final long UI_TIMEOUT_S = 30;

    @TempDir
    protected Path dir;

    protected final FxRobot robot = new FxRobot();
    protected SlipwayCore core;
    protected Stage stage;
    protected Console console;
    private PooledTaskExecutor executor;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The sample workspace, opened on first use (tests may change it before the console opens). */
    protected SlipwayCore workspace() {
        if (core == null) {
            core = SampleWorkspace.open(dir.resolve("ws"));
        }
        return core;
    }

    /** Opens the console on the workspace, as the application does, and waits for its first frame. */
    protected void openConsole() throws Exception {
        SlipwayCore opened = workspace();
        RunningTasks running = new RunningTasks();
        executor = new PooledTaskExecutor(running, 2);
        console = new Console(opened, executor, running);
        stage = onFx(() -> {
            Stage s = new Stage();
            console.show(s);
            s.toFront();
            s.requestFocus();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the window (if still open), the task pool and the workspace. */
    @AfterEach
    protected void closeConsole() throws Exception {
        if (stage != null && onFx(stage::isShowing)) {
            onFx(() -> {
                stage.close();
                return null;
            });
        }
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
        if (core != null) {
            core.close();
            core = null;
        }
    }

    @SuppressWarnings("unchecked")
    protected <T extends Node> T lookup(String query) {
        return (T) robot.lookup(query).query();
    }

    protected static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(UI_TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Clicks into a text field, clears it and types {@code text}. */
    protected void typeInto(String field, String text) {
        robot.clickOn(field).push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .push(javafx.scene.input.KeyCode.BACK_SPACE).write(text);
    }

    /** The text of a label or text field, read on the FX thread. */
    protected String text(String query) throws Exception {
        return onFx(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof javafx.scene.control.Labeled l ? l.getText()
                    : ((javafx.scene.control.TextInputControl) n).getText();
        });
    }

    /** Waits for a background load to show, checking the condition on the FX thread. */
    protected static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(UI_TIMEOUT_S, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
