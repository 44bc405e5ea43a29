package io.slipway.gui.tasks;

import io.slipway.core.common.Progress;

/**
 * Runs each task at once on the calling thread and calls its handlers directly: view-model tests need neither
 * worker threads nor the FX toolkit. The last reported progress is kept for assertions.
 */
public final class SynchronousTaskExecutor implements TaskExecutor {
    private volatile String lastProgressMessage = "";
    private volatile int submitted;

    @Override
    public <T> TaskHandle submit(TaskSpec<T> task) {
        submitted++;
        T result;
        try {
            result = task.work().run(new Progress() {
                @Override
                public void progress(long done, long total, String message) {
                    lastProgressMessage = message;
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
        } catch (Exception e) {
            task.failed(e);
            return () -> false;
        }
        task.succeeded(result);
        return () -> false;
    }

    public int submittedCount() {
        return submitted;
    }

    public String lastProgressMessage() {
        return lastProgressMessage;
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
