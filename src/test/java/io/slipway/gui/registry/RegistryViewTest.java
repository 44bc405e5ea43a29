package io.slipway.gui.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.core.SlipwayCore;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.gui.Console;
import io.slipway.gui.SampleWorkspace;
import io.slipway.gui.tasks.PooledTaskExecutor;
import io.slipway.gui.tasks.RunningTasks;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Registry view in the whole console, headless, without any registry call: Ctrl+7, choices, the warning. */
class RegistryViewTest {
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
    void ctrl7OpensTheRegistryViewWhichWarnsAboutPlainHttp() throws Exception {
        core = SampleWorkspace.open(dir);
        core.registries().add(new RegistrySpec("lab-plain", "http://127.0.0.1:5000", null, null, true, false), null,
                null);
        core.registries().add(new RegistrySpec("lab-tls", "https://127.0.0.1:5443", null, null, false, false), null,
                null);
        RunningTasks running = new RunningTasks();
        executor = new PooledTaskExecutor(running, 2);
        stage = onFx(() -> {
            Stage s = new Stage();
            new Console(core, executor, running).show(s);
            s.toFront();
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT7);

        ComboBox<String> registries = lookup("#registryChoice");
        waitUntil(() -> registries.getItems().size() == 2);
        assertThat(this.<ToggleButton>lookup("#nav-registry").isSelected()).isTrue();
        Label warning = lookup("#registryWarning");
        waitUntil(() -> warning.isVisible());
        assertThat(warning.getText()).contains("registry 'lab-plain' uses plain HTTP");
        // anonymous registries need no passphrase
        assertThat(this.<PasswordField>lookup("#registryPassphrase").isDisabled()).isTrue();

        onFx(() -> {
            registries.setValue("lab-tls");
            return null;
        });
        waitUntil(() -> !warning.isVisible());
        assertThat(this.<Label>lookup("#registryStatus").getText()).contains("https://127.0.0.1:5443", "anonymous");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        waitUntil(() -> this.<ToggleButton>lookup("#nav-nodes").isSelected());
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T lookup(String query) {
        return (T) robot.lookup(query).query();
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> onFx(condition));
    }
}
