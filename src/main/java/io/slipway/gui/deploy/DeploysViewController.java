package io.slipway.gui.deploy;

import io.slipway.gui.common.Columns;
import io.slipway.gui.common.Placeholders;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds the Deploys view (master table, detail table, duration chart) to its view-model. */
public final class DeploysViewController {
    private final DeploysViewModel vm;

    @FXML private TableView<DeployRow> deploysTable;
    @FXML private TableColumn<DeployRow, String> softwareColumn;
    @FXML private TableColumn<DeployRow, String> versionColumn;
    @FXML private TableColumn<DeployRow, String> stateColumn;
    @FXML private TableColumn<DeployRow, String> startedColumn;
    @FXML private TableColumn<DeployRow, String> durationColumn;
    @FXML private TableColumn<DeployRow, String> countsColumn;
    @FXML private Label detailTitle;
    @FXML private Label summaryLabel;
    @FXML private TableView<NodeDeployRow> nodesTable;
    @FXML private TableColumn<NodeDeployRow, String> nodeColumn;
    @FXML private TableColumn<NodeDeployRow, String> nodeStateColumn;
    @FXML private TableColumn<NodeDeployRow, String> detailColumn;
    @FXML private TableColumn<NodeDeployRow, String> envImageColumn;
    @FXML private TableColumn<NodeDeployRow, String> softwareImageColumn;
    @FXML private TableColumn<NodeDeployRow, String> nodeDurationColumn;
    @FXML private BarChart<String, Number> durationChart;

    public DeploysViewController(DeploysViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        deploysTable.setItems(vm.deploys());
        Placeholders.bind(deploysTable.placeholderProperty(), vm, "No deploys recorded in this workspace yet.");
        Columns.text(softwareColumn, DeployRow::software);
        Columns.text(versionColumn, DeployRow::version);
        Columns.text(stateColumn, DeployRow::state);
        Columns.text(startedColumn, DeployRow::started);
        Columns.text(durationColumn, DeployRow::duration);
        Columns.text(countsColumn, DeployRow::counts);
        stateColumn.setCellFactory(c -> StateCells.create());
        bindSelection();

        nodesTable.setItems(vm.nodeRows());
        Placeholders.bind(nodesTable.placeholderProperty(), vm, "Select a deploy to see what it did on each node.");
        Columns.text(nodeColumn, NodeDeployRow::node);
        Columns.text(nodeStateColumn, NodeDeployRow::state);
        Columns.text(detailColumn, NodeDeployRow::detail);
        Columns.text(envImageColumn, NodeDeployRow::envImage);
        Columns.text(softwareImageColumn, NodeDeployRow::softwareImage);
        Columns.text(nodeDurationColumn, NodeDeployRow::duration);
        nodeStateColumn.setCellFactory(c -> StateCells.create());
        detailTitle.textProperty().bind(vm.detailTitleProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());

        durationChart.setAnimated(false);
        vm.nodeRows().addListener((ListChangeListener<NodeDeployRow>) c -> updateChart());
        updateChart();
    }

    /** Table selection and view-model selection follow each other (the view-model may pick one after a load). */
    private void bindSelection() {
        deploysTable.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, was, now) -> {
            if (now != null && deploysTable.getSelectionModel().getSelectedItem() != now) {
                deploysTable.getSelectionModel().select(now);
            }
        });
        if (vm.selectedProperty().get() != null) {
            deploysTable.getSelectionModel().select(vm.selectedProperty().get());
        }
    }

    private void updateChart() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName("duration (s)");
        for (NodeDeployRow row : vm.nodeRows()) {
            series.getData().add(new XYChart.Data<>(row.node(), row.seconds()));
        }
        durationChart.getData().setAll(List.of(series));
    }
}
