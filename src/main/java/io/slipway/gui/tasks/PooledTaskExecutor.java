package io.slipway.gui.tasks;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's executor: a bounded pool of daemon threads named {@code slipway-task-N}. Each task is wrapped in
 * an {@link FxTask} and listed in {@link RunningTasks} while it runs.
 */
public final class PooledTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PooledTaskExecutor.class);
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final RunningTasks running;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService progressTimer;
    private final Set<FxTask<?>> active = ConcurrentHashMap.newKeySet();

    public PooledTaskExecutor(RunningTasks running, int threads) {
        this.running = running;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemon(() -> "slipway-task-" + n.incrementAndGet()));
        this.pool.allowCoreThreadTimeOut(true);
        this.progressTimer = Executors.newSingleThreadScheduledExecutor(daemon(() -> "slipway-task-progress"));
    }

    /** Two to four workers: enough to load a view while another runs, not enough to starve the FX thread. */
    public static PooledTaskExecutor forThisMachine(RunningTasks running) {
        int cpus = Runtime.getRuntime().availableProcessors();
        return new PooledTaskExecutor(running, Math.min(4, Math.max(2, cpus)));
    }

    @Override
    public <T> TaskHandle submit(TaskSpec<T> spec) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("submit task '" + spec.title() + "' from the FX thread");
        }
        FxTask<T> task = new FxTask<>(spec, Platform::runLater, progressTimer);
        active.add(task);
        task.stateProperty().addListener((obs, was, now) -> {
            if (task.isDone()) {
                active.remove(task);
            }
        });
        running.add(task);
        pool.execute(task);
        return task::cancel;
    }

    @Override
    public void shutdown() {
        active.forEach(FxTask::cancel);
        pool.shutdown();
        progressTimer.shutdownNow();
        try {
            if (!pool.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("background tasks still running {} s after cancel; abandoning them", SHUTDOWN_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(Supplier<String> names) {
        return r -> {
            Thread t = new Thread(r, names.get());
            t.setDaemon(true);
            return t;
        };
    }
}
