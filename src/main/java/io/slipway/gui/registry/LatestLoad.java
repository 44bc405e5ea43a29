package io.slipway.gui.registry;

import io.slipway.gui.tasks.BackgroundWork;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.TaskHandle;
import io.slipway.gui.tasks.Tasks;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * One kind of background load of a view (the tags of the selected repository, say): starting a new one cancels
 * the one still running, whose late result or error is dropped, so a quick click through a list never shows an
 * older answer over a newer one. Used on the FX thread only.
 */
final class LatestLoad {
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private long generation;
    private TaskHandle running;

    LatestLoad(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Runs {@code work} in the background; the handlers run on the FX thread, and only if nothing newer began. */
    <T> void start(String title, BackgroundWork<T> work, Consumer<? super T> onResult, Consumer<Exception> onError,
                   Runnable andFinally) {
        cancel();
        long mine = generation;
        loading.set(true);
        running = Tasks.create(work).title(title)
                .onSuccess(result -> {
                    if (mine == generation) {
                        onResult.accept(result);
                    }
                })
                .onError(Exception.class, e -> {
                    if (mine == generation) {
                        onError.accept(e);
                    }
                })
                .andFinally(() -> {
                    andFinally.run();
                    if (mine == generation) {
                        loading.set(false);
                    }
                })
                .runOn(executor);
    }

    /** Drops the running load, if any: its result will not be shown. */
    void cancel() {
        generation++;
        if (running != null) {
            running.cancel();
            running = null;
        }
        loading.set(false);
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
