package io.slipway.gui.look;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;

/**
 * The console's look: AtlantaFX's Primer theme, light or dark, or whichever the desktop prefers. Applied as the
 * user-agent stylesheet, so every window (dialogs, pop-ups, notifications) follows it; slipway.css on top only
 * uses the theme's colour variables ({@code -color-fg-default}, {@code -color-danger-fg}, …).
 */
public enum Theme {
    SYSTEM("Follow the desktop"), LIGHT("Light"), DARK("Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** How the choice is stored (the {@code console.theme} setting). */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Theme> fromSetting(String value) {
        return Arrays.stream(values()).filter(t -> t.settingValue().equals(value)).findFirst();
    }

    /** LIGHT or DARK: SYSTEM becomes what the desktop prefers. */
    public Theme resolve(boolean desktopPrefersDark) {
        if (this == SYSTEM) {
            return desktopPrefersDark ? DARK : LIGHT;
        }
        return this;
    }

    /** On the FX thread: makes this theme (resolved against the desktop) the look of every window. */
    public Theme apply() {
        Theme shown = resolve(DesktopPreference.prefersDark());
        Application.setUserAgentStylesheet(shown == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        return shown;
    }

    @Override
    public String toString() {
        return label;
    }
}
