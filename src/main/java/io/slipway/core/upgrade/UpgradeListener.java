package io.slipway.core.upgrade;

/**
 * Receives the live {@link UpgradeEvent}s of a run. Called on pipeline threads: a JavaFX listener hands them over with
 * {@code Platform.runLater}. A listener that throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface UpgradeListener {
    UpgradeListener NONE = e -> {
    };

    void onEvent(UpgradeEvent event);
}
