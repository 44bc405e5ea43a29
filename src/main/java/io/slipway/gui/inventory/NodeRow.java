package io.slipway.gui.inventory;

import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeStatus;
import io.slipway.gui.common.Formats;
import java.util.List;
import java.util.Locale;

/** One line of the Nodes table: a node as the view shows it. */
public record NodeRow(String name, String endpoint, List<String> groupList, NodeStatus status, String statusReason,
                      String engineVersion, String lastSeen, String installed) {
    public static NodeRow of(Node n) {
        return new NodeRow(n.name(), n.endpoint(), n.groups(), n.status(), Formats.orNone(n.statusReason()),
                Formats.orNone(n.engineVersion()), n.lastSeen() == null ? "never" : Formats.time(n.lastSeen()),
                Formats.versions(n.installed()));
    }

    public String groups() {
        return String.join(", ", groupList);
    }

    public String statusText() {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive match of {@code needle} against every visible column. */
    boolean matches(String needle) {
        String n = needle.strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty()) {
            return true;
        }
        return String.join("\n", name, endpoint, groups(), statusText(), engineVersion, lastSeen, installed)
                .toLowerCase(Locale.ROOT).contains(n);
    }
}
