package io.slipway.core.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the workspace lives: {@code --workspace DIR}, else {@code $SLIPWAY_WORKSPACE}, else
 * {@code $XDG_DATA_HOME/slipway}, else {@code ~/.local/share/slipway}.
 */
public final class WorkspaceLocation {
    public static final String ENV_VAR = "SLIPWAY_WORKSPACE";

    private WorkspaceLocation() {
    }

    public static Path resolve(Path explicit, Map<String, String> env, String userHome) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("slipway").toAbsolutePath().normalize();
    }

    public static Path resolveDefault(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("user.home"));
    }
}
