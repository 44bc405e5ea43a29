package io.slipway.core.inventory;

import io.slipway.core.common.UserFacingException;
import io.slipway.core.engine.EngineEndpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the user enters for a node (add or edit): name, endpoint, optional TLS client-certificate directory, groups,
 * labels and notes. {@link #validated()} checks it and says what is wrong in the user's terms.
 */
public record NodeSpec(String name, String endpoint, String tlsCertDir, List<String> groups, Map<String, String> labels,
                       String notes) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");

    public NodeSpec {
        groups = groups == null ? List.of() : List.copyOf(groups);
        labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
        notes = notes == null ? "" : notes;
        tlsCertDir = tlsCertDir == null || tlsCertDir.isBlank() ? null : tlsCertDir;
    }

    public NodeSpec validated() {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UserFacingException("Node name '" + name + "' is not usable: use 1-100 letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit (it becomes part of image tags).");
        }
        try {
            new EngineEndpoint(endpoint, tlsCertDir == null ? null : Path.of(tlsCertDir));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("Node " + name + ": " + e.getMessage(), e);
        }
        List<String> clean = new ArrayList<>();
        for (String g : groups) {
            String t = g.trim();
            if (!WORD.matcher(t).matches()) {
                throw new UserFacingException("Node " + name + ": group '" + g + "' is not usable: letters, digits, "
                        + "'.', '_', '/', '-' only, no commas or spaces.");
            }
            if (!clean.contains(t)) {
                clean.add(t);
            }
        }
        for (Map.Entry<String, String> l : labels.entrySet()) {
            if (!WORD.matcher(l.getKey()).matches() || l.getValue().contains("\n")) {
                throw new UserFacingException("Node " + name + ": label '" + l.getKey() + "=" + l.getValue()
                        + "' is not usable: the key takes letters, digits, '.', '_', '/', '-'; the value one line.");
            }
        }
        return new NodeSpec(name, endpoint.trim(), tlsCertDir, clean, labels, notes);
    }

    public static NodeSpec of(Node n) {
        return new NodeSpec(n.name(), n.endpoint(), n.tlsCertDir(), n.groups(), n.labels(), n.notes());
    }
}
