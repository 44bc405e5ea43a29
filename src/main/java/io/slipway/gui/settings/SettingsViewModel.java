package io.slipway.gui.settings;

import io.slipway.core.common.Progress;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.settings.Preference;
import io.slipway.core.settings.Preferences;
import io.slipway.core.store.Settings;
import io.slipway.core.store.Workspace;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.look.Theme;
import io.slipway.gui.tasks.TaskExecutor;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Where the workspace is, what it stores, and the preferences a user sets: the theme (applied and stored as soon
 * as it is chosen), the numbers and switches (stored by {@link #save}, checked by the core first).
 */
public final class SettingsViewModel extends RefreshableViewModel<Map<String, String>> {
    private final Settings settings;
    private final Preferences preferences;
    private final Path workspace;
    private final String databaseFile;
    private final ObservableList<SettingEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final Map<Preference, StringProperty> numbers = new EnumMap<>(Preference.class);
    private final BooleanProperty askReason = new SimpleBooleanProperty(this, "askReason");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public SettingsViewModel(Workspace workspace, Settings settings, Preferences preferences, TaskExecutor executor) {
        super(executor, "Loading settings");
        this.settings = settings;
        this.preferences = preferences;
        this.workspace = workspace.directory();
        this.databaseFile = workspace.databasePath().toString();
        for (Preference p : Preference.values()) {
            if (p.isNumber()) {
                numbers.put(p, new SimpleStringProperty(this, p.key()));
            }
        }
        takeStored();
        theme.addListener((obs, was, now) -> {
            if (now != null && was != null) {
                store(Map.of(Preference.THEME, now.settingValue()));
            }
        });
    }

    private void takeStored() {
        Map<Preference, String> stored = preferences.all();
        theme.set(Theme.fromSetting(stored.get(Preference.THEME)).orElse(Theme.SYSTEM));
        numbers.forEach((p, prop) -> prop.set(stored.get(p)));
        askReason.set(Boolean.parseBoolean(stored.get(Preference.ASK_REASON)));
    }

    /** Checks and stores the numbers and switches; on a bad value nothing is stored and {@link #error} says why. */
    public boolean save() {
        Map<Preference, String> values = new EnumMap<>(Preference.class);
        numbers.forEach((p, prop) -> values.put(p, prop.get()));
        values.put(Preference.ASK_REASON, Boolean.toString(askReason.get()));
        return store(values);
    }

    /** Shows a problem that is not about a value (e.g. the folder could not be opened). */
    public void report(String problem) {
        message.set("");
        error.set(problem);
    }

    /** Back to what is stored. */
    public void revert() {
        takeStored();
        error.set("");
        message.set("");
    }

    private boolean store(Map<Preference, String> values) {
        try {
            int changed = preferences.setAll(values);
            error.set("");
            message.set(changed == 0 ? "Nothing changed." : "Saved " + changed + (changed == 1 ? " setting." : " settings."));
            refresh();
            return true;
        } catch (UserFacingException e) {
            message.set("");
            error.set(e.getMessage());
            return false;
        }
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

    public Path workspace() {
        return workspace;
    }

    public String workspacePath() {
        return workspace.toString();
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

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The text of a number preference, as typed. */
    public StringProperty number(Preference p) {
        StringProperty prop = numbers.get(p);
        if (prop == null) {
            throw new IllegalArgumentException(p + " is not a number preference");
        }
        return prop;
    }

    public BooleanProperty askReasonProperty() {
        return askReason;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
