package io.slipway.gui.sbom;

import io.slipway.core.sbom.read.ReadFinding;
import io.slipway.core.sbom.release.Finding;
import io.slipway.core.sbom.release.PlanEntry;
import io.slipway.core.sbom.release.TagKey;
import io.slipway.gui.common.Columns;
import io.slipway.gui.common.Placeholders;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Binds the SBOM browser: components table (grouped by tier, filters, inline tag editors), detail pane, pies,
 * reading findings of an opened document ({@link ReadFindingsViewModel}), release plan with gate findings (policy
 * and Publish: {@link ReleasePublishController}), and the SBOM diff. File choosers and drag-and-drop hand paths to
 * the view-model, which does all the work in background tasks.
 */
public final class SbomViewController {
    private final SbomViewModel vm;

    @FXML private VBox root;
    @FXML private Label sourceLabel;
    @FXML private Label messageLabel;
    @FXML private ProgressIndicator openingIndicator;
    @FXML private TextField pathField;
    @FXML private Button openButton;
    @FXML private Button openSetButton;
    @FXML private TextField filterField;
    @FXML private ComboBox<String> tierFilter;
    @FXML private ComboBox<String> licenceFilter;
    @FXML private ComboBox<String> statusFilter;
    @FXML private Label summaryLabel;
    @FXML private TableView<ComponentRow> table;
    @FXML private TableColumn<ComponentRow, String> nameColumn;
    @FXML private TableColumn<ComponentRow, String> versionColumn;
    @FXML private TableColumn<ComponentRow, String> typeColumn;
    @FXML private TableColumn<ComponentRow, String> modeColumn;
    @FXML private TableColumn<ComponentRow, String> nativeColumn;
    @FXML private TableColumn<ComponentRow, String> licenceColumn;
    @FXML private TableColumn<ComponentRow, String> concludedColumn;
    @FXML private TableColumn<ComponentRow, String> copyrightColumn;
    @FXML private TableColumn<ComponentRow, String> statusColumn;
    @FXML private TextArea detailArea;
    @FXML private HBox charts;
    @FXML private PieChart tierChart;
    @FXML private PieChart licenceChart;
    @FXML private Label gateLabel;
    @FXML private TableView<PlanEntry> planTable;
    @FXML private TableColumn<PlanEntry, String> planTierColumn;
    @FXML private TableColumn<PlanEntry, String> planComponentColumn;
    @FXML private TableColumn<PlanEntry, String> planModeColumn;
    @FXML private TableColumn<PlanEntry, String> planPublishesColumn;
    @FXML private TableColumn<PlanEntry, String> planPulledColumn;
    @FXML private TableColumn<PlanEntry, String> planReasonColumn;
    @FXML private TableView<Finding> findingTable;
    @FXML private TableColumn<Finding, String> findingSeverityColumn;
    @FXML private TableColumn<Finding, String> findingComponentColumn;
    @FXML private TableColumn<Finding, String> findingRuleColumn;
    @FXML private TableColumn<Finding, String> findingMessageColumn;
    @FXML private TableColumn<Finding, String> findingFixColumn;
    @FXML private TabPane tabs;
    @FXML private Tab readFindingsTab;
    @FXML private Label readBadge;
    @FXML private ComboBox<String> readSeverityFilter;
    @FXML private ComboBox<String> readRuleFilter;
    @FXML private Label readNtiaLabel;
    @FXML private TableView<ReadFinding> readFindingTable;
    @FXML private TableColumn<ReadFinding, String> readSeverityColumn;
    @FXML private TableColumn<ReadFinding, String> readRuleColumn;
    @FXML private TableColumn<ReadFinding, String> readWhereColumn;
    @FXML private TableColumn<ReadFinding, String> readElementColumn;
    @FXML private TableColumn<ReadFinding, String> readMessageColumn;
    @FXML private Label readMeaningLabel;
    @FXML private TextField diffBeforeField;
    @FXML private TextField diffAfterField;
    @FXML private Button diffButton;
    @FXML private Label diffSummaryLabel;
    @FXML private TableView<SbomViewModel.DiffRow> diffTable;
    @FXML private TableColumn<SbomViewModel.DiffRow, String> diffChangeColumn;
    @FXML private TableColumn<SbomViewModel.DiffRow, String> diffNameColumn;
    @FXML private TableColumn<SbomViewModel.DiffRow, String> diffOldVersionColumn;
    @FXML private TableColumn<SbomViewModel.DiffRow, String> diffNewVersionColumn;
    @FXML private TableColumn<SbomViewModel.DiffRow, String> diffOldLicenceColumn;
    @FXML private TableColumn<SbomViewModel.DiffRow, String> diffNewLicenceColumn;

    private File lastDir;

    public SbomViewController(SbomViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        sourceLabel.textProperty().bind(vm.sourceProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        messageLabel.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        openingIndicator.visibleProperty().bind(vm.openingProperty().or(vm.loadingProperty()));
        openButton.disableProperty().bind(vm.openingProperty());
        openSetButton.disableProperty().bind(vm.openingProperty());

        filterField.textProperty().bindBidirectional(vm.filterTextProperty());
        bindFilter(tierFilter, vm.tierOptions(), vm.tierFilterProperty());
        bindFilter(licenceFilter, vm.licenceOptions(), vm.licenceFilterProperty());
        bindFilter(statusFilter, vm.statusOptions(), vm.statusFilterProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());

        SortedList<ComponentRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Placeholders.bind(table.placeholderProperty(), vm, vm.emptyTextProperty());
        Columns.text(nameColumn, ComponentRow::name);
        Columns.text(versionColumn, ComponentRow::version);
        Columns.text(licenceColumn, ComponentRow::declaredLicence);
        Columns.text(concludedColumn, ComponentRow::concludedLicence);
        Columns.text(copyrightColumn, ComponentRow::copyright);
        Columns.text(statusColumn, ComponentRow::status);
        tagColumn(typeColumn, ComponentRow::tier, TagKey.TYPE,
                FXCollections.observableArrayList(SbomViewModel.typeChoices()));
        tagColumn(modeColumn, ComponentRow::mode, TagKey.MODE,
                FXCollections.observableArrayList(SbomViewModel.modeChoices()));
        ObservableList<String> natives = FXCollections.observableArrayList();
        vm.allRows().addListener((ListChangeListener<ComponentRow>) c -> natives.setAll(vm.nativeChoices()));
        tagColumn(nativeColumn, ComponentRow::nativeId, TagKey.NATIVE, natives);
        table.setRowFactory(t -> new ComponentTableRow());
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        vm.allRows().addListener((ListChangeListener<ComponentRow>) c -> {
            ComponentRow again = vm.rowToReselect();
            if (again != null && table.getItems().contains(again)) {
                table.getSelectionModel().select(again);
                table.scrollTo(again);
            }
        });
        detailArea.textProperty().bind(vm.detailsProperty());

        bindPie(tierChart, vm.tierSlices());
        bindPie(licenceChart, vm.licenceSlices());
        charts.visibleProperty().bind(Bindings.isNotEmpty(vm.tierSlices()));
        charts.managedProperty().bind(charts.visibleProperty());

        planTable.setItems(vm.planEntries());
        Columns.text(planTierColumn, e -> e.tier() == null ? "?" : e.tier().label());
        Columns.text(planComponentColumn, e -> e.component().name() + " " + e.component().version());
        Columns.text(planModeColumn, e -> e.mode() == null ? "?" : e.mode().number() + " – " + e.mode().description());
        Columns.text(planPublishesColumn, e -> e.folder() == null ? "nothing" : e.summary());
        Columns.text(planPulledColumn, e -> String.join(", ", e.pulledInBy()));
        Columns.text(planReasonColumn, PlanEntry::reason);
        findingTable.setItems(vm.findings());
        Columns.text(findingSeverityColumn, f -> f.severity().name());
        Columns.text(findingComponentColumn, Finding::componentId);
        Columns.text(findingRuleColumn, Finding::rule);
        Columns.text(findingMessageColumn, Finding::message);
        Columns.text(findingFixColumn, Finding::fix);
        gateLabel.textProperty().bind(Bindings.when(vm.releaseOpenProperty()).then(vm.gateSummaryProperty())
                .otherwise("Open an SBOM index or a release set to see its release plan and gate findings."));

        bindReadFindings();

        diffTable.setItems(vm.diffRows());
        Columns.text(diffChangeColumn, SbomViewModel.DiffRow::change);
        Columns.text(diffNameColumn, SbomViewModel.DiffRow::name);
        Columns.text(diffOldVersionColumn, SbomViewModel.DiffRow::oldVersion);
        Columns.text(diffNewVersionColumn, SbomViewModel.DiffRow::newVersion);
        Columns.text(diffOldLicenceColumn, SbomViewModel.DiffRow::oldLicence);
        Columns.text(diffNewLicenceColumn, SbomViewModel.DiffRow::newLicence);
        diffButton.disableProperty().bind(diffBeforeField.textProperty().isEmpty()
                .or(diffAfterField.textProperty().isEmpty()));
        diffSummaryLabel.textProperty().bind(vm.diffSummaryProperty());

        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                vm.open(files.get(0).toPath());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /**
     * The findings panel: filters, table, the rule's meaning, the header badge; clicking a finding selects the
     * element it concerns in the components table (and shows that tab).
     */
    private void bindReadFindings() {
        ReadFindingsViewModel rf = vm.readFindings();
        readBadge.textProperty().bind(rf.badgeProperty());
        readBadge.visibleProperty().bind(rf.badgeProperty().isNotEmpty());
        readBadge.managedProperty().bind(readBadge.visibleProperty());
        rf.hasDefectsProperty().addListener((obs, was, now) -> readBadge.pseudoClassStateChanged(DEFECTS, now));
        bindFilter(readSeverityFilter, rf.severityOptions(), rf.severityFilterProperty());
        bindFilter(readRuleFilter, rf.ruleOptions(), rf.ruleFilterProperty());
        readNtiaLabel.textProperty().bind(rf.ntiaProperty());
        readFindingTable.setItems(rf.shown());
        Columns.text(readSeverityColumn, f -> f.severity().label());
        Columns.text(readRuleColumn, ReadFinding::rule);
        Columns.text(readWhereColumn, ReadFinding::where);
        Columns.text(readElementColumn, f -> f.elementId() == null ? "" : f.elementId());
        Columns.text(readMessageColumn, ReadFinding::message);
        rf.selectedProperty().bind(readFindingTable.getSelectionModel().selectedItemProperty());
        readMeaningLabel.textProperty().bind(rf.meaningProperty());
        readFindingTable.setOnMouseClicked(e -> {
            ReadFinding f = readFindingTable.getSelectionModel().getSelectedItem();
            vm.rowOf(f).ifPresent(row -> {
                tabs.getSelectionModel().selectFirst();
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            });
        });
    }

    private static final javafx.css.PseudoClass DEFECTS = javafx.css.PseudoClass.getPseudoClass("defects");

    private static void bindFilter(ComboBox<String> box, ObservableList<String> options,
                                   javafx.beans.property.StringProperty filter) {
        box.setItems(options);
        box.valueProperty().bindBidirectional(filter);
    }

    private void tagColumn(TableColumn<ComponentRow, String> column, Function<ComponentRow, String> value, TagKey key,
                           ObservableList<String> choices) {
        Columns.text(column, value);
        column.setCellFactory(ComboBoxTableCell.forTableColumn(choices));
        column.setEditable(true);
        column.setOnEditCommit(e -> {
            if (e.getRowValue() != null && !java.util.Objects.equals(e.getOldValue(), e.getNewValue())) {
                vm.setTag(e.getRowValue(), key, e.getNewValue());
            }
        });
    }

    /** Fills the pie; when only names and values change (a filter keystroke), updates the slices in place. */
    private static void bindPie(PieChart chart, ObservableList<ChartSlice> slices) {
        chart.setAnimated(false);
        Runnable fill = () -> {
            ObservableList<PieChart.Data> data = chart.getData();
            if (data.size() == slices.size()) {
                for (int i = 0; i < slices.size(); i++) {
                    data.get(i).setName(slices.get(i).label());
                    data.get(i).setPieValue(slices.get(i).count());
                }
            } else {
                data.setAll(slices.stream().map(s -> new PieChart.Data(s.label(), s.count())).toList());
            }
        };
        slices.addListener((ListChangeListener<ChartSlice>) c -> fill.run());
        fill.run();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private FileChooser sbomChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("SBOMs (SPDX, CycloneDX, index)", "*.json", "*.spdx", "*.rdf",
                        "*.xml", "*.yaml", "*.yml", "*.jsonld"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDir != null && lastDir.isDirectory()) {
            chooser.setInitialDirectory(lastDir);
        }
        return chooser;
    }

    private Path choose(String title) {
        File f = sbomChooser(title).showOpenDialog(window());
        if (f == null) {
            return null;
        }
        lastDir = f.getParentFile();
        return f.toPath();
    }

    @FXML
    private void onOpen() {
        Path p = choose("Open an SBOM, an SBOM index or a release-set.json");
        if (p != null) {
            vm.open(p);
        }
    }

    @FXML
    private void onOpenPath() {
        String text = pathField.getText() == null ? "" : pathField.getText().strip();
        if (!text.isEmpty()) {
            vm.open(Path.of(text));
        }
    }

    @FXML
    private void onOpenReleaseSet() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a release set (the folder holding release-set.json)");
        File dir = chooser.showDialog(window());
        if (dir != null) {
            vm.open(dir.toPath());
        }
    }

    @FXML
    private void onWorkspace() {
        vm.showWorkspace();
    }

    @FXML
    private void onDiffBefore() {
        Path p = choose("SBOM before");
        if (p != null) {
            diffBeforeField.setText(p.toString());
        }
    }

    @FXML
    private void onDiffAfter() {
        Path p = choose("SBOM after");
        if (p != null) {
            diffAfterField.setText(p.toString());
        }
    }

    @FXML
    private void onDiff() {
        String before = diffBeforeField.getText().strip();
        String after = diffAfterField.getText().strip();
        if (!before.isEmpty() && !after.isEmpty()) {
            vm.diff(Path.of(before), Path.of(after));
        }
    }

    /** The first row of each tier gets {@code tier-first} (a rule above it); gate status gets colour classes. */
    private final class ComponentTableRow extends TableRow<ComponentRow> {
        @Override
        protected void updateItem(ComponentRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("tier-first", "status-FAIL", "status-WARN");
            if (empty || row == null) {
                return;
            }
            int i = getIndex();
            if (i > 0 && i < getTableView().getItems().size()
                    && getTableView().getItems().get(i - 1).tierOrder() != row.tierOrder()) {
                getStyleClass().add("tier-first");
            }
            if (!row.status().isEmpty() && !row.status().equals("PASS")) {
                getStyleClass().add("status-" + row.status());
            }
        }
    }
}
