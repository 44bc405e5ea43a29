package io.slipway.gui.settings;

import io.slipway.core.common.Progress;
import io.slipway.core.store.Settings;
import io.slipway.core.store.Workspace;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Where the workspace is and what settings it stores. */
public final class SettingsViewModel extends RefreshableViewModel<Map<String, String>> {
    private final Settings settings;
    private final String workspacePath;
    private final String databaseFile;
    private final ObservableList<SettingEntry> entries = FXCollections.observableArrayList();

    public SettingsViewModel(Workspace workspace, Settings settings, TaskExecutor executor) {
        super(executor, "Loading settings");
        this.settings = settings;
        this.workspacePath = workspace.directory().toString();
        this.databaseFile = workspace.databasePath().toString();
    }

    @Override
    protected Map<String, String> load(Progress progress) {
        progress.progress(0, 0, "Reading settings");
        return settings.all();
    }

    @Override
    protected void show(Map<String, String> stored) {
        entries.setAll(stored.entrySet().stream().map(e -> new SettingEntry(e.getKey(), e.getValue())).toList());
    }

    public String workspacePath() {
        return workspacePath;
    }

    public String databaseFile() {
        return databaseFile;
    }

    public String schemaVersion() {
        return Integer.toString(Workspace.SCHEMA_VERSION);
    }

    public ObservableList<SettingEntry> entries() {
        return entries;
    }
}
