package io.slipway.bench;

import io.slipway.core.SlipwayCore;
import io.slipway.core.sbom.read.SyntheticSpdx;
import io.slipway.gui.common.FxmlLoaderFactory;
import io.slipway.gui.sbom.ReleasePublishController;
import io.slipway.gui.sbom.SbomViewController;
import io.slipway.gui.sbom.SbomViewModel;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import io.slipway.testsupport.SharedDir;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * SBOM browser filter benchmark: the real SBOM view (FXML, controller, view-model) in a 1280x800 window with a
 * 50k-package SPDX document built deterministically from ../shared/corpus/spdx (the read bench's generator).
 * Types filter strings key by key into the quick-filter field and measures, per keystroke, the time from the text
 * change to the end of the next pulse's layout ({@code Scene.addPostLayoutPulseListener}), i.e. until the table
 * and charts have been refiltered and laid out for the frame that shows them. Prints median and max.
 *
 * <p>Run with {@code scripts/bench-sbom-filter.sh [packages=50000] [rounds=5]} (Monocle headless; or Xvfb with
 * {@code BENCH_DISPLAY=xvfb}).
 */
public final class SbomFilterBench {
    private static final String[] WORDS = {"golang", "kube", "apache-2.0", "x/net", "zzz", "mit", "sigs.k8s"};

    /** Per keystroke, the part spent synchronously in the text change (filtering, list and chart updates). */
    private static final List<Double> SYNC = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SbomFilterBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createDirectories(Path.of(args.length > 2 ? args[2] : System.getProperty("java.io.tmpdir"),
                "slipway-sbom-filter-bench"));
        Path file = work.resolve("spdx-" + n + ".json");
        SyntheticSpdx.writeFromPackages(file, SyntheticSpdx.corpusPackages(SharedDir.spdxCorpus()), n);
        Path wsDir = Files.createTempDirectory(work, "ws-");
        SlipwayCore core = SlipwayCore.open(wsDir, Optional.empty());

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        SbomViewModel vm = new SbomViewModel(core.components(), core.sbomRelease(), core.settings(),
                new SynchronousTaskExecutor(), Runnable::run);
        Object[] ui = onFx(() -> {
            FxmlLoaderFactory loaders = new FxmlLoaderFactory(Map.of(SbomViewController.class,
                    (Supplier<Object>) () -> new SbomViewController(vm), ReleasePublishController.class,
                    (Supplier<Object>) () -> new ReleasePublishController(vm.policy(), vm.publishing())));
            Parent root = loaders.load("SbomView");
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(SbomFilterBench.class.getResource("/css/slipway.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            long t0 = System.nanoTime();
            vm.open(file); // synchronous executor: reads the document on the FX thread, fine for a bench
            return new Object[] {scene, root.lookup("#sbomFilter"), root.lookup("#sbomTable"),
                    (System.nanoTime() - t0) / 1e6};
        });
        Scene scene = (Scene) ui[0];
        TextField filter = (TextField) ui[1];
        TableView<?> table = (TableView<?>) ui[2];
        int rows = onFx(() -> table.getItems().size());
        System.out.printf(Locale.ROOT, "SBOM filter benchmark: JDK %s, JavaFX %s, prism %s, glass %s, %d cores, "
                        + "load average %.1f%n%,d packages (%.1f MB) opened in %.0f ms; table shows %,d rows%n",
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version"),
                System.getProperty("prism.order", "default"), System.getProperty("glass.platform", "default"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), n, Files.size(file) / 1e6,
                (double) ui[3], rows);
        if (message(vm) != null) {
            throw new IllegalStateException(message(vm));
        }

        List<Double> all = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            SYNC.clear();
            List<Double> times = new ArrayList<>();
            for (String word : WORDS) {
                for (int k = 1; k <= word.length(); k++) {
                    times.add(keystroke(scene, filter, word.substring(0, k)));
                }
                for (int k = word.length() - 1; k >= 0; k--) { // backspace to empty: the widest refilters
                    times.add(keystroke(scene, filter, word.substring(0, k)));
                }
            }
            if (round == 0) {
                System.out.printf(Locale.ROOT, "warm-up round: %d keystrokes, median %.1f ms, max %.1f ms%n",
                        times.size(), Stats.median(times), Stats.max(times));
            } else {
                all.addAll(times);
                System.out.printf(Locale.ROOT, "round %d: %d keystrokes, median %.1f ms, max %.1f ms (of which in the "
                        + "text change itself: median %.1f ms, max %.1f ms)%n", round, times.size(), Stats.median(times),
                        Stats.max(times), Stats.median(SYNC), Stats.max(SYNC));
            }
        }
        System.out.printf(Locale.ROOT, "ALL %d timed keystrokes over %,d rows: median %.1f ms, p95 %.1f ms, max %.1f ms "
                + "(target < 100 ms)%n", all.size(), rows, Stats.median(all), Stats.percentile(all, 0.95), Stats.max(all));
        Platform.exit();
        core.close();
        System.exit(0);
    }

    private static String message(SbomViewModel vm) throws Exception {
        String m = onFx(() -> vm.messageProperty().get());
        return m == null || m.isEmpty() ? null : m;
    }

    /** Sets the filter text on the FX thread; returns ms until the end of the next pulse's layout. */
    private static double keystroke(Scene scene, TextField filter, String text) throws Exception {
        return Frames.time(scene, () -> filter.setText(text), SYNC::add);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(300, TimeUnit.SECONDS);
    }
}
