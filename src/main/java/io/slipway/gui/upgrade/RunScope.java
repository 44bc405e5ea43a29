package io.slipway.gui.upgrade;

import io.slipway.core.inventory.Node;
import io.slipway.core.upgrade.UpgradeDiff;
import io.slipway.core.upgrade.UpgradeOffer;
import java.util.List;

/**
 * What Upgrade… starts: the offer narrowed to the chosen software, over the chosen nodes, and the targets the core
 * derives from them. A run acts on every target of its nodes × offered software, so a choice that is not a
 * rectangle brings {@code extra} more targets; the dialog lists them all.
 */
public record RunScope(UpgradeOffer offer, List<Node> nodes, boolean installMissing, List<UpgradeDiff.Target> targets,
                       int extra) {
    public RunScope {
        nodes = List.copyOf(nodes);
        targets = List.copyOf(targets);
    }

    /** {@code build-node-01  perception-core 2.3.1 → 2.4.0} or {@code build-node-02  map-service install 1.1.0}. */
    public static String describe(UpgradeDiff.Target t) {
        return t.node() + "  " + t.software() + " " + (t.from() == null ? "install " + t.to() : t.from() + " → " + t.to());
    }
}
