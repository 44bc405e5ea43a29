package io.slipway.gui.tasks;

/** Runs background tasks; view-models depend on this interface, so tests can run tasks synchronously. */
public interface TaskExecutor {
    /** Starts {@code task}; called on the FX thread (or, for a synchronous executor, any thread). */
    <T> TaskHandle submit(TaskSpec<T> task);

    /** Cancels what still runs and stops accepting work; waits briefly for workers to finish. */
    void shutdown();
}
