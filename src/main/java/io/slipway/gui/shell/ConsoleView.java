package io.slipway.gui.shell;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The console's views, in navigation order; the order also gives the Ctrl+1…Ctrl+6 shortcuts. */
public enum ConsoleView {
    NODES("Nodes", "NodesView"),
    DEPLOYS("Deploys", "DeploysView"),
    UPGRADES("Upgrades", "UpgradesView"),
    SBOM("SBOM", "SbomView"),
    AUDIT("Audit", "AuditView"),
    SETTINGS("Settings", "SettingsView");

    private final String title;
    private final String fxml;

    ConsoleView(String title, String fxml) {
        this.title = title;
        this.fxml = fxml;
    }

    public String title() {
        return title;
    }

    /** The view's FXML name under {@code fxml/}. */
    public String fxml() {
        return fxml;
    }

    /** 1-based digit of its Ctrl+N shortcut. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }

    /** How the view is stored in the {@code ui.lastView} setting. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsoleView> fromSetting(String value) {
        return Arrays.stream(values()).filter(v -> v.settingValue().equals(value)).findFirst();
    }
}
