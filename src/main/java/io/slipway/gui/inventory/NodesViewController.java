package io.slipway.gui.inventory;

import io.slipway.core.inventory.NodeStatus;
import io.slipway.gui.common.Columns;
import io.slipway.gui.common.Placeholders;
import io.slipway.gui.common.TextCells;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

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
    @FXML private TableColumn<NodeRow, String> lastSeenColumn;
    @FXML private TableColumn<NodeRow, String> installedColumn;
    @FXML private Label summaryLabel;

    public NodesViewController(NodesViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        filterField.textProperty().bindBidirectional(vm.filterTextProperty());
        groupFilter.setItems(vm.groups());
        groupFilter.valueProperty().bindBidirectional(vm.groupProperty());
        table.setItems(vm.visibleNodes());
        Placeholders.bind(table.placeholderProperty(), vm, vm.emptyTextProperty());
        Columns.text(nameColumn, NodeRow::name);
        Columns.text(endpointColumn, NodeRow::endpoint);
        Columns.text(groupsColumn, NodeRow::groups);
        Columns.value(statusColumn, row -> row);
        statusColumn.setCellFactory(c -> new StatusCell());
        statusColumn.setComparator((a, b) -> a.status().compareTo(b.status()));
        Columns.text(engineColumn, NodeRow::engineVersion);
        Columns.text(lastSeenColumn, NodeRow::lastSeen);
        Columns.text(installedColumn, NodeRow::installed);
        installedColumn.setCellFactory(c -> TextCells.wrapping());
        summaryLabel.textProperty().bind(vm.summaryProperty());
    }

    /** A coloured dot plus the status word; the colour comes from CSS ({@code .status-reachable} etc.). */
    private static final class StatusCell extends TableCell<NodeRow, NodeRow> {
        private final Circle dot = new Circle(5);

        StatusCell() {
            dot.getStyleClass().add("status-dot");
        }

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
            setGraphic(dot);
            setTooltip(row.status() == NodeStatus.UNKNOWN ? new Tooltip("Not probed yet") : new Tooltip(row.statusReason()));
        }
    }
}
