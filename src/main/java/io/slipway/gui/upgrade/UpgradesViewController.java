package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.CellState;
import io.slipway.core.upgrade.UpgradeCell;
import io.slipway.core.upgrade.UpgradeOffer;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.Placeholders;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseEvent;
import javafx.util.StringConverter;

/**
 * Binds the Upgrades view's diff: software columns follow the chosen offer (through a {@link DiffColumnWindow}, so
 * an offer of hundreds of software scrolls smoothly); a click on a cell, a node or a software header chooses it
 * (Ctrl adds) in the view-model's {@link DiffSelection}, which the cells on screen paint.
 */
public final class UpgradesViewController {
    private final UpgradesViewModel vm;
    private final ObservableList<String> registries;
    private final BiConsumer<UpgradeForm, Runnable> starter;
    private final Runnable beforeUpgrade;
    private final Runnable historyShown;
    /** The diff cells alive now (the table recycles a screenful of them), repainted when the choice changes. */
    private final Set<DiffCell> cells = Collections.newSetFromMap(new WeakHashMap<>());

    @FXML private ComboBox<UpgradeOffer> offerChoice;
    @FXML private TabPane upgradeTabs;
    @FXML private Button upgradeButton;
    @FXML private CheckBox alsoInstall;
    @FXML private Label planLabel;
    @FXML private Label summaryLabel;
    @FXML private TableView<DiffRow> diffTable;
    @FXML private TableColumn<DiffRow, String> nodeColumn;
    @FXML private ScrollBar diffColumnScroll;

    /**
     * @param registries    the registry names Upgrade… offers
     * @param starter       starts the run of a filled-in form; runs the given action once it started
     * @param beforeUpgrade runs as Upgrade… opens (loads the registries)
     * @param historyShown  runs when the History tab is shown (loads it the first time)
     */
    public UpgradesViewController(UpgradesViewModel vm, ObservableList<String> registries,
                                  BiConsumer<UpgradeForm, Runnable> starter, Runnable beforeUpgrade,
                                  Runnable historyShown) {
        this.vm = vm;
        this.registries = registries;
        this.starter = starter;
        this.beforeUpgrade = beforeUpgrade;
        this.historyShown = historyShown;
    }

    /** The diff alone, with no registries to upgrade through (benchmarks). */
    public UpgradesViewController(UpgradesViewModel vm) {
        this(vm, FXCollections.observableArrayList(), (form, started) -> { }, () -> { }, () -> { });
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
        planLabel.textProperty().bind(vm.planSummaryProperty());
        alsoInstall.selectedProperty().bindBidirectional(vm.alsoInstallProperty());
        upgradeButton.disableProperty().bind(vm.planSizeProperty().isEqualTo(0));
        diffTable.setItems(vm.rows());
        diffTable.setSelectionModel(null); // the choice lives in the view-model, painted by the cells
        Placeholders.bind(diffTable.placeholderProperty(), vm, vm.emptyTextProperty());
        nodeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().node()));
        nodeColumn.setCellFactory(c -> new NodeCell());
        DiffColumnWindow window = new DiffColumnWindow(diffTable, nodeColumn, diffColumnScroll,
                new DiffColumnWindow.Columns() {
                    @Override
                    public List<String> software() {
                        return vm.software();
                    }

                    @Override
                    public void headerClicked(int software, boolean add) {
                        vm.selection().selectColumn(software, add);
                    }

                    @Override
                    public TableCell<DiffRow, UpgradeCell> cell(DiffColumnWindow w, int slot) {
                        return new DiffCell(w, slot);
                    }

                    @Override
                    public void shifted() {
                        List.copyOf(cells).forEach(c -> c.updateIndex(c.getIndex()));
                    }
                });
        vm.software().addListener((ListChangeListener<String>) c -> window.reset());
        vm.selection().changesProperty().addListener(o -> cells.forEach(DiffCell::paintChoice));
        window.reset();
        upgradeTabs.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> {
            if (now.intValue() == 2) {
                historyShown.run();
            }
        });
    }

    @FXML
    private void chooseAll() {
        vm.selection().selectAll();
    }

    @FXML
    private void clearChoice() {
        vm.selection().clear();
    }

    @FXML
    private void upgrade() {
        UpgradeOffer offer = vm.offerProperty().get();
        if (offer == null) {
            return;
        }
        beforeUpgrade.run();
        UpgradeForm form = new UpgradeForm(vm.runScope(), registries.isEmpty() ? null : registries.get(0));
        new UpgradeDialog(diffTable.getScene().getWindow(), form, registries, (f, started) -> starter.accept(f, () -> {
            started.run();
            upgradeTabs.getSelectionModel().select(1);
        })).showAndWait();
    }

    /** The node's name; a click chooses every cell of its row. */
    private final class NodeCell extends TableCell<DiffRow, String> {
        NodeCell() {
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                DiffRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    vm.selection().selectRow(row.index(), e.isShortcutDown());
                }
            });
        }

        @Override
        protected void updateItem(String node, boolean empty) {
            super.updateItem(node, empty);
            setText(empty ? null : node);
        }
    }

    /** The CSS class of a cell's state; the colours are in the stylesheet. */
    static String styleClass(CellState state) {
        return switch (state) {
            case TARGET -> "upgrade-target";
            case CURRENT -> "upgrade-current";
            case NOT_INSTALLED -> "upgrade-absent";
            case INSTALL -> "upgrade-install";
        };
    }

    /**
     * One cell of the column in {@code slot} of the {@link DiffColumnWindow}: its state as a CSS class
     * ({@link #styleClass}), {@code upgrade-chosen} when chosen.
     */
    private final class DiffCell extends TableCell<DiffRow, UpgradeCell> {
        private final DiffColumnWindow window;
        private final int slot;

        DiffCell(DiffColumnWindow window, int slot) {
            this.window = window;
            this.slot = slot;
            cells.add(this);
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                DiffRow row = row();
                int column = window.software(slot);
                if (row == null || column < 0) {
                    return;
                }
                if (e.isShortcutDown()) {
                    vm.selection().toggle(row.index(), column);
                } else {
                    vm.selection().selectOnly(row.index(), column);
                }
            });
        }

        private DiffRow row() {
            return isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
        }

        @Override
        protected void updateItem(UpgradeCell cell, boolean empty) {
            super.updateItem(cell, empty);
            getStyleClass().removeAll("upgrade-target", "upgrade-current", "upgrade-absent", "upgrade-install");
            if (empty || cell == null) {
                setText(null);
            } else {
                setText(cell.display());
                getStyleClass().add(styleClass(cell.state()));
            }
            paintChoice();
        }

        void paintChoice() {
            DiffRow row = row();
            boolean chosen = row != null && vm.selection().isSelected(row.index(), window.software(slot));
            if (chosen != getStyleClass().contains("upgrade-chosen")) {
                if (chosen) {
                    getStyleClass().add("upgrade-chosen");
                } else {
                    getStyleClass().remove("upgrade-chosen");
                }
            }
        }
    }
}
