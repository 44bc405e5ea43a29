package io.slipway.gui.settings;

import io.slipway.core.settings.Preference;
import io.slipway.gui.common.Columns;
import io.slipway.gui.common.FolderOpener;
import io.slipway.gui.common.Placeholders;
import io.slipway.gui.look.Theme;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/** Binds the Settings view: the preferences' editors (one row each) and the stored settings. */
public final class SettingsViewController {
    private final SettingsViewModel vm;

    @FXML private Label workspaceLabel;
    @FXML private Label databaseLabel;
    @FXML private Label schemaLabel;
    @FXML private GridPane preferencesGrid;
    @FXML private ChoiceBox<Theme> themeChoice;
    @FXML private CheckBox askReasonBox;
    @FXML private Label preferencesMessage;
    @FXML private Label preferencesError;
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
        themeChoice.getItems().setAll(Theme.values());
        themeChoice.valueProperty().bindBidirectional(vm.themeProperty());
        askReasonBox.selectedProperty().bindBidirectional(vm.askReasonProperty());
        int row = preferencesGrid.getRowCount();
        for (Preference p : Preference.values()) {
            if (p.isNumber()) {
                TextField field = new TextField();
                field.setId("pref-" + p.key().replace('.', '-'));
                field.setPrefColumnCount(6);
                field.textProperty().bindBidirectional(vm.number(p));
                field.setTooltip(new Tooltip(p.min() + " to " + p.max() + " (default " + p.defaultValue() + ")"));
                field.setOnAction(e -> save());
                Label name = new Label(p.label());
                name.getStyleClass().add("fact-name");
                preferencesGrid.addRow(row++, name, field);
            }
        }
        preferencesMessage.textProperty().bind(vm.messageProperty());
        preferencesError.textProperty().bind(vm.errorProperty());
        preferencesError.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        preferencesError.managedProperty().bind(preferencesError.visibleProperty());
        table.setItems(vm.entries());
        Placeholders.bind(table.placeholderProperty(), vm,
                "No settings stored yet; window placement is saved when the window closes.");
        Columns.text(nameColumn, SettingEntry::name);
        Columns.text(valueColumn, SettingEntry::value);
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void revert() {
        vm.revert();
    }

    @FXML
    private void openWorkspaceFolder() {
        FolderOpener.open(vm.workspace()).ifPresent(vm::report);
    }
}
