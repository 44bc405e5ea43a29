package io.slipway.gui.upgrade;

import io.slipway.core.deploy.StepRecord;
import io.slipway.core.upgrade.UpgradeHistoryEntry;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import io.slipway.gui.common.Columns;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.Placeholders;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds the Upgrades view's History tab: filters, the targets, and the selected one's detail, steps and log. */
public final class UpgradeHistoryViewController {
    private final UpgradeHistoryViewModel vm;

    @FXML private ComboBox<String> nodeFilter;
    @FXML private ComboBox<String> softwareFilter;
    @FXML private ComboBox<HistoryFilter> statusFilter;
    @FXML private Label summaryLabel;
    @FXML private TableView<UpgradeHistoryEntry> table;
    @FXML private TableColumn<UpgradeHistoryEntry, String> startedColumn;
    @FXML private TableColumn<UpgradeHistoryEntry, String> runColumn;
    @FXML private TableColumn<UpgradeHistoryEntry, String> nodeColumn;
    @FXML private TableColumn<UpgradeHistoryEntry, String> softwareColumn;
    @FXML private TableColumn<UpgradeHistoryEntry, String> changeColumn;
    @FXML private TableColumn<UpgradeHistoryEntry, UpgradeTargetRecord> upgradeColumn;
    @FXML private TableColumn<UpgradeHistoryEntry, UpgradeTargetRecord> runStatusColumn;
    @FXML private TableColumn<UpgradeHistoryEntry, UpgradeTargetRecord> outcomeColumn;
    @FXML private Label detailLabel;
    @FXML private TableView<StepRecord> stepsTable;
    @FXML private TableColumn<StepRecord, String> stepColumn;
    @FXML private TableColumn<StepRecord, String> stepDurationColumn;
    @FXML private TableColumn<StepRecord, String> stepOutcomeColumn;
    @FXML private TableColumn<StepRecord, String> stepDetailColumn;
    @FXML private ListView<String> logList;

    public UpgradeHistoryViewController(UpgradeHistoryViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        nodeFilter.setItems(vm.nodes());
        nodeFilter.valueProperty().bindBidirectional(vm.nodeProperty());
        softwareFilter.setItems(vm.software());
        softwareFilter.valueProperty().bindBidirectional(vm.softwareProperty());
        statusFilter.getItems().setAll(HistoryFilter.values());
        statusFilter.valueProperty().bindBidirectional(vm.statusProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        table.setItems(vm.rows());
        Placeholders.bind(table.placeholderProperty(), vm, "No upgrade has run in this workspace yet.");
        Columns.text(startedColumn, e -> Formats.time(e.runStartedAt()));
        Columns.text(runColumn, e -> "#" + e.runId());
        Columns.text(nodeColumn, e -> e.target().node());
        Columns.text(softwareColumn, e -> e.target().software());
        Columns.text(changeColumn, e -> e.target().fromVersion() == null ? "install " + e.target().toVersion()
                : e.target().fromVersion() + " → " + e.target().toVersion());
        VerdictCells.bind(upgradeColumn, e -> new ReadOnlyObjectWrapper<>(e.target()), Verdicts::upgrade);
        VerdictCells.bind(runStatusColumn, e -> new ReadOnlyObjectWrapper<>(e.target()), Verdicts::run);
        VerdictCells.bind(outcomeColumn, e -> new ReadOnlyObjectWrapper<>(e.target()), Verdicts::outcome);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        detailLabel.textProperty().bind(vm.detailProperty());
        stepsTable.setItems(vm.steps());
        Columns.text(stepColumn, StepRecord::step);
        Columns.text(stepDurationColumn, s -> Formats.durationMs(s.durationMs()));
        Columns.text(stepOutcomeColumn, StepRecord::outcome);
        Columns.text(stepDetailColumn, s -> Formats.orNone(s.detail()));
        logList.setItems(vm.log());
    }
}
