package io.slipway.it;

import io.slipway.core.engine.SlipwayLabels;
import io.slipway.core.registry.RegistrySpec;
import io.slipway.gui.Console;
import io.slipway.gui.shell.ConsoleView;
import io.slipway.gui.shell.MainWindowViewModel;
import io.slipway.gui.tasks.PooledTaskExecutor;
import io.slipway.gui.tasks.RunningTasks;
import io.slipway.it.BrowseFixtures.IndexFormat;
import io.slipway.it.BrowseFixtures.PlatformImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * For the README screenshot: the console in a real window (needs DISPLAY and the test environment) on the Registry
 * view, unlocked, with a build-environment image's manifest and labels shown. Writes {@code args[1]} (if given)
 * once the manifest is on screen, then stays open for {@code args[0]} seconds (default 60). With {@code args[2]}, once
 * that file exists it opens Add… and fills the dialog in for a second registry, then writes {@code args[2]}{@code
 * .ready}. Not a test. Run with the test classpath: {@code java -cp … io.slipway.it.RegistryBrowseDemo 60 /tmp/ready}.
 */
public final class RegistryBrowseDemo {
    private static final String REPOSITORY = "slipway/buildenv/hello-tool";
    private static final String PASSPHRASE = "demo-passphrase";

    private RegistryBrowseDemo() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        Path ready = args.length > 1 ? Path.of(args[1]) : null;
        String amd64 = BrowseFixtures.labelledImage(REPOSITORY, "2.1.0", labels("2.1.0"));
        BrowseFixtures.labelledImage(REPOSITORY, "2.0.3", labels("2.0.3"));
        String arm64 = BrowseFixtures.labelledImage(REPOSITORY, "2.1.0-arm64", labels("2.1.0"));
        BrowseFixtures.index(REPOSITORY, "2.1", IndexFormat.OCI, List.of(new PlatformImage(amd64, "amd64", ""),
                new PlatformImage(arm64, "arm64", "v8")));

        DeploySupport support = new DeploySupport(Files.createTempDirectory("slipway-demo"));
        support.core.registries().add(new RegistrySpec("lab-registry", "https://" + TestEnvironment.registry(),
                Files.readString(TestEnvironment.registryCa()), TestEnvironment.registryUser(), false, false),
                TestEnvironment.registryPassword().toCharArray(),
                support.core.registries().unlock(PASSPHRASE.toCharArray()));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        RunningTasks running = new RunningTasks();
        PooledTaskExecutor executor = new PooledTaskExecutor(running, 2);
        Scene scene = onFx(() -> {
            Stage stage = new Stage();
            MainWindowViewModel main = new Console(support.core, executor, running).show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
            main.navigate(ConsoleView.REGISTRY);
            return stage.getScene();
        });
        waitFor(() -> !((Button) scene.lookup("#registryConnectButton")).isDisabled());
        onFx(() -> {
            ((PasswordField) scene.lookup("#registryPassphrase")).setText(PASSPHRASE);
            ((Button) scene.lookup("#registryConnectButton")).fire();
            return null;
        });
        ListView<String> repositories = list(scene, "#registryRepositories");
        waitFor(() -> repositories.getItems().contains(REPOSITORY));
        onFx(() -> {
            ((TextField) scene.lookup("#repositoryFilter")).setText("slipway");
            repositories.getSelectionModel().select(REPOSITORY);
            return null;
        });
        ListView<String> tags = list(scene, "#registryTags");
        waitFor(() -> tags.getItems().contains("2.1.0"));
        onFx(() -> {
            tags.getSelectionModel().select("2.1.0");
            return null;
        });
        waitFor(() -> !((Label) scene.lookup("#imageSize")).getText().isEmpty());
        if (ready != null) {
            Files.writeString(ready, "ready\n");
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        if (args.length > 2) {
            fillAddDialog(scene, Path.of(args[2]));
        }
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
        executor.shutdown();
        support.close();
        Platform.exit();
        System.exit(0);
    }

    /** Waits for {@code go}, opens Add… and types a second registry in (not saved), then writes {@code go}.ready. */
    private static void fillAddDialog(Scene scene, Path go) throws Exception {
        while (!Files.exists(go)) {
            Thread.sleep(200);
        }
        Platform.runLater(() -> ((Button) scene.lookup("#registryAddButton")).fire()); // the dialog's wait blocks
        waitFor(() -> dialog() != null);
        onFx(() -> {
            Scene d = dialog();
            ((TextField) d.lookup("#registryName")).setText("harbor-lab");
            ((TextField) d.lookup("#registryUrl")).setText("https://" + TestEnvironment.registry());
            ((TextField) d.lookup("#registryCaFile")).setText(TestEnvironment.registryCa().toString());
            ((TextField) d.lookup("#credentialUsername")).setText("release-bot");
            return null;
        });
        Files.writeString(Path.of(go + ".ready"), "ready\n");
    }

    /** The Add-registry dialog's scene, once it is showing. */
    private static Scene dialog() {
        return Window.getWindows().stream().map(Window::getScene)
                .filter(s -> s != null && s.lookup("#registryName") != null).findFirst().orElse(null);
    }

    /** What a build-environment image declares (docs/labels.md), plus the usual OCI annotations as labels. */
    private static Map<String, String> labels(String version) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", "hello-tool build environment");
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.licenses", "Apache-2.0");
        labels.put(SlipwayLabels.ROLE, SlipwayLabels.ROLE_BUILD_ENV);
        labels.put(SlipwayLabels.ENV_PACKAGE, "slipway/packages/hello-tool:" + version);
        labels.put(SlipwayLabels.ENV_DATA_VOLUME, "/data");
        labels.put(SlipwayLabels.ENV_TRANSFER_PORT, "8080/tcp");
        labels.put(SlipwayLabels.ENV_TOOLCHAIN_INSTALL, "sh /opt/toolchain/install.sh");
        labels.put(SlipwayLabels.ENV_BUILD_COMMAND, "sh /work/hello-tool/build.sh /out");
        labels.put(SlipwayLabels.ENV_OUTPUT_PATH, "/out");
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static ListView<String> list(Scene scene, String id) {
        return (ListView<String>) scene.lookup(id);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Registry view did not get there within 60 s");
            }
            Thread.sleep(200);
        }
    }
}
