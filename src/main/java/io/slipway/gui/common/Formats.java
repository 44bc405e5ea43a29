package io.slipway.gui.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/** How the console writes times, durations and version lists; one place so every view agrees. */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    public static final String NONE = "—";

    private Formats() {
    }

    /** In the user's time zone; {@link #NONE} for no time. */
    public static String time(Instant at) {
        return at == null ? NONE : TIME.format(at.atZone(ZoneId.systemDefault()));
    }

    public static String duration(Duration d) {
        if (d == null) {
            return NONE;
        }
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s / 3600 + "h " + s % 3600 / 60 + "m";
    }

    public static String durationMs(Long ms) {
        return ms == null ? NONE : duration(Duration.ofMillis(ms));
    }

    /** {@code "a 1.0, b 2.0"}, sorted by name. */
    public static String versions(Map<String, String> byName) {
        return byName.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    public static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }

    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
