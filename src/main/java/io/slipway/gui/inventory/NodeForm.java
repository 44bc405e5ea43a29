package io.slipway.gui.inventory;

import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the add/edit dialog holds, as the user typed it: groups comma-separated, labels as {@code key=value}
 * comma-separated. {@link #toSpec()} turns it into the core's {@link NodeSpec}.
 */
public record NodeForm(String name, String endpoint, String tlsDir, String groups, String labels, String notes) {
    public static NodeForm empty() {
        return new NodeForm("", "", "", "", "", "");
    }

    public static NodeForm of(Node n) {
        String labels = n.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return new NodeForm(n.name(), n.endpoint(), n.tlsCertDir() == null ? "" : n.tlsCertDir(),
                String.join(", ", n.groups()), labels, n.notes() == null ? "" : n.notes());
    }

    /** The spec as typed (not yet validated); a label without '=' is an {@link IllegalArgumentException}. */
    public NodeSpec toSpec() {
        List<String> groupList = split(groups);
        Map<String, String> labelMap = new LinkedHashMap<>();
        for (String l : split(labels)) {
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Label '" + l + "' needs the form key=value.");
            }
            labelMap.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
        }
        return new NodeSpec(trim(name), trim(endpoint), trim(tlsDir), groupList, labelMap, notes);
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
