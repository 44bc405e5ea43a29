package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.UpgradeTargetRecord;
import io.slipway.gui.common.PassphrasePrompt;
import io.slipway.gui.common.ProgressCells;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;

/** Binds the live upgrade pane (Upgrades view, Live tab) to its view-model. */
public final class UpgradeLiveViewController {
    private final UpgradeLiveViewModel vm;

    @FXML private Button resumeButton;
    @FXML private Button retryButton;
    @FXML private Button abortButton;
    @FXML private Label titleLabel;
    @FXML private Label waveLabel;
    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    @FXML private TableView<LiveTargetRow> table;
    @FXML private TableColumn<LiveTargetRow, String> nodeColumn;
    @FXML private TableColumn<LiveTargetRow, String> softwareColumn;
    @FXML private TableColumn<LiveTargetRow, String> changeColumn;
    @FXML private TableColumn<LiveTargetRow, Number> waveColumn;
    @FXML private TableColumn<LiveTargetRow, String> stepColumn;
    @FXML private TableColumn<LiveTargetRow, Number> progressColumn;
    @FXML private TableColumn<LiveTargetRow, String> elapsedColumn;
    @FXML private TableColumn<LiveTargetRow, UpgradeTargetRecord> upgradeColumn;
    @FXML private TableColumn<LiveTargetRow, UpgradeTargetRecord> runColumn;
    @FXML private TableColumn<LiveTargetRow, String> countdownColumn;
    @FXML private TitledPane logPane;
    @FXML private ListView<String> logList;

    public UpgradeLiveViewController(UpgradeLiveViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(vm.titleProperty());
        waveLabel.textProperty().bind(vm.waveProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        resumeButton.disableProperty().bind(vm.pausedProperty().not().or(vm.activeProperty()));
        retryButton.disableProperty().bind(vm.retryAvailableProperty().not().or(vm.activeProperty()));
        abortButton.disableProperty().bind(vm.activeProperty().not().and(vm.pausedProperty().not()));
        table.setItems(vm.rows());
        nodeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().node()));
        softwareColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().software()));
        changeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().change()));
        waveColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().recordProperty().get().wave()));
        stepColumn.setCellValueFactory(c -> c.getValue().stepProperty());
        progressColumn.setCellValueFactory(c -> c.getValue().progressProperty());
        progressColumn.setCellFactory(c -> ProgressCells.create());
        elapsedColumn.setCellValueFactory(c -> c.getValue().elapsedProperty());
        VerdictCells.bind(upgradeColumn, LiveTargetRow::recordProperty, Verdicts::upgrade);
        VerdictCells.bind(runColumn, LiveTargetRow::recordProperty, Verdicts::run);
        countdownColumn.setCellValueFactory(c -> c.getValue().countdownProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            logList.setItems(now == null ? null : now.log());
            logPane.setText(now == null ? "Log (select a target)" : "Log — " + now.node() + " / " + now.software()
                    + " (last " + LiveTargetRow.LOG_LINES + " lines)");
        });
        vm.rows().addListener((ListChangeListener<LiveTargetRow>) c -> {
            if (table.getSelectionModel().isEmpty() && !vm.rows().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
    }

    @FXML
    private void resume() {
        askPassphrase("Resume the upgrade run", vm::resume);
    }

    @FXML
    private void retry() {
        askPassphrase("Retry the failed targets", vm::retryFailed);
    }

    @FXML
    private void abort() {
        vm.abort();
    }

    private void askPassphrase(String what, Consumer<char[]> then) {
        PassphrasePrompt.ask(table.getScene().getWindow(), what, "upgradeAgainPassphrase").ifPresent(then);
    }
}
