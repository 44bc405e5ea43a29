package io.slipway.core.audit;

import java.util.function.Supplier;

/**
 * The reason a console action was given, for the events the acting thread records meanwhile. Static so a
 * view-model can pass its dialog's reason around a service call without holding the trail; every trail reads it
 * ({@link AuditTrail#withReason} is the same scope).
 */
public final class AuditReasons {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private AuditReasons() {
    }

    /** Runs {@code work} with {@code reason} (blank: none) applying to the events this thread records. */
    public static <T> T during(String reason, Supplier<T> work) {
        String before = CURRENT.get();
        CURRENT.set(AuditHashing.normaliseReason(reason));
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    static String current() {
        return CURRENT.get();
    }
}
