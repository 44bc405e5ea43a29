package io.slipway.gui.upgrade;

import io.slipway.core.upgrade.UpgradeHistoryEntry;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each node's last upgrade result per software, in words, for the Nodes view. */
public final class LastUpgrades {
    private LastUpgrades() {
    }

    /**
     * @param newestFirst the upgrade history, newest first ({@code UpgradeService.history(null, null)})
     * @return node → {@code map-service 1.1.0 ↩ rolled back (abnormal) · perception-core 2.4.0 ✔ committed}
     */
    public static Map<String, String> byNode(List<UpgradeHistoryEntry> newestFirst) {
        Map<String, Map<String, UpgradeTargetRecord>> last = new LinkedHashMap<>();
        for (UpgradeHistoryEntry e : newestFirst) {
            last.computeIfAbsent(e.target().node(), n -> new TreeMap<>()).putIfAbsent(e.target().software(),
                    e.target());
        }
        Map<String, String> text = new LinkedHashMap<>();
        last.forEach((node, bySoftware) -> {
            StringBuilder b = new StringBuilder();
            bySoftware.forEach((software, t) -> b.append(b.length() == 0 ? "" : " · ").append(software).append(' ')
                    .append(t.toVersion()).append(' ').append(Verdicts.outcome(t)));
            text.put(node, b.toString());
        });
        return text;
    }
}
