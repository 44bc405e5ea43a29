package io.slipway.core.common;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the rolling log file lives (logback.xml spells the same rule): {@code $SLIPWAY_LOG_DIR}, else
 * {@code $XDG_STATE_HOME/slipway/logs}, else {@code ~/.local/state/slipway/logs}.
 */
public final class LogLocation {
    public static final String ENV_VAR = "SLIPWAY_LOG_DIR";

    private LogLocation() {
    }

    public static Path resolve(Map<String, String> env, String userHome) {
        String explicit = env.get(ENV_VAR);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "state");
        return base.resolve("slipway").resolve("logs").toAbsolutePath().normalize();
    }

    public static Path current() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }
}
