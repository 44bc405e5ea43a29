package io.slipway.core.upgrade;

import io.slipway.core.common.Versions;
import io.slipway.core.inventory.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The node × software comparison of an upgrade offer with what each node has installed. */
public record UpgradeDiff(List<String> software, List<Row> rows) {
    /** One node's cells, in the order of {@link #software()}. */
    public record Row(String node, List<UpgradeCell> cells) {
        public long targets() {
            return cells.stream().filter(UpgradeCell::isTarget).count();
        }
    }

    public static UpgradeDiff of(UpgradeOffer offer, List<Node> nodes) {
        return of(offer, nodes, false);
    }

    /**
     * @param installMissing also act where the node does not have the software (cells become {@link CellState#INSTALL})
     */
    public static UpgradeDiff of(UpgradeOffer offer, List<Node> nodes, boolean installMissing) {
        List<String> software = List.copyOf(offer.offered().keySet());
        List<String> offered = software.stream().map(offer.offered()::get).toList();
        // a fleet repeats few versions: compare each (offered, installed) pair once (1,000 nodes × 500 software)
        Map<String, Boolean> newer = new HashMap<>();
        List<Row> rows = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            Map<String, String> installed = n.installed();
            List<UpgradeCell> cells = new ArrayList<>(software.size());
            for (int i = 0; i < software.size(); i++) {
                String s = software.get(i);
                String have = installed.get(s);
                String want = offered.get(i);
                CellState state;
                if (have == null) {
                    state = installMissing ? CellState.INSTALL : CellState.NOT_INSTALLED;
                } else {
                    boolean isNewer = newer.computeIfAbsent(want + '\u0000' + have,
                            k -> Versions.compare(want, have) > 0);
                    state = isNewer ? CellState.TARGET : CellState.CURRENT;
                }
                cells.add(new UpgradeCell(s, have, want, state));
            }
            rows.add(new Row(n.name(), List.copyOf(cells)));
        }
        return new UpgradeDiff(software, List.copyOf(rows));
    }

    public long targetCount() {
        return rows.stream().mapToLong(Row::targets).sum();
    }

    /** Every cell a run acts on, row by row (node order), then software order. */
    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (Row r : rows) {
            for (UpgradeCell c : r.cells()) {
                if (c.isTarget()) {
                    out.add(new Target(r.node(), c.software(), c.installed(), c.offered()));
                }
            }
        }
        return out;
    }

    /** A (node, software) pair a run acts on: from (null for an install) → to. */
    public record Target(String node, String software, String from, String to) {
    }
}
