package io.slipway.gui.tasks;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task ready to run: its work and the handlers an executor calls when it ends. Executors call exactly one of
 * {@link #succeeded}, {@link #failed} or {@link #cancelled}, each of which runs the "finally" handler last.
 */
public final class TaskSpec<T> {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSpec.class);

    record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
        void handle(Throwable error) {
            handler.accept(type.cast(error));
        }
    }

    private final String title;
    private final BackgroundWork<T> work;
    private final Consumer<? super T> onSuccess;
    private final List<ErrorHandler<?>> errorHandlers;
    private final Runnable onCancelled;
    private final Runnable andFinally;

    TaskSpec(String title, BackgroundWork<T> work, Consumer<? super T> onSuccess, List<ErrorHandler<?>> errorHandlers,
             Runnable onCancelled, Runnable andFinally) {
        this.title = title;
        this.work = work;
        this.onSuccess = onSuccess;
        this.errorHandlers = List.copyOf(errorHandlers);
        this.onCancelled = onCancelled;
        this.andFinally = andFinally;
    }

    public String title() {
        return title;
    }

    public BackgroundWork<T> work() {
        return work;
    }

    public void succeeded(T result) {
        guarded("success", () -> onSuccess.accept(result));
        guarded("finally", andFinally);
    }

    public void failed(Throwable error) {
        Optional<ErrorHandler<?>> handler = mostSpecificHandler(error);
        if (handler.isPresent()) {
            LOG.debug("task '{}' failed, handled as {}", title, handler.get().type().getName(), error);
            guarded("error", () -> handler.get().handle(error));
        } else {
            LOG.error("Background task '{}' failed and nothing handled it", title, error);
        }
        guarded("finally", andFinally);
    }

    public void cancelled() {
        LOG.debug("task '{}' cancelled", title);
        guarded("cancel", onCancelled);
        guarded("finally", andFinally);
    }

    /** Among the handlers whose type matches, the one whose type is a subtype of the others. */
    private Optional<ErrorHandler<?>> mostSpecificHandler(Throwable error) {
        return errorHandlers.stream()
                .filter(h -> h.type().isInstance(error))
                .reduce((a, b) -> a.type().isAssignableFrom(b.type()) ? b : a);
    }

    /** A failing handler must not take the FX thread's event handling down with it. */
    private void guarded(String which, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException e) {
            LOG.error("The {} handler of background task '{}' failed", which, title, e);
        }
    }
}
