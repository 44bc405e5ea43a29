package io.slipway.core.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The preferences a user may set (Settings view), each with its stored name, default and rule. Values are kept
 * as text in the workspace's {@code setting} table; {@link #check} says in words what is wrong with a value.
 */
public enum Preference {
    THEME("console.theme", "Theme", "system", List.of("system", "light", "dark"), 0, 0),
    DEFAULT_PARALLELISM("deploy.parallelism", "Default parallelism", "4", null, 1, 64),
    RETRY_ATTEMPTS("retry.attempts", "Retry attempts", "3", null, 0, 10),
    RETRY_BACKOFF_SECONDS("retry.backoffSeconds", "Retry back-off (seconds)", "2", null, 0, 600),
    UPGRADE_WATCH_MINUTES("upgrade.watchMinutes", "Upgrade watch window (minutes)", "30", null, 1, 1440),
    UPGRADE_MAX_FAILED_PERCENT("upgrade.maxFailedPercent", "Upgrade pause at failed nodes (%)", "10", null, 0, 100),
    UPGRADE_MAX_UNREACHABLE("upgrade.maxUnreachable", "Upgrade pause at unreachable nodes", "1", null, 0, 1000),
    ASK_REASON("dialogs.askReason", "Dialogs ask for a reason", "true", List.of("true", "false"), 0, 0);

    private final String key;
    private final String label;
    private final String defaultValue;
    private final List<String> choices;
    private final int min;
    private final int max;

    Preference(String key, String label, String defaultValue, List<String> choices, int min, int max) {
        this.key = key;
        this.label = label;
        this.defaultValue = defaultValue;
        this.choices = choices;
        this.min = min;
        this.max = max;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The allowed values of a choice, empty for a number. */
    public List<String> choices() {
        return choices == null ? List.of() : choices;
    }

    public boolean isNumber() {
        return choices == null;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** Empty when {@code value} is allowed, else what is wrong with it, naming the setting. */
    public Optional<String> check(String value) {
        String v = value == null ? "" : value.trim();
        if (choices != null) {
            return choices.contains(v) ? Optional.empty()
                    : Optional.of(label + " (" + key + "): '" + v + "' is not one of " + String.join(", ", choices));
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        return Optional.of(label + " (" + key + "): '" + v + "' is not a whole number from " + min + " to " + max);
    }

    public static Optional<Preference> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
