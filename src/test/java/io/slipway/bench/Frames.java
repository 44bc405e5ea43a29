package io.slipway.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/** Times one UI change as a frame: from the change on the FX thread to the end of the next pulse's layout. */
final class Frames {
    private Frames() {
    }

    /** Runs {@code change} on the FX thread; returns ms until the layout of the frame that shows it ended. */
    static double time(Scene scene, Runnable change) throws Exception {
        return time(scene, change, null);
    }

    /** As {@link #time(Scene, Runnable)}; {@code sync} (if given) gets the ms spent in {@code change} itself. */
    static double time(Scene scene, Runnable change, java.util.function.DoubleConsumer sync) throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                done.complete((System.nanoTime() - t0) / 1e6);
            };
            try {
                change.run();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            if (sync != null) {
                sync.accept((System.nanoTime() - t0) / 1e6);
            }
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        return done.get(300, TimeUnit.SECONDS);
    }
}
