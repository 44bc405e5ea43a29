package io.slipway.gui.upgrade;

import io.slipway.core.common.Progress;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.core.upgrade.UpgradeDiff;
import io.slipway.core.upgrade.UpgradeOffer;
import io.slipway.core.upgrade.UpgradeRepository;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private final ObservableList<UpgradeDiff.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper targetCount = new ReadOnlyLongWrapper(this, "targetCount");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private List<Node> fleet = List.of();

    public UpgradesViewModel(UpgradeRepository upgrades, NodeRepository nodes, TaskExecutor executor) {
        super(executor, "Loading upgrade offers");
        this.upgrades = upgrades;
        this.nodes = nodes;
        offer.addListener((obs, was, now) -> compare());
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
            targetCount.set(0);
            summary.set(offers.isEmpty() ? "No upgrade offers in this workspace." : "Choose an offer.");
            return;
        }
        UpgradeDiff diff = UpgradeDiff.of(current, fleet);
        software.setAll(diff.software());
        rows.setAll(diff.rows());
        targetCount.set(diff.targetCount());
        long nodesAffected = diff.rows().stream().filter(r -> r.targets() > 0).count();
        summary.set(Formats.plural(diff.targetCount(), "upgrade target", "upgrade targets") + " on "
                + Formats.plural(nodesAffected, "node", "nodes") + " (of " + diff.rows().size() + ")");
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

    public ObservableList<UpgradeDiff.Row> rows() {
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
