package io.slipway.core.upgrade;

import io.slipway.core.common.UserFacingException;

/** Failure thresholds as typed: {@code 10%} (a share of the wave's targets) or {@code 0.1}; 0 means none may fail. */
public final class FailureShare {
    private FailureShare() {
    }

    /** @param option the option's name for the error message ({@code --max-failures}) */
    public static double parse(String option, String text) {
        String s = text == null ? "" : text.trim();
        try {
            double v = s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1).trim()) / 100.0
                    : Double.parseDouble(s);
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserFacingException(option + " '" + text + "': give a share from 0% to 100% (or 0 to 1)");
    }

    /** {@code 0.1} → {@code 10%}. */
    public static String format(double share) {
        double pct = share * 100;
        return (pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct)) + "%";
    }

    /** Whether {@code failed} of {@code total} targets passes the threshold (failure share greater than it). */
    public static boolean exceeded(int failed, int total, double threshold) {
        return total > 0 && failed / (double) total > threshold + 1e-9;
    }
}
