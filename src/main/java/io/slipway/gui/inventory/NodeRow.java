package io.slipway.gui.inventory;

import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeStatus;
import io.slipway.gui.common.Formats;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One line of the Nodes table: a node as the view shows it. */
public record NodeRow(String name, String endpoint, List<String> groupList, NodeStatus status, String statusReason,
                      String engineVersion, String lastSeen, String installed, String osArch, String cpus,
                      String memory, Map<String, String> labelMap, Node node) {
    public NodeRow(String name, String endpoint, List<String> groupList, NodeStatus status, String statusReason,
                   String engineVersion, String lastSeen, String installed) {
        this(name, endpoint, groupList, status, statusReason, engineVersion, lastSeen, installed, Formats.NONE,
                Formats.NONE, Formats.NONE, Map.of(), null);
    }

    public static NodeRow of(Node n) {
        return new NodeRow(n.name(), n.endpoint(), n.groups(), n.status(), Formats.orNone(n.statusReason()),
                Formats.orNone(n.engineVersion()), n.lastSeen() == null ? "never" : Formats.time(n.lastSeen()),
                Formats.versions(n.installed()), Formats.orNone(n.osArch()),
                n.cpus() == null ? Formats.NONE : String.valueOf(n.cpus()), memory(n.memoryBytes()), n.labels(), n);
    }

    private static String memory(Long bytes) {
        if (bytes == null || bytes <= 0) {
            return Formats.NONE;
        }
        double gib = bytes / (1024.0 * 1024 * 1024);
        return gib >= 1 ? String.format(Locale.ROOT, "%.1f GiB", gib)
                : String.format(Locale.ROOT, "%d MiB", bytes / (1024 * 1024));
    }

    public String groups() {
        return String.join(", ", groupList);
    }

    /** {@code k=v, k2=v2} in key order. */
    public String labels() {
        return labelMap.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
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
        return String.join("\n", name, endpoint, groups(), statusText(), engineVersion, lastSeen, installed, osArch,
                labels()).toLowerCase(Locale.ROOT).contains(n);
    }
}
