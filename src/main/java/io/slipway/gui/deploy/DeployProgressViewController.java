package io.slipway.gui.deploy;

import io.slipway.core.deploy.NodeDeployState;
import io.slipway.gui.common.PassphrasePrompt;
import io.slipway.gui.common.ProgressCells;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;

/** Binds the live deploy pane (in the Deploys view) to its view-model. */
public final class DeployProgressViewController {
    private final DeployProgressViewModel vm;

    @FXML private Button newButton;
    @FXML private Button abortButton;
    @FXML private Button retryButton;
    @FXML private Label titleLabel;
    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    @FXML private TableView<LiveNodeRow> table;
    @FXML private TableColumn<LiveNodeRow, String> nodeColumn;
    @FXML private TableColumn<LiveNodeRow, String> stepColumn;
    @FXML private TableColumn<LiveNodeRow, Number> progressColumn;
    @FXML private TableColumn<LiveNodeRow, String> elapsedColumn;
    @FXML private TableColumn<LiveNodeRow, String> resultColumn;
    @FXML private StackedBarChart<Number, String> timeline;
    @FXML private NumberAxis timeAxis;
    @FXML private CategoryAxis nodeAxis;
    @FXML private TitledPane logPane;
    @FXML private ListView<String> logList;

    /** One colour per pipeline step (slipway.css {@code .step-0} … {@code .step-10}), so the bars read as a timeline. */
    private static final int STEP_COLOURS = 11;

    private final Map<NodeDeployState, XYChart.Series<Number, String>> series = new EnumMap<>(NodeDeployState.class);
    private final Map<String, XYChart.Data<Number, String>> bars = new HashMap<>();

    public DeployProgressViewController(DeployProgressViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(vm.titleProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        newButton.disableProperty().bind(vm.activeProperty());
        abortButton.disableProperty().bind(vm.activeProperty().not());
        retryButton.disableProperty().bind(vm.retryAvailableProperty().not().or(vm.activeProperty()));
        table.setItems(vm.rows());
        nodeColumn.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().node()));
        stepColumn.setCellValueFactory(c -> c.getValue().stepProperty());
        progressColumn.setCellValueFactory(c -> c.getValue().progressProperty());
        progressColumn.setCellFactory(c -> ProgressCells.create());
        elapsedColumn.setCellValueFactory(c -> c.getValue().elapsedProperty());
        resultColumn.setCellValueFactory(c -> c.getValue().resultProperty());
        resultColumn.setCellFactory(c -> new ResultCell());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            logList.setItems(now == null ? null : now.log());
            logPane.setText(now == null ? "Log (select a node)" : "Log — " + now.node() + " (last "
                    + LiveNodeRow.LOG_LINES + " lines)");
            if (now != null && !now.log().isEmpty()) {
                logList.scrollTo(now.log().size() - 1);
            }
        });
        vm.rows().addListener((ListChangeListener<LiveNodeRow>) c -> {
            if (table.getSelectionModel().isEmpty() && !vm.rows().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        });
        logList.getItems();
        timeline.setAnimated(false);
        vm.spans().addListener((ListChangeListener<StepSpan>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && vm.spans().isEmpty()) {
                    timeline.getData().clear();
                    series.clear();
                    bars.clear();
                    nodeAxis.getCategories().clear();
                }
                c.getAddedSubList().forEach(this::addSpan);
            }
        });
        vm.rows().addListener((ListChangeListener<LiveNodeRow>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(r -> {
                    if (!nodeAxis.getCategories().contains(r.node())) {
                        nodeAxis.getCategories().add(r.node());
                    }
                });
            }
        });
    }

    private void addSpan(StepSpan span) {
        XYChart.Series<Number, String> s = series.computeIfAbsent(span.step(), step -> {
            XYChart.Series<Number, String> created = new XYChart.Series<>();
            created.setName(step.label());
            // keep the series in pipeline order so each node's bar stacks its steps in the order they ran
            int at = 0;
            for (NodeDeployState other : series.keySet()) {
                if (other.ordinal() < step.ordinal()) {
                    at++;
                }
            }
            timeline.getData().add(Math.min(at, timeline.getData().size()), created);
            return created;
        });
        String key = span.step() + "/" + span.node();
        XYChart.Data<Number, String> bar = bars.get(key);
        if (bar == null) {
            bar = new XYChart.Data<>(span.seconds(), span.node());
            bars.put(key, bar);
            String colour = stepClass(span.step());
            bar.nodeProperty().addListener((obs, was, now) -> {
                if (now != null) {
                    now.getStyleClass().add(colour);
                }
            });
            s.getData().add(bar);
            javafx.application.Platform.runLater(this::colorLegend);
        } else {
            bar.setXValue(bar.getXValue().doubleValue() + span.seconds());
        }
    }

    private static String stepClass(NodeDeployState step) {
        return "step-" + Math.min(step.ordinal(), STEP_COLOURS - 1);
    }

    private void colorLegend() {
        for (javafx.scene.Node item : timeline.lookupAll(".chart-legend-item")) {
            if (item instanceof Label label && label.getGraphic() != null) {
                for (NodeDeployState step : series.keySet()) {
                    if (step.label().equals(label.getText())) {
                        label.getGraphic().getStyleClass().add(stepClass(step));
                    }
                }
            }
        }
    }

    @FXML
    private void newDeploy() {
        vm.loadChoices();
        NewDeployDialog dialog = new NewDeployDialog(table.getScene().getWindow(), vm);
        dialog.showAndWait().ifPresent(form -> vm.start(form, dialog.reason()));
    }

    @FXML
    private void abort() {
        vm.abort();
    }

    @FXML
    private void retry() {
        PassphrasePrompt.ask(table.getScene().getWindow(), "Retry the failed nodes", "retryPassphrase")
                .ifPresent(vm::retryFailed);
    }

    /** The result, coloured by outcome through CSS ({@code .result-done}, {@code .result-failed}). */
    private final class ResultCell extends TableCell<LiveNodeRow, String> {
        @Override
        protected void updateItem(String value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().removeIf(s -> s.startsWith("result-"));
            LiveNodeRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (empty || value == null || row == null) {
                setText(null);
                return;
            }
            setText(value);
            NodeDeployState st = row.stateProperty().get();
            if (st.isTerminal()) {
                getStyleClass().add(st.isSuccess() ? "result-done" : "result-failed");
            }
        }
    }
}
