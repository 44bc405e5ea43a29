package io.slipway.gui.audit;

import java.util.Optional;

/** The view an event's object opens in: a deploy in Deploys, a node in Nodes, a release in SBOM. */
public enum AuditLink {
    DEPLOYS("Open in Deploys"),
    NODES("Open in Nodes"),
    SBOM("Open in SBOM");

    private final String label;

    AuditLink(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<AuditLink> of(String action) {
        if (action.startsWith("deploy.") || action.startsWith("upgrade.")) {
            return Optional.of(DEPLOYS);
        }
        if (action.startsWith("node.") || action.startsWith("inventory.")) {
            return Optional.of(NODES);
        }
        if (action.startsWith("sbom.") || action.startsWith("release.")) {
            return Optional.of(SBOM);
        }
        return Optional.empty();
    }
}
