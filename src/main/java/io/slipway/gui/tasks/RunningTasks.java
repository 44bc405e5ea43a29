package io.slipway.gui.tasks;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/** The app's running background tasks, for the status bar and the task list. Touch on the FX thread only. */
public final class RunningTasks {
    private final ObservableList<Task<?>> tasks = FXCollections.observableArrayList();
    private final ObservableList<Task<?>> readOnly = FXCollections.unmodifiableObservableList(tasks);

    /** Lists {@code task} until it succeeds, fails or is cancelled. */
    void add(Task<?> task) {
        tasks.add(task);
        task.stateProperty().addListener((obs, was, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                tasks.remove(task);
            }
        });
    }

    public ObservableList<Task<?>> tasks() {
        return readOnly;
    }

    public void cancelAll() {
        for (Task<?> t : List.copyOf(tasks)) {
            t.cancel();
        }
    }
}
