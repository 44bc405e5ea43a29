package io.slipway.core.upgrade;

/** First verdict of a target: did the build, software image and push work (the deploy engine's steps)? */
public enum UpgradeStatus {
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String label;

    UpgradeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
