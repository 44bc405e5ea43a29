package io.slipway.gui.tasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executors the console hands to the core for its own concurrency (node probes, deploy pipelines): daemon threads
 * named {@code <prefix>-N} that end when idle. The only place besides {@link PooledTaskExecutor} that makes threads.
 */
public final class WorkerPools {
    private WorkerPools() {
    }

    /** Grows as needed up to {@code max} threads; idle threads end after 30 s. */
    public static ExecutorService elastic(String prefix, int max) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, max, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        return pool;
    }

    /** The FX thread as a {@link UiDispatcher}; delays are kept by one daemon timer thread. */
    public static UiDispatcher fxDispatcher() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slipway-fx-timer");
            t.setDaemon(true);
            return t;
        });
        return (work, delayMillis) -> {
            if (delayMillis <= 0) {
                Platform.runLater(work);
            } else {
                timer.schedule(() -> Platform.runLater(work), delayMillis, TimeUnit.MILLISECONDS);
            }
        };
    }
}
