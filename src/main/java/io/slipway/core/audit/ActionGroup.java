package io.slipway.core.audit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of actions the Audit view and {@code audit export --action} filter by: groups of action prefixes. */
public enum ActionGroup {
    DEPLOY("deploy."),
    UPGRADE("upgrade."),
    RELEASE("sbom.", "release."),
    INVENTORY("node.", "inventory."),
    REGISTRY("registry."),
    WORKSPACE("workspace.", "audit.");

    private final List<String> prefixes;

    ActionGroup(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    public List<String> prefixes() {
        return prefixes;
    }

    public boolean contains(String action) {
        return prefixes.stream().anyMatch(action::startsWith);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ActionGroup> named(String name) {
        for (ActionGroup g : values()) {
            if (g.label().equalsIgnoreCase(name)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** The group an action belongs to, if any. */
    public static Optional<ActionGroup> of(String action) {
        for (ActionGroup g : values()) {
            if (g.contains(action)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
