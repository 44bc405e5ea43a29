package io.slipway.gui.shell;

import javafx.animation.AnimationTimer;

/** Runs an action once the first frame after "now" has been rendered. */
public final class FirstFrame {
    private FirstFrame() {
    }

    /**
     * Call on the FX thread right after {@code show()}. Fires on the second pulse: a pulse waits for the previous
     * pulse's frame to finish rendering, so by then the window's first frame is on screen.
     */
    public static void then(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
