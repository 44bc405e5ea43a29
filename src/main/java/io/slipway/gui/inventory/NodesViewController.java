package io.slipway.gui.inventory;

import io.slipway.core.inventory.NodeStatus;
import io.slipway.gui.common.Columns;
import io.slipway.gui.common.Placeholders;
import io.slipway.gui.common.TextCells;
import io.slipway.gui.look.Icons;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** Binds the Nodes view to its view-model. */
public final class NodesViewController {
    private final NodesViewModel vm;

    @FXML private TextField filterField;
    @FXML private ComboBox<String> groupFilter;
    @FXML private TableView<NodeRow> table;
    @FXML private TableColumn<NodeRow, String> nameColumn;
    @FXML private TableColumn<NodeRow, String> endpointColumn;
    @FXML private TableColumn<NodeRow, String> groupsColumn;
    @FXML private TableColumn<NodeRow, NodeRow> statusColumn;
    @FXML private TableColumn<NodeRow, String> engineColumn;
    @FXML private TableColumn<NodeRow, String> osArchColumn;
    @FXML private TableColumn<NodeRow, String> cpusColumn;
    @FXML private TableColumn<NodeRow, String> memoryColumn;
    @FXML private TableColumn<NodeRow, String> lastSeenColumn;
    @FXML private ComboBox<String> labelFilter;
    @FXML private ComboBox<String> statusFilter;
    @FXML private Button editButton;
    @FXML private Button removeButton;
    @FXML private Button probeButton;
    @FXML private Label probeLabel;
    @FXML private ProgressBar probeBar;
    @FXML private TableColumn<NodeRow, String> installedColumn;
    @FXML private TableColumn<NodeRow, String> lastUpgradeColumn;
    @FXML private Label summaryLabel;

    public NodesViewController(NodesViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        filterField.textProperty().bindBidirectional(vm.filterTextProperty());
        groupFilter.setItems(vm.groups());
        groupFilter.valueProperty().bindBidirectional(vm.groupProperty());
        labelFilter.setItems(vm.labels());
        labelFilter.valueProperty().bindBidirectional(vm.labelProperty());
        statusFilter.setItems(vm.statuses());
        statusFilter.valueProperty().bindBidirectional(vm.statusProperty());
        table.setItems(vm.visibleNodes());
        editButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        removeButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        probeButton.disableProperty().bind(vm.probingProperty());
        probeBar.progressProperty().bind(vm.probeProgressProperty());
        probeBar.visibleProperty().bind(vm.probingProperty());
        probeLabel.textProperty().bind(vm.probeMessageProperty());
        vm.actionErrorProperty().addListener((obs, was, now) -> {
            if (now != null && !now.isEmpty()) {
                Alert alert = new Alert(Alert.AlertType.ERROR, now, ButtonType.OK);
                alert.initOwner(table.getScene().getWindow());
                alert.setHeaderText("The node was not changed");
                alert.show();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && table.getSelectionModel().getSelectedItem() != null) {
                edit();
            }
        });
        Placeholders.bind(table.placeholderProperty(), vm, vm.emptyTextProperty());
        Columns.text(nameColumn, NodeRow::name);
        Columns.text(endpointColumn, NodeRow::endpoint);
        Columns.text(groupsColumn, NodeRow::groups);
        Columns.value(statusColumn, row -> row);
        statusColumn.setCellFactory(c -> new StatusCell());
        statusColumn.setComparator((a, b) -> a.status().compareTo(b.status()));
        Columns.text(engineColumn, NodeRow::engineVersion);
        Columns.text(osArchColumn, NodeRow::osArch);
        Columns.text(cpusColumn, NodeRow::cpus);
        Columns.text(memoryColumn, NodeRow::memory);
        Columns.text(lastSeenColumn, NodeRow::lastSeen);
        Columns.text(installedColumn, NodeRow::installed);
        installedColumn.setCellFactory(c -> TextCells.wrapping());
        Columns.text(lastUpgradeColumn, r -> vm.lastUpgrade(r.name()));
        lastUpgradeColumn.setCellFactory(c -> TextCells.wrapping());
        summaryLabel.textProperty().bind(vm.summaryProperty());
    }

    @FXML
    private void add() {
        NodeDialog dialog = new NodeDialog(table.getScene().getWindow(), "Add node", NodeForm.empty(), vm::validate);
        dialog.showAndWait().ifPresent(form -> vm.addNode(form, dialog.reason()));
    }

    @FXML
    private void edit() {
        NodeRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || row.node() == null) {
            return;
        }
        NodeDialog dialog = new NodeDialog(table.getScene().getWindow(), "Edit node " + row.name(),
                NodeForm.of(row.node()), vm::validate);
        dialog.showAndWait().ifPresent(form -> vm.editNode(row.name(), form, dialog.reason()));
    }

    @FXML
    private void remove() {
        NodeRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Remove node " + row.name()
                + " from the inventory? Its deploy history stays.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(table.getScene().getWindow());
        confirm.setHeaderText("Remove " + row.name());
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.removeNode(row.name()));
    }

    @FXML
    private void probe() {
        vm.probeAll();
    }

    /** The status word with its icon (a shape per status); the colour comes from CSS ({@code .status-reachable} etc.). */
    private static final class StatusCell extends TableCell<NodeRow, NodeRow> {
        @Override
        protected void updateItem(NodeRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(s -> s.startsWith("status-"));
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            getStyleClass().add("status-" + row.statusText());
            setText(row.statusText());
            setGraphic(Icons.forStatus(row.statusText()));
            setTooltip(row.status() == NodeStatus.UNKNOWN ? new Tooltip("Not probed yet") : new Tooltip(row.statusReason()));
        }
    }
}
