package io.slipway.gui.common;

import io.slipway.core.common.Progress;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.TaskHandle;
import io.slipway.gui.tasks.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loading logic every view shares: {@link #load} runs as a background task, {@link #show} gets its result
 * on the FX thread; a newer refresh supersedes an older one, whose late result is dropped.
 */
public abstract class RefreshableViewModel<T> {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshableViewModel.class);

    private final TaskExecutor executor;
    private final String loadTitle;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private long generation;
    private boolean loadedOnce;
    private TaskHandle current;

    protected RefreshableViewModel(TaskExecutor executor, String loadTitle) {
        this.executor = executor;
        this.loadTitle = loadTitle;
    }

    /** Off the FX thread: reads what the view shows. */
    protected abstract T load(Progress progress) throws Exception;

    /** On the FX thread: puts a loaded result into the properties the view binds. */
    protected abstract void show(T data);

    /** Called when the view is shown: loads the first time only. */
    public final void activate() {
        if (!loadedOnce) {
            refresh();
        }
    }

    /** What the user's "Refresh view" (Ctrl+R) does; a view may do more than reload, e.g. probe. */
    public void refreshByUser() {
        refresh();
    }

    /** Loads again, superseding any load still running. */
    public final void refresh() {
        loadedOnce = true;
        long mine = ++generation;
        if (current != null) {
            current.cancel();
        }
        loading.set(true);
        loadError.set("");
        current = Tasks.create(this::load)
                .title(loadTitle)
                .onSuccess(data -> {
                    if (mine == generation) {
                        show(data);
                    }
                })
                .onError(Exception.class, e -> {
                    LOG.warn("{} failed", loadTitle, e);
                    if (mine == generation) {
                        loadError.set(loadTitle + " failed: " + e.getMessage());
                    }
                })
                .andFinally(() -> {
                    if (mine == generation) {
                        loading.set(false);
                    }
                })
                .runOn(executor);
    }

    protected final TaskExecutor executor() {
        return executor;
    }

    public final ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Empty unless the last load failed. */
    public final ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }
}
