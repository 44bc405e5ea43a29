package io.slipway.gui.settings;

import io.slipway.gui.common.Columns;
import io.slipway.gui.common.Placeholders;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds the Settings view. */
public final class SettingsViewController {
    private final SettingsViewModel vm;

    @FXML private Label workspaceLabel;
    @FXML private Label databaseLabel;
    @FXML private Label schemaLabel;
    @FXML private TableView<SettingEntry> table;
    @FXML private TableColumn<SettingEntry, String> nameColumn;
    @FXML private TableColumn<SettingEntry, String> valueColumn;

    public SettingsViewController(SettingsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        workspaceLabel.setText(vm.workspacePath());
        databaseLabel.setText(vm.databaseFile());
        schemaLabel.setText(vm.schemaVersion());
        table.setItems(vm.entries());
        Placeholders.bind(table.placeholderProperty(), vm,
                "No settings stored yet; window placement is saved when the window closes.");
        Columns.text(nameColumn, SettingEntry::name);
        Columns.text(valueColumn, SettingEntry::value);
    }
}
