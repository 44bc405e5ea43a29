package io.slipway.gui.upgrade;

/** Checks a wave list as typed ("1,25%,100%": node counts or shares of the fleet, growing). */
final class WaveText {
    private WaveText() {
    }

    /** The problem with {@code text}, or empty. */
    static String problem(String text) {
        if (text == null || text.isBlank()) {
            return "give at least one wave, e.g. " + UpgradeForm.DEFAULT_WAVES + ".";
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            boolean share = p.endsWith("%");
            int n = UpgradeForm.count(share ? p.substring(0, p.length() - 1).strip() : p);
            if (n < 1 || share && n > 100) {
                return "'" + p + "' is neither a node count (1 or more) nor a share (1% to 100%).";
            }
        }
        return "";
    }
}
