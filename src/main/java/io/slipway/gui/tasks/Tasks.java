package io.slipway.gui.tasks;

/**
 * Entry point of the fluent task API:
 * {@code Tasks.create(work).title("…").onSuccess(…).onError(IOException.class, …).andFinally(…).runOn(executor)}.
 */
public final class Tasks {
    private Tasks() {
    }

    public static <T> TaskBuilder<T> create(BackgroundWork<T> work) {
        return new TaskBuilder<>(work);
    }
}
