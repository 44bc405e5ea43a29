package io.slipway.gui.deploy;

import java.util.List;

/**
 * What the "New deploy" dialog collects. Either {@code nodes} or {@code group} names the targets. The passphrase
 * unlocks the registry's stored credentials for this one start and is wiped afterwards; it is never stored.
 */
public record NewDeployForm(String software, String version, List<String> nodes, String group, boolean force,
                            int parallelism, String registry, char[] passphrase) {
    public NewDeployForm {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        group = group == null || group.isBlank() ? null : group;
    }

    /** A problem in the user's terms, or empty. */
    public String problem() {
        if (software == null || software.isBlank()) {
            return "Enter the software to deploy.";
        }
        if (version == null || version.isBlank()) {
            return "Enter the version to deploy.";
        }
        if (nodes.isEmpty() && group == null) {
            return "Choose nodes or a group.";
        }
        if (registry == null || registry.isBlank()) {
            return "Choose the registry.";
        }
        if (parallelism < 1) {
            return "Parallel must be at least 1.";
        }
        return "";
    }
}
