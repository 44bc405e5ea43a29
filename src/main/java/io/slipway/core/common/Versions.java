package io.slipway.core.common;

import java.util.Comparator;
import org.semver4j.Semver;

/**
 * Orders software versions. Semantic versions compare by semver rules; loose ones ("1.2", "v3") are coerced;
 * anything else falls back to text order, so an odd version never crashes a comparison.
 */
public final class Versions {
    public static final Comparator<String> ORDER = Versions::compare;

    private Versions() {
    }

    public static int compare(String a, String b) {
        Semver sa = parse(a);
        Semver sb = parse(b);
        if (sa != null && sb != null) {
            return sa.compareTo(sb);
        }
        return a.compareTo(b);
    }

    /** True when {@code offered} is strictly newer than {@code installed}; nothing installed counts as older. */
    public static boolean isNewer(String offered, String installed) {
        return installed == null || compare(offered, installed) > 0;
    }

    private static Semver parse(String v) {
        Semver strict = Semver.parse(v);
        return strict != null ? strict : Semver.coerce(v);
    }
}
