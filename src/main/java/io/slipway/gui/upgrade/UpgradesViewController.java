package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.UpgradeCell;
import io.slipway.core.upgrade.UpgradeDiff;
import io.slipway.core.upgrade.UpgradeOffer;
import io.slipway.gui.common.Columns;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.Placeholders;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.StringConverter;

/** Binds the Upgrades view; its software columns follow the chosen offer. */
public final class UpgradesViewController {
    private final UpgradesViewModel vm;

    @FXML private ComboBox<UpgradeOffer> offerChoice;
    @FXML private Label summaryLabel;
    @FXML private TableView<UpgradeDiff.Row> diffTable;
    @FXML private TableColumn<UpgradeDiff.Row, String> nodeColumn;

    public UpgradesViewController(UpgradesViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        offerChoice.setItems(vm.offers());
        offerChoice.valueProperty().bindBidirectional(vm.offerProperty());
        offerChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(UpgradeOffer offer) {
                return offer == null ? "" : offer.name() + "  (" + Formats.time(offer.createdAt()) + ")";
            }

            @Override
            public UpgradeOffer fromString(String s) {
                throw new UnsupportedOperationException("offers are chosen, not typed");
            }
        });
        summaryLabel.textProperty().bind(vm.summaryProperty());
        diffTable.setItems(vm.rows());
        Placeholders.bind(diffTable.placeholderProperty(), vm, vm.emptyTextProperty());
        Columns.text(nodeColumn, UpgradeDiff.Row::node);
        vm.software().addListener((ListChangeListener<String>) c -> rebuildSoftwareColumns());
        rebuildSoftwareColumns();
    }

    private void rebuildSoftwareColumns() {
        diffTable.getColumns().retainAll(List.of(nodeColumn));
        for (int i = 0; i < vm.software().size(); i++) {
            int index = i;
            TableColumn<UpgradeDiff.Row, UpgradeCell> column = new TableColumn<>(vm.software().get(i));
            Columns.value(column, row -> row.cells().get(index));
            column.setCellFactory(c -> new DiffCell());
            column.setComparator(Comparator.comparing(UpgradeCell::display));
            column.setPrefWidth(150);
            diffTable.getColumns().add(column);
        }
    }

    /** Shows {@link UpgradeCell#display()}; targets get the {@code upgrade-target} CSS class. */
    private static final class DiffCell extends TableCell<UpgradeDiff.Row, UpgradeCell> {
        @Override
        protected void updateItem(UpgradeCell cell, boolean empty) {
            super.updateItem(cell, empty);
            getStyleClass().removeAll("upgrade-target", "upgrade-current", "upgrade-absent");
            if (empty || cell == null) {
                setText(null);
                return;
            }
            setText(cell.display());
            if (cell.isTarget()) {
                getStyleClass().add("upgrade-target");
            } else if (cell.installed() == null) {
                getStyleClass().add("upgrade-absent");
            } else {
                getStyleClass().add("upgrade-current");
            }
        }
    }
}
