package io.slipway.core.upgrade;

import io.slipway.core.inventory.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The node × component comparison of an upgrade offer with what each node has. */
public record UpgradeDiff(List<String> software, List<Row> rows) {
    /** One node's cells, in the order of {@link #software()}. */
    public record Row(String node, List<UpgradeCell> cells) {
        public long targets() {
            return cells.stream().filter(UpgradeCell::isTarget).count();
        }
    }

    public static UpgradeDiff of(UpgradeOffer offer, List<Node> nodes) {
        List<String> software = List.copyOf(offer.offered().keySet());
        List<Row> rows = new ArrayList<>();
        for (Node n : nodes) {
            Map<String, String> installed = n.installed();
            List<UpgradeCell> cells = software.stream()
                    .map(s -> new UpgradeCell(s, installed.get(s), offer.offered().get(s))).toList();
            rows.add(new Row(n.name(), cells));
        }
        return new UpgradeDiff(software, List.copyOf(rows));
    }

    public long targetCount() {
        return rows.stream().mapToLong(Row::targets).sum();
    }
}
