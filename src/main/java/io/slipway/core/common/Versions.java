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
        Semver strictA = Semver.parse(a);
        Semver strictB = Semver.parse(b);
        if (strictA != null && strictB != null) {
            return strictA.compareTo(strictB);
        }
        Semver looseA = Semver.coerce(a);
        Semver looseB = Semver.coerce(b);
        int byNumbers = looseA != null && looseB != null ? looseA.compareTo(looseB) : 0;
        // Coercion drops suffixes like "-adas2"; equal numbers fall back to text order of the whole version.
        return byNumbers != 0 ? byNumbers : a.compareTo(b);
    }

    /** True when {@code offered} is strictly newer than {@code installed}; nothing installed counts as older. */
    public static boolean isNewer(String offered, String installed) {
        return installed == null || compare(offered, installed) > 0;
    }

}
