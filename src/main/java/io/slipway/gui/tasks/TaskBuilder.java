package io.slipway.gui.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Collects a task's title and handlers; every handler is later called on the FX thread. */
public final class TaskBuilder<T> {
    private final BackgroundWork<T> work;
    private final List<TaskSpec.ErrorHandler<?>> errorHandlers = new ArrayList<>();
    private String title = "Background task";
    private Consumer<? super T> onSuccess = result -> { };
    private Runnable onCancelled = () -> { };
    private Runnable andFinally = () -> { };

    TaskBuilder(BackgroundWork<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public TaskBuilder<T> title(String title) {
        this.title = Objects.requireNonNull(title, "title");
        return this;
    }

    public TaskBuilder<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Handles failures of {@code type}; when several match, the most specific type wins. */
    public <E extends Throwable> TaskBuilder<T> onError(Class<E> type, Consumer<? super E> handler) {
        errorHandlers.add(new TaskSpec.ErrorHandler<>(type, handler));
        return this;
    }

    public TaskBuilder<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Runs after success, failure or cancellation. */
    public TaskBuilder<T> andFinally(Runnable handler) {
        this.andFinally = Objects.requireNonNull(handler, "handler");
        return this;
    }

    public TaskSpec<T> build() {
        return new TaskSpec<>(title, work, onSuccess, errorHandlers, onCancelled, andFinally);
    }

    public TaskHandle runOn(TaskExecutor executor) {
        return executor.submit(build());
    }
}
