package io.slipway.core.upgrade;

/** What became of a target in the end. */
public enum TargetAction {
    /** Upgraded: the node reports the new version. */
    COMMITTED("committed"),
    /** Upgraded but abnormal: the new image is kept, marked rolled back; the node reports the old version. */
    ROLLED_BACK("rolled back"),
    /** The upgrade failed: the node was left as it was. */
    FAILED("failed"),
    /** Not run: its run was aborted before it started, or the node already had the offered version. */
    SKIPPED("skipped");

    private final String label;

    TargetAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
