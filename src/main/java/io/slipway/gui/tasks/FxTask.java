package io.slipway.gui.tasks;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;

/**
 * A {@link TaskSpec} as a JavaFX {@link Task}: the work runs on a pool thread and reports through a
 * {@link ProgressThrottle}; the task's properties and the spec's handlers are only touched on the FX thread.
 */
public final class FxTask<T> extends Task<T> {
    static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final TaskSpec<T> spec;
    private final ProgressThrottle progress;

    /** Create on the FX thread. */
    FxTask(TaskSpec<T> spec, Executor fxThread, ScheduledExecutorService timer) {
        this.spec = spec;
        this.progress = new ProgressThrottle(PROGRESS_INTERVAL_NANOS, System::nanoTime, fxThread, timer,
                this::isCancelled, this::show);
        updateTitle(spec.title());
        updateMessage("Waiting…");
    }

    @Override
    protected T call() throws Exception {
        return spec.work().run(progress);
    }

    private void show(ProgressThrottle.Update update) {
        if (update.total() > 0) {
            updateProgress(update.done(), update.total());
        } else {
            updateProgress(-1, -1);
        }
        updateMessage(update.message());
    }

    @Override
    protected void running() {
        if ("Waiting…".equals(getMessage())) {
            updateMessage("Running…");
        }
    }

    @Override
    protected void succeeded() {
        progress.flushNow();
        spec.succeeded(getValue());
    }

    @Override
    protected void failed() {
        progress.flushNow();
        spec.failed(getException());
    }

    @Override
    protected void cancelled() {
        progress.flushNow();
        spec.cancelled();
    }

    /** Never interrupts: work stops through Progress.isCancelled(); an interrupt can close H2's file channel. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return super.cancel(false);
    }
}
