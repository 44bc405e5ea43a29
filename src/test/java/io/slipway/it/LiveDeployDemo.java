package io.slipway.it;

import io.slipway.gui.Console;
import io.slipway.gui.shell.ConsoleView;
import io.slipway.gui.shell.MainWindowViewModel;
import io.slipway.gui.tasks.PooledTaskExecutor;
import io.slipway.gui.tasks.RunningTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * For the README screenshot: the console in a real window (needs DISPLAY and the test environment) running one
 * deploy over the test nodes through the New deploy dialog; stays open for {@code args[0]} seconds (default 90).
 * Not a test. Run with the test classpath: {@code java -cp … io.slipway.it.LiveDeployDemo 90}.
 */
public final class LiveDeployDemo {
    private LiveDeployDemo() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 90;
        String software = DeploySupport.uniqueSoftware("hello-tool");
        DeployFixtures.publish(software, "2.1.0", DeployFixtures.Variant.NORMAL.sleeping(6));
        DeploySupport support = new DeploySupport(Files.createTempDirectory("slipway-demo"));
        support.core.registries().add(new io.slipway.core.registry.RegistrySpec("lab-registry",
                "https://" + TestEnvironment.registry(), Files.readString(TestEnvironment.registryCa()),
                TestEnvironment.registryUser(), false, false), TestEnvironment.registryPassword().toCharArray(),
                support.core.registries().unlock("demo-passphrase".toCharArray()));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        RunningTasks running = new RunningTasks();
        PooledTaskExecutor executor = new PooledTaskExecutor(running, 2);
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            MainWindowViewModel main = new Console(support.core, executor, running).show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            main.navigate(ConsoleView.DEPLOYS);
            shown.complete(stage);
        });
        Stage stage = shown.get();
        Thread.sleep(1500);
        Platform.runLater(() -> {
            Scene scene = stage.getScene();
            ((TabPane) scene.lookup("#deployTabs")).getSelectionModel().select(1);
            Platform.runLater(() -> fillDialog(software));
            ((Button) scene.lookup("#newDeployButton")).fire();
        });
        Thread.sleep(seconds * 1000);
        Platform.runLater(stage::close);
        executor.shutdown();
        support.close();
        Platform.exit();
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static void fillDialog(String software) {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane) {
                Scene s = w.getScene();
                ((TextField) s.lookup("#deploySoftware")).setText(software);
                ((TextField) s.lookup("#deployVersion")).setText("2.1.0");
                ListView<String> nodes = (ListView<String>) s.lookup("#deployNodes");
                ComboBox<String> registry = (ComboBox<String>) s.lookup("#deployRegistry");
                ((PasswordField) s.lookup("#deployPassphrase")).setText("demo-passphrase");
                // the choices load in the background; give them a moment
                javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(1.5));
                wait.setOnFinished(e -> {
                    nodes.getSelectionModel().selectAll();
                    registry.setValue("lab-registry");
                    ((Button) pane.lookupButton(ButtonType.OK)).fire();
                });
                wait.play();
                return;
            }
        }
        Platform.runLater(() -> fillDialog(software));
    }
}
