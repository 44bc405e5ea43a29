package io.slipway.gui.sbom;

import io.slipway.gui.common.Columns;
import io.slipway.gui.common.Placeholders;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;

/** Binds the SBOM view: a tier → component tree and pies of components per tier and per licence. */
public final class SbomViewController {
    private final SbomViewModel vm;

    @FXML private TextField filterField;
    @FXML private TreeTableView<SbomRow> tree;
    @FXML private TreeTableColumn<SbomRow, String> nameColumn;
    @FXML private TreeTableColumn<SbomRow, String> versionColumn;
    @FXML private TreeTableColumn<SbomRow, String> typeColumn;
    @FXML private TreeTableColumn<SbomRow, String> modeColumn;
    @FXML private TreeTableColumn<SbomRow, String> licenceColumn;
    @FXML private TreeTableColumn<SbomRow, String> copyrightColumn;
    @FXML private TreeTableColumn<SbomRow, String> nativeColumn;
    @FXML private PieChart tierChart;
    @FXML private PieChart licenceChart;
    @FXML private HBox charts;
    @FXML private Label summaryLabel;

    public SbomViewController(SbomViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        filterField.textProperty().bindBidirectional(vm.filterTextProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        tree.setRoot(new TreeItem<>());
        tree.setShowRoot(false);
        Placeholders.bind(tree.placeholderProperty(), vm, vm.emptyTextProperty());
        Columns.text(nameColumn, SbomRow::name);
        Columns.text(versionColumn, SbomRow::version);
        Columns.text(typeColumn, SbomRow::type);
        Columns.text(modeColumn, SbomRow::mode);
        Columns.text(licenceColumn, SbomRow::licence);
        Columns.text(copyrightColumn, SbomRow::copyright);
        Columns.text(nativeColumn, SbomRow::nativeId);
        tree.setRowFactory(t -> new TierRow());
        vm.tiers().addListener((ListChangeListener<SbomTier>) c -> rebuild());
        rebuild();
        bindPie(tierChart, vm.tierSlices());
        bindPie(licenceChart, vm.licenceSlices());
        charts.visibleProperty().bind(Bindings.isNotEmpty(vm.tierSlices()));
        charts.managedProperty().bind(charts.visibleProperty());
    }

    private void rebuild() {
        TreeItem<SbomRow> root = tree.getRoot();
        root.getChildren().clear();
        if (vm.tiers().stream().allMatch(t -> t.components().isEmpty())) {
            return; // leaves the placeholder visible instead of four empty headings
        }
        for (SbomTier tier : vm.tiers()) {
            TreeItem<SbomRow> heading = new TreeItem<>(SbomRow.of(tier));
            tier.components().forEach(c -> heading.getChildren().add(new TreeItem<>(SbomRow.of(c))));
            heading.setExpanded(true);
            root.getChildren().add(heading);
        }
    }

    private static void bindPie(PieChart chart, ObservableList<ChartSlice> slices) {
        chart.setAnimated(false);
        Runnable fill = () -> chart.getData().setAll(
                slices.stream().map(s -> new PieChart.Data(s.label(), s.count())).toList());
        slices.addListener((ListChangeListener<ChartSlice>) c -> fill.run());
        fill.run();
    }

    /** Tier headings get the {@code tier-row} CSS class. */
    private static final class TierRow extends TreeTableRow<SbomRow> {
        @Override
        protected void updateItem(SbomRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("tier-row");
            if (!empty && row != null && row.tier()) {
                getStyleClass().add("tier-row");
            }
        }
    }
}
