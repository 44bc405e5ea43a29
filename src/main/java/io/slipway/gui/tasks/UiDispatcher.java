package io.slipway.gui.tasks;

/**
 * Runs work on the UI thread, now or after a delay. View-models that receive events from core threads post through
 * it; tests use a manual implementation and decide when queued work runs.
 */
@FunctionalInterface
public interface UiDispatcher {
    /** Runs {@code work} on the UI thread after about {@code delayMillis} (0: as soon as possible). */
    void runLater(Runnable work, long delayMillis);
}
