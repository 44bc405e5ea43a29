package io.slipway.gui.upgrade;

import io.slipway.core.common.Progress;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.core.upgrade.CellState;
import io.slipway.core.upgrade.UpgradeCell;
import io.slipway.core.upgrade.UpgradeDiff;
import io.slipway.core.upgrade.UpgradeOffer;
import io.slipway.core.upgrade.UpgradeRepository;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** An upgrade offer against the fleet: one row per node, one column per offered software. */
public final class UpgradesViewModel extends RefreshableViewModel<UpgradesViewModel.Loaded> {
    /** What one load reads: the offers and the nodes they are compared with. */
    public record Loaded(List<UpgradeOffer> offers, List<Node> nodes) {
    }

    private final UpgradeRepository upgrades;
    private final NodeRepository nodes;
    private final ObservableList<UpgradeOffer> offers = FXCollections.observableArrayList();
    private final ObjectProperty<UpgradeOffer> offer = new SimpleObjectProperty<>(this, "offer");
    private final ObservableList<String> software = FXCollections.observableArrayList();
    private final ObservableList<DiffRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper targetCount = new ReadOnlyLongWrapper(this, "targetCount");
    private final DiffSelection selection = new DiffSelection();
    private final BooleanProperty alsoInstall = new SimpleBooleanProperty(this, "alsoInstall", false);
    private final ReadOnlyStringWrapper planSummary = new ReadOnlyStringWrapper(this, "planSummary", "");
    private final ReadOnlyIntegerWrapper planSize = new ReadOnlyIntegerWrapper(this, "planSize");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private List<Node> fleet = List.of();
    private List<DiffRow> byIndex = List.of();
    private UpgradeOffer compared;

    public UpgradesViewModel(UpgradeRepository upgrades, NodeRepository nodes, TaskExecutor executor) {
        super(executor, "Loading upgrade offers");
        this.upgrades = upgrades;
        this.nodes = nodes;
        offer.addListener((obs, was, now) -> compare());
        selection.changesProperty().addListener(o -> updatePlan());
        alsoInstall.addListener(o -> compare());
    }

    @Override
    protected Loaded load(Progress progress) {
        progress.progress(0, 2, "Reading upgrade offers");
        List<UpgradeOffer> all = upgrades.all();
        progress.progress(1, 2, "Reading nodes");
        return new Loaded(all, nodes.all());
    }

    @Override
    protected void show(Loaded loaded) {
        fleet = loaded.nodes();
        long keep = offer.get() == null ? -1 : offer.get().id();
        offers.setAll(loaded.offers());
        UpgradeOffer next = offers.stream().filter(o -> o.id() == keep).findFirst()
                .orElse(offers.isEmpty() ? null : offers.get(0));
        if (next == offer.get()) {
            compare();
        } else {
            offer.set(next);
        }
    }

    /** Cheap in-memory diff, so it runs on the FX thread when the offer changes. */
    private void compare() {
        UpgradeOffer current = offer.get();
        emptyText.set(offers.isEmpty() ? "No upgrade offers in this workspace yet."
                : current == null ? "Choose an offer to compare it with the fleet." : "No nodes to compare with this offer.");
        if (current == null) {
            software.clear();
            rows.clear();
            byIndex = List.of();
            compared = null;
            targetCount.set(0);
            selection.reset(0, 0);
            summary.set(offers.isEmpty() ? "No upgrade offers in this workspace." : "Choose an offer.");
            return;
        }
        UpgradeDiff diff = UpgradeDiff.of(current, fleet, alsoInstall.get());
        boolean sameShape = current == compared && diff.rows().size() == byIndex.size();
        compared = current;
        software.setAll(diff.software());
        List<DiffRow> indexed = new ArrayList<>(diff.rows().size());
        long upgrades = 0;
        long nodesAffected = 0;
        for (UpgradeDiff.Row r : diff.rows()) {
            indexed.add(new DiffRow(indexed.size(), r));
            long onNode = r.cells().stream().filter(c -> c.state() == CellState.TARGET).count();
            upgrades += onNode;
            nodesAffected += onNode > 0 ? 1 : 0;
        }
        rows.setAll(indexed);
        byIndex = List.copyOf(indexed);
        targetCount.set(upgrades);
        if (sameShape) {
            updatePlan(); // "also install" switched: the same cells stay chosen
        } else {
            selection.reset(indexed.size(), diff.software().size());
        }
        summary.set(Formats.plural(upgrades, "upgrade target", "upgrade targets") + " on "
                + Formats.plural(nodesAffected, "node", "nodes") + " (of " + diff.rows().size() + ")");
    }

    /**
     * What Upgrade… starts: the chosen cells' nodes and software (every target when nothing is chosen), with the
     * targets the core derives from them; "not installed" cells only when "also install where missing" is on.
     */
    public RunScope runScope() {
        UpgradeOffer current = offer.get();
        if (current == null) {
            return new RunScope(null, List.of(), false, List.of(), 0);
        }
        Set<String> chosenNodes = new LinkedHashSet<>();
        Set<String> chosenSoftware = new TreeSet<>();
        int[] chosenTargets = {0};
        if (selection.isEmpty()) {
            byIndex.stream().filter(r -> r.row().targets() > 0).forEach(r -> chosenNodes.add(r.node()));
            chosenSoftware.addAll(software);
        } else {
            selection.forEach((r, c) -> {
                UpgradeCell cell = byIndex.get(r).cells().get(c);
                if (cell.isTarget()) {
                    chosenNodes.add(byIndex.get(r).node());
                    chosenSoftware.add(cell.software());
                    chosenTargets[0]++;
                }
            });
        }
        Map<String, String> offered = new TreeMap<>(current.offered());
        offered.keySet().retainAll(chosenSoftware);
        UpgradeOffer narrowed = new UpgradeOffer(current.id(), current.name(), current.createdAt(), offered,
                current.source());
        List<Node> nodes = fleet.stream().filter(n -> chosenNodes.contains(n.name())).toList();
        List<UpgradeDiff.Target> targets = nodes.isEmpty() ? List.of()
                : UpgradeDiff.of(narrowed, nodes, alsoInstall.get()).targets();
        int extra = selection.isEmpty() ? 0 : targets.size() - chosenTargets[0];
        return new RunScope(narrowed, nodes, alsoInstall.get(), targets, extra);
    }

    private void updatePlan() {
        RunScope scope = runScope();
        long installs = scope.targets().stream().filter(t -> t.from() == null).count();
        planSize.set(scope.targets().size());
        String what = Formats.plural(scope.targets().size() - installs, "upgrade", "upgrades")
                + (installs > 0 ? " + " + Formats.plural(installs, "install", "installs") : "");
        planSummary.set(selection.isEmpty() ? "Upgrade… acts on all " + what
                : Formats.plural(selection.countProperty().get(), "cell", "cells") + " chosen: " + what
                + (scope.extra() > 0 ? " (" + scope.extra() + " more come with their nodes × software)" : ""));
    }

    /** The chosen cells (table clicks, node cells for rows, column headers for columns). */
    public DiffSelection selection() {
        return selection;
    }

    /** "Also install where missing": off by default; when on, "not installed" cells become installs. */
    public BooleanProperty alsoInstallProperty() {
        return alsoInstall;
    }

    /** What Upgrade… acts on, in words ("3 cells chosen: 2 upgrades"). */
    public ReadOnlyStringProperty planSummaryProperty() {
        return planSummary.getReadOnlyProperty();
    }

    /** How many targets Upgrade… acts on (0 disables it). */
    public ReadOnlyIntegerProperty planSizeProperty() {
        return planSize.getReadOnlyProperty();
    }

    public ObservableList<UpgradeOffer> offers() {
        return offers;
    }

    public ObjectProperty<UpgradeOffer> offerProperty() {
        return offer;
    }

    /** The diff's columns, in order. */
    public ObservableList<String> software() {
        return software;
    }

    /** The diff's rows; the table may sort this list, {@link DiffRow#index()} stays put. */
    public ObservableList<DiffRow> rows() {
        return rows;
    }

    public ReadOnlyLongProperty targetCountProperty() {
        return targetCount.getReadOnlyProperty();
    }

    /** What an empty diff means: no offers, no offer chosen, or no nodes. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
