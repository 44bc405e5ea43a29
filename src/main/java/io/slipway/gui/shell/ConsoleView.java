package io.slipway.gui.shell;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's views, in navigation order, each with its Ctrl+digit shortcut. A view added later takes the next
 * free digit wherever it sits in the navigation, so the shortcuts users already know never move.
 */
public enum ConsoleView {
    NODES("Nodes", "NodesView", 1, "fth-server"),
    DEPLOYS("Deploys", "DeploysView", 2, "fth-upload-cloud"),
    REGISTRY("Registry", "RegistryView", 7, "fth-package"),
    UPGRADES("Upgrades", "UpgradesView", 3, "fth-trending-up"),
    SBOM("SBOM", "SbomView", 4, "fth-list"),
    AUDIT("Audit", "AuditView", 5, "fth-shield"),
    SETTINGS("Settings", "SettingsView", 6, "fth-settings");

    private final String title;
    private final String fxml;
    private final int shortcutDigit;
    private final String icon;

    ConsoleView(String title, String fxml, int shortcutDigit, String icon) {
        this.title = title;
        this.fxml = fxml;
        this.shortcutDigit = shortcutDigit;
        this.icon = icon;
    }

    /** Its Ikonli icon literal in the navigation rail. */
    public String icon() {
        return icon;
    }

    public String title() {
        return title;
    }

    /** The view's FXML name under {@code fxml/}. */
    public String fxml() {
        return fxml;
    }

    /** The digit of its Ctrl+N shortcut. */
    public int shortcutDigit() {
        return shortcutDigit;
    }

    /** How the view is stored in the {@code ui.lastView} setting. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsoleView> fromSetting(String value) {
        return Arrays.stream(values()).filter(v -> v.settingValue().equals(value)).findFirst();
    }
}
