package io.slipway.gui;

import io.slipway.core.SlipwayCore;
import io.slipway.gui.audit.AuditViewController;
import io.slipway.gui.audit.AuditViewModel;
import io.slipway.gui.common.FxmlLoaderFactory;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.deploy.CoreDeployStarter;
import io.slipway.gui.deploy.DeployProgressViewController;
import io.slipway.gui.deploy.DeployProgressViewModel;
import io.slipway.gui.deploy.DeploysViewController;
import io.slipway.gui.deploy.DeploysViewModel;
import io.slipway.gui.inventory.NodesViewController;
import io.slipway.gui.inventory.NodesViewModel;
import io.slipway.gui.registry.RegistryViewController;
import io.slipway.gui.registry.RegistryViewModel;
import io.slipway.gui.sbom.ReleasePublishController;
import io.slipway.gui.sbom.SbomViewController;
import io.slipway.gui.sbom.SbomViewModel;
import io.slipway.gui.settings.SettingsViewController;
import io.slipway.gui.settings.SettingsViewModel;
import io.slipway.gui.look.AppIcon;
import io.slipway.gui.shell.CompletionNotices;
import io.slipway.gui.shell.ConsoleView;
import io.slipway.gui.shell.MainWindowController;
import io.slipway.gui.shell.MainWindowViewModel;
import io.slipway.gui.shell.WindowPlacement;
import io.slipway.gui.tasks.RunningTasks;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.upgrade.CoreUpgradeStarter;
import io.slipway.gui.upgrade.LastUpgrades;
import io.slipway.gui.upgrade.UpgradeHistoryViewController;
import io.slipway.gui.upgrade.UpgradeHistoryViewModel;
import io.slipway.gui.upgrade.UpgradeLiveViewController;
import io.slipway.gui.upgrade.UpgradeLiveViewModel;
import io.slipway.gui.upgrade.UpgradesViewController;
import io.slipway.gui.upgrade.UpgradesViewModel;
import io.slipway.gui.tasks.WorkerPools;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The console's composition root: builds the view-models from the core's services, maps every FXML controller
 * to its constructor, and puts the main window into a stage. One instance per window; nothing is global.
 */
public final class Console {
    static final String STYLESHEET = "/css/slipway.css";

    private final SlipwayCore core;
    private final TaskExecutor executor;
    private final RunningTasks running;
    private final ExecutorService probes = WorkerPools.elastic("slipway-probe", 16);
    private final ExecutorService pipelines = WorkerPools.elastic("slipway-deploy", 32);

    private final CoreDeployStarter.RegistryOpener registryOpener;
    private CompletionNotices notices;
    private MainWindowViewModel main;
    private SbomViewModel sbomView;

    public Console(SlipwayCore core, TaskExecutor executor, RunningTasks running) {
        this(core, executor, running, (name, passphrase) -> core.registries().access(name, passphrase));
    }

    /** With another way to open registries for deploys (tests use the environment's test registry). */
    public Console(SlipwayCore core, TaskExecutor executor, RunningTasks running,
                   CoreDeployStarter.RegistryOpener registryOpener) {
        this.core = core;
        this.executor = executor;
        this.running = running;
        this.registryOpener = registryOpener;
    }

    private static Map.Entry<Class<?>, Supplier<?>> controller(Class<?> type, Supplier<?> make) {
        return Map.entry(type, make);
    }

    /** On the FX thread: fills {@code stage}, restores placement and the last view, and shows it. */
    public MainWindowViewModel show(Stage stage) {
        NodesViewModel nodes = new NodesViewModel(core.inventory(), executor, probes, Platform::runLater);
        nodes.lastUpgradesFrom(() -> LastUpgrades.byNode(core.upgradeService().history(null, null)));
        DeploysViewModel deploys = new DeploysViewModel(core.deploys(), executor);
        DeployProgressViewModel live = new DeployProgressViewModel(new CoreDeployStarter(core, pipelines, registryOpener), executor,
                WorkerPools.fxDispatcher(), deploys::refresh);
        UpgradesViewModel upgrades = new UpgradesViewModel(core.upgrades(), core.nodes(), executor);
        UpgradeHistoryViewModel upgradeHistory = new UpgradeHistoryViewModel(core.upgradeService(), executor);
        UpgradeLiveViewModel upgradeLive = new UpgradeLiveViewModel(new CoreUpgradeStarter(core, pipelines,
                registryOpener), executor, WorkerPools.fxDispatcher(), () -> {
                    upgrades.refresh(); // nodes now report the new versions
                    upgradeHistory.refresh();
                    nodes.refresh();
                });
        SbomViewModel sbom = new SbomViewModel(core.components(), core.sbomRelease(), core.settings(), executor,
                javafx.application.Platform::runLater);
        AuditViewModel audit = new AuditViewModel(core.audit(), executor, Platform::runLater);
        audit.setExports(new io.slipway.core.audit.export.WorkspaceExports(core.audit(), core.registries(),
                core.workspace().jdbc(), io.slipway.core.common.Clock.SYSTEM, core.workspace().directory()));
        SettingsViewModel settings = new SettingsViewModel(core.workspace(), core.settings(), core.preferences(),
                executor);
        settings.themeProperty().get().apply();
        settings.themeProperty().addListener((obs, was, now) -> now.apply());
        RegistryViewModel registry = new RegistryViewModel(core.registries(), executor);
        Map<ConsoleView, RefreshableViewModel<?>> views = Map.of(ConsoleView.NODES, nodes,
                ConsoleView.DEPLOYS, deploys, ConsoleView.REGISTRY, registry, ConsoleView.UPGRADES, upgrades,
                ConsoleView.SBOM, sbom, ConsoleView.AUDIT, audit, ConsoleView.SETTINGS, settings);
        sbomView = sbom;
        main = new MainWindowViewModel(views, core.settings(), core.workspace().directory(),
                core.workspace().databasePath(), running);
        audit.setNavigator(link -> main.navigate(switch (link) {
            case DEPLOYS -> ConsoleView.DEPLOYS;
            case NODES -> ConsoleView.NODES;
            case SBOM -> ConsoleView.SBOM;
        }));

        FxmlLoaderFactory[] loaders = new FxmlLoaderFactory[1]; // the shell's controller loads views with it
        Map<Class<?>, Supplier<?>> controllers = Map.ofEntries(
                controller(MainWindowController.class, () -> new MainWindowController(main, loaders[0], running)),
                controller(NodesViewController.class, () -> new NodesViewController(nodes)),
                controller(DeploysViewController.class, () -> new DeploysViewController(deploys)),
                controller(DeployProgressViewController.class, () -> new DeployProgressViewController(live)),
                controller(UpgradesViewController.class, () -> new UpgradesViewController(upgrades, upgradeLive.registries(),
                        upgradeLive::start, upgradeLive::loadRegistries, upgradeHistory::activate)),
                controller(UpgradeLiveViewController.class, () -> new UpgradeLiveViewController(upgradeLive)),
                controller(UpgradeHistoryViewController.class, () -> new UpgradeHistoryViewController(upgradeHistory)),
                controller(SbomViewController.class, () -> new SbomViewController(sbom)),
                controller(ReleasePublishController.class, () -> new ReleasePublishController(sbom.policy(), sbom.publishing())),
                controller(AuditViewController.class, () -> new AuditViewController(audit)),
                controller(SettingsViewController.class, () -> new SettingsViewController(settings)),
                controller(RegistryViewController.class, () -> new RegistryViewController(registry)));
        loaders[0] = new FxmlLoaderFactory(controllers);

        Scene scene = new Scene(loaders[0].load("MainWindow"));
        scene.getStylesheets().add(Console.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        AppIcon.addTo(stage);
        stage.setTitle(main.windowTitle());
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        WindowPlacement placement = new WindowPlacement(core.settings());
        placement.restore(stage);
        main.openLastView();
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> {
            placement.save(stage);
            main.rememberLastView();
        });
        notices = new CompletionNotices(stage, main);
        NoticeWiring.wire(notices, live, sbom.publishing(), registry.admin());
        stage.show();
        return main;
    }

    /**
     * After {@link #show}: the hook that announces the end of long work when the user is elsewhere (the views'
     * deploy, publish and registry login are wired to it already).
     */
    public CompletionNotices notices() {
        return notices;
    }

    /** After {@link #show}: shows the SBOM view with {@code file} opened (from the command line). */
    public void openSbom(Path file) {
        main.navigate(ConsoleView.SBOM);
        sbomView.open(file);
    }
}
