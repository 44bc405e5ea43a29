package io.slipway.it;

import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.core.upgrade.RunStatus;
import io.slipway.core.upgrade.TargetPhase;
import io.slipway.gui.Console;
import io.slipway.gui.shell.ConsoleView;
import io.slipway.gui.shell.MainWindowViewModel;
import io.slipway.gui.tasks.PooledTaskExecutor;
import io.slipway.gui.tasks.RunningTasks;
import io.slipway.gui.upgrade.LiveTargetRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * For the README screenshot (docs/screenshots/11-upgrade-live.png): the console in a real window (needs DISPLAY and
 * the test environment) runs one upgrade through the Upgrade… dialog: a software whose new build runs healthy on
 * every node, and one whose new build exits on the one node that has it (abnormal, rolled back). Touches
 * {@code args[1]} once that target is rolled back while the others are still in their run check, then stays open
 * for {@code args[0]} seconds. Not a test. Run with the test classpath (see scripts/screenshots.sh upgrade).
 */
public final class LiveUpgradeDemo {
    private static final String PASSPHRASE = "demo-passphrase";

    private LiveUpgradeDemo() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 90;
        Path ready = Path.of(args.length > 1 ? args[1] : "/tmp/slipway-upgrade-demo.ready");
        String ok = DeploySupport.uniqueSoftware("perception-core");
        String bad = DeploySupport.uniqueSoftware("map-service");
        DeployFixtures.publish(ok, "2.3.1", DeployFixtures.Variant.NORMAL);
        DeployFixtures.publish(ok, "2.4.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.healthy(ok));
        DeployFixtures.publish(bad, "1.0.4", DeployFixtures.Variant.NORMAL);
        DeployFixtures.publish(bad, "1.1.0", DeployFixtures.Variant.NORMAL, UpgradeSupport.exitsSoon(bad));
        DeploySupport support = new DeploySupport(Files.createTempDirectory("slipway-upgrade-demo"));
        support.deploy(DeployRequest.of(ok, "2.3.1", support.nodes()).withParallelism(3));
        support.deploy(DeployRequest.of(bad, "1.0.4", List.of(support.nodes().get(0))));
        UpgradeSupport.offer(support, "adas-stack 2.4 rollout", Map.of(ok, "2.4.0", bad, "1.1.0"));
        support.core.registries().add(new RegistrySpec("lab-registry", "https://" + TestEnvironment.registry(),
                Files.readString(TestEnvironment.registryCa()), TestEnvironment.registryUser(), false, false),
                TestEnvironment.registryPassword().toCharArray(), support.core.registries().unlock(PASSPHRASE.toCharArray()));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        RunningTasks running = new RunningTasks();
        PooledTaskExecutor executor = new PooledTaskExecutor(running, 2);
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Stage stage = new Stage();
            MainWindowViewModel main = new Console(support.core, executor, running).show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            main.navigate(ConsoleView.UPGRADES);
            shown.complete(stage);
        });
        Stage stage = shown.get();
        Thread.sleep(2000);
        Platform.runLater(() -> {
            Platform.runLater(LiveUpgradeDemo::fillDialog);
            ((Button) stage.getScene().lookup("#upgradeButton")).fire();
        });
        @SuppressWarnings("unchecked")
        TableView<LiveTargetRow> live = (TableView<LiveTargetRow>) stage.getScene().lookup("#upgradeLiveTable");
        for (int i = 0; i < 3000 && !Files.exists(ready); i++) {
            CompletableFuture<Boolean> shot = new CompletableFuture<>();
            Platform.runLater(() -> shot.complete(live.getItems().stream().anyMatch(r -> r.recordProperty().get()
                    .runStatus() == RunStatus.ABNORMAL && r.recordProperty().get().phase().isFinal())
                    && live.getItems().stream().anyMatch(r -> r.recordProperty().get().phase() == TargetPhase.RUN_CHECK
                    && !r.countdownProperty().get().isEmpty())));
            if (shot.get()) {
                Thread.sleep(600); // let the last batch paint
                Files.writeString(ready, "ready");
            }
            Thread.sleep(200);
        }
        Thread.sleep(seconds * 1000);
        Platform.runLater(stage::close);
        executor.shutdown();
        support.close();
        Platform.exit();
        System.exit(0);
    }

    private static void fillDialog() {
        for (Window w : Window.getWindows()) {
            Scene s = w.getScene();
            if (s != null && s.lookup("#upgradeWaves") != null) {
                ((TextField) s.lookup("#upgradeWaves")).setText("100%");
                ((TextField) s.lookup("#upgradeCanaryFailures")).setText("100%");
                ((TextField) s.lookup("#upgradeWatch")).setText("25");
                ((TextField) s.lookup("#upgradeReason")).setText("ADAS 2.4 rollout, lab fleet");
                ((PasswordField) s.lookup("#upgradePassphrase")).setText(PASSPHRASE);
                javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(1.5)); // the registries load in the background
                wait.setOnFinished(e -> ((Button) s.lookup("#upgradeStartButton")).fire());
                wait.play();
                return;
            }
        }
        Platform.runLater(LiveUpgradeDemo::fillDialog);
    }
}
