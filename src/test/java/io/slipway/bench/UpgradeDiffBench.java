package io.slipway.bench;

import io.slipway.core.SlipwayCore;
import io.slipway.core.inventory.Node;
import io.slipway.core.upgrade.UpgradeDiff;
import io.slipway.core.upgrade.UpgradeOffer;
import io.slipway.gui.common.FxmlLoaderFactory;
import io.slipway.gui.upgrade.UpgradeHistoryViewController;
import io.slipway.gui.upgrade.UpgradeHistoryViewModel;
import io.slipway.gui.upgrade.UpgradeLiveViewController;
import io.slipway.gui.upgrade.UpgradeLiveViewModel;
import io.slipway.gui.upgrade.UpgradesViewController;
import io.slipway.gui.upgrade.UpgradesViewModel;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Upgrade diff benchmark: a workspace with a synthetic fleet ({@code nodes} nodes, each with most of {@code software}
 * software installed at assorted versions) and one offer of every software. Measures the diff's computation, then
 * the real Upgrades view (FXML, controller, view-model) in a 1280x800 window: the time from choosing the offer to
 * the end of the layout of the frame that shows the table ("open"), and per scroll step (down a page, right a
 * page, back) the time to the end of the next pulse's layout, as in the SBOM filter bench. Prints median and max.
 *
 * <p>Run with {@code scripts/bench-upgrade-diff.sh [nodes=1000] [software=500] [steps=120]}.
 */
public final class UpgradeDiffBench {
    private UpgradeDiffBench() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int software = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        Path work = Files.createDirectories(Path.of(args.length > 3 ? args[3] : System.getProperty("java.io.tmpdir"),
                "slipway-upgrade-diff-bench"));
        SlipwayCore core = SlipwayCore.open(Files.createTempDirectory(work, "ws-"), Optional.empty());
        long t0 = System.nanoTime();
        fill(core, nodes, software);
        System.out.printf(Locale.ROOT, "Upgrade diff benchmark: JDK %s, JavaFX %s, prism %s, glass %s, %d cores, load "
                        + "average %.1f%nworkspace filled with %,d nodes x %,d software in %.1f s%n",
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version"),
                System.getProperty("prism.order", "default"), System.getProperty("glass.platform", "default"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), nodes, software,
                (System.nanoTime() - t0) / 1e9);

        // the diff alone, as the view computes it: read the fleet and the offer, compare (median of 7 after 3)
        List<Double> compute = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long s = System.nanoTime();
            List<Node> fleet = core.nodes().all();
            UpgradeOffer offer = core.upgrades().all().get(0);
            long read = System.nanoTime();
            UpgradeDiff diff = UpgradeDiff.of(offer, fleet);
            if (i >= 3) {
                compute.add((System.nanoTime() - read) / 1e6);
                if (i == 9) {
                    System.out.printf(Locale.ROOT, "diff: %,d cells, %,d targets; read fleet + offer %.0f ms, compare "
                            + "median %.1f ms, max %.1f ms (target < 200 ms)%n", (long) nodes * software,
                            diff.targetCount(), (read - s) / 1e6, Stats.median(compute), Stats.max(compute));
                }
            }
        }

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        UpgradesViewModel vm = new UpgradesViewModel(core.upgrades(), core.nodes(), new SynchronousTaskExecutor());
        Object[] ui = onFx(() -> {
            // the view's Live and History tabs, idle: only the diff is measured
            UpgradeLiveViewModel live = new UpgradeLiveViewModel(null, new SynchronousTaskExecutor(),
                    (task, delay) -> Platform.runLater(task), () -> { });
            FxmlLoaderFactory loaders = new FxmlLoaderFactory(Map.of(UpgradesViewController.class,
                    (Supplier<Object>) () -> new UpgradesViewController(vm), UpgradeLiveViewController.class,
                    (Supplier<Object>) () -> new UpgradeLiveViewController(live), UpgradeHistoryViewController.class,
                    (Supplier<Object>) () -> new UpgradeHistoryViewController(new UpgradeHistoryViewModel(
                            core.upgradeService(), new SynchronousTaskExecutor()))));
            Parent root = loaders.load("UpgradesView");
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(UpgradeDiffBench.class.getResource("/css/slipway.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return new Object[] {scene, root.lookup("#upgradeTable"), root.lookup("#diffColumnScroll")};
        });
        Scene scene = (Scene) ui[0];
        TableView<?> table = (TableView<?>) ui[1];
        // "open": loading the offers and fleet, diffing, building 500 columns and painting the first screen
        double open = Frames.time(scene, vm::refresh);
        System.out.printf(Locale.ROOT, "open (load + diff + columns + first layout): %.0f ms; %d rows, %d software "
                + "through %d table columns%n", open, onFx(() -> table.getItems().size()), onFx(() -> vm.software().size()),
                onFx(() -> table.getColumns().size()));
        double reopen = Frames.time(scene, () -> {
            vm.offerProperty().set(null);
            vm.offerProperty().set(vm.offers().get(0));
        });
        System.out.printf(Locale.ROOT, "re-choose the offer (diff + columns + layout): %.0f ms%n", reopen);

        ScrollBar vertical = onFx(() -> bar(table, Orientation.VERTICAL));
        ScrollBar horizontal = (ScrollBar) ui[2]; // the column window's bar: the table holds only the columns on screen
        List<Double> all = new ArrayList<>();
        for (int round = 0; round <= 3; round++) {
            List<Double> frames = new ArrayList<>();
            for (ScrollBar bar : List.of(vertical, horizontal)) {
                for (int i = 1; i <= steps; i++) {
                    double to = bar.getMax() * i / steps;
                    frames.add(Frames.time(scene, () -> bar.setValue(to)));
                }
                for (int i = steps - 1; i >= 0; i -= 7) {  // back in bigger jumps: new cells everywhere
                    double to = bar.getMax() * i / steps;
                    frames.add(Frames.time(scene, () -> bar.setValue(to)));
                }
            }
            for (int i = 0; i < steps / 4; i++) {  // diagonal: both at once
                double f = (i * 37 % steps) / (double) steps;
                frames.add(Frames.time(scene, () -> {
                    vertical.setValue(vertical.getMax() * f);
                    horizontal.setValue(horizontal.getMax() * (1 - f));
                }));
            }
            String label = round == 0 ? "warm-up round" : "round " + round;
            System.out.printf(Locale.ROOT, "%s: %d scroll frames, median %.1f ms, max %.1f ms%n", label, frames.size(),
                    Stats.median(frames), Stats.max(frames));
            if (round > 0) {
                all.addAll(frames);
            }
        }
        System.out.printf(Locale.ROOT, "ALL %d timed scroll frames over %,d x %,d cells: median %.1f ms, p95 %.1f ms, "
                        + "max %.1f ms (target: no frame over 100 ms)%n", all.size(), nodes, software,
                Stats.median(all), Stats.percentile(all, 0.95), Stats.max(all));
        Platform.exit();
        core.close();
        System.exit(0);
    }

    /** Nodes with 85 % of the software installed, a third of those behind the offer (deterministic). */
    private static void fill(SlipwayCore core, int nodes, int software) {
        Random random = new Random(42);
        Map<String, String> offered = new LinkedHashMap<>();
        for (int s = 0; s < software; s++) {
            offered.put(String.format(Locale.ROOT, "component-%03d", s), "3." + (s % 7) + ".0");
        }
        core.upgrades().add("bench offer", Instant.parse("2026-12-01T00:00:00Z"), offered);
        for (int n = 0; n < nodes; n++) {
            Map<String, String> installed = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : offered.entrySet()) {
                int dice = random.nextInt(100);
                if (dice < 85) {
                    installed.put(e.getKey(), dice < 28 ? "2." + dice % 9 + ".1" : e.getValue());
                }
            }
            core.nodes().add(String.format(Locale.ROOT, "node-%04d", n), "tcp://127.0.0.1:" + (20000 + n),
                    List.of("bench"), "", installed);
        }
    }

    private static ScrollBar bar(TableView<?> table, Orientation o) {
        return table.lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar b && b.getOrientation() == o)
                .map(ScrollBar.class::cast).findFirst().orElseThrow();
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(600, TimeUnit.SECONDS);
    }
}
