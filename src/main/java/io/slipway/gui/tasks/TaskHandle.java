package io.slipway.gui.tasks;

/** A submitted task, as far as its submitter needs it. */
@FunctionalInterface
public interface TaskHandle {
    /** Asks the task to stop (cooperatively, through {@code Progress.isCancelled()}); false if it already ended. */
    boolean cancel();
}
