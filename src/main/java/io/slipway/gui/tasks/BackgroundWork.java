package io.slipway.gui.tasks;

import io.slipway.core.common.Progress;

/** The work of a background task: runs off the FX thread and sees only {@link Progress}, never FX types. */
@FunctionalInterface
public interface BackgroundWork<T> {
    T run(Progress progress) throws Exception;
}
