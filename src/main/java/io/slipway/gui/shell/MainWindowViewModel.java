package io.slipway.gui.shell;

import io.slipway.core.common.SlipwayVersion;
import io.slipway.core.store.Settings;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.RunningTasks;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The shell: which view is current, what the status bar says, and what is remembered across restarts. */
public final class MainWindowViewModel {
    static final String LAST_VIEW = "ui.lastView";

    private final Map<ConsoleView, RefreshableViewModel<?>> views;
    private final Settings settings;
    private final Path workspace;
    private final Path databaseFile;
    private final ReadOnlyObjectWrapper<ConsoleView> currentView = new ReadOnlyObjectWrapper<>(this, "currentView");
    private final IntegerBinding runningTaskCount;
    private final StringBinding statusText;
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");

    public MainWindowViewModel(Map<ConsoleView, RefreshableViewModel<?>> views, Settings settings, Path workspace,
                               Path databaseFile, RunningTasks running) {
        this.views = new EnumMap<>(views);
        for (ConsoleView v : ConsoleView.values()) {
            if (!this.views.containsKey(v)) {
                throw new IllegalArgumentException("no view-model for view " + v);
            }
        }
        this.settings = settings;
        this.workspace = workspace;
        this.databaseFile = databaseFile;
        this.runningTaskCount = Bindings.size(running.tasks());
        this.statusText = Bindings.createStringBinding(() -> switch (running.tasks().size()) {
            case 0 -> problem.get().isEmpty() ? "Ready" : problem.get();
            case 1 -> running.tasks().get(0).getTitle() + "…";
            default -> Formats.plural(running.tasks().size(), "task", "tasks") + " running";
        }, running.tasks(), problem);
    }

    /** Shows {@code view}, loading its data the first time. */
    public void navigate(ConsoleView view) {
        currentView.set(view);
        views.get(view).activate();
    }

    /** A problem to show in the status bar while nothing runs (e.g. a folder that could not be opened). */
    public void report(String message) {
        problem.set(message);
    }

    public void refreshCurrent() {
        ConsoleView view = currentView.get();
        if (view != null) {
            views.get(view).refreshByUser();
        }
    }

    /** At start-up: the view the user left the last time, else Nodes. (One small local read.) */
    public void openLastView() {
        navigate(settings.get(LAST_VIEW).flatMap(ConsoleView::fromSetting).orElse(ConsoleView.NODES));
    }

    /** At close, together with the window geometry. */
    public void rememberLastView() {
        ConsoleView view = currentView.get();
        if (view != null) {
            settings.put(LAST_VIEW, view.settingValue());
        }
    }

    public ReadOnlyObjectProperty<ConsoleView> currentViewProperty() {
        return currentView.getReadOnlyProperty();
    }

    public IntegerBinding runningTaskCountProperty() {
        return runningTaskCount;
    }

    public StringBinding statusTextProperty() {
        return statusText;
    }

    public String windowTitle() {
        return "Slipway — " + workspace;
    }

    public String aboutHeader() {
        return "Slipway " + SlipwayVersion.get();
    }

    public String aboutText() {
        return "Release-engineering console: fleet deploy, upgrades, release by SBOM, offline audit.\n\n"
                + "Workspace: " + workspace + "\nDatabase: " + databaseFile;
    }
}
