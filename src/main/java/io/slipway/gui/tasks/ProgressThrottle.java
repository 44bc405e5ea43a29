package io.slipway.gui.tasks;

import io.slipway.core.common.Progress;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The {@link Progress} a worker sees: keeps only the newest report and hands it to the FX thread at most once per
 * interval, so a worker reporting in a tight loop cannot flood the FX event queue. {@link #flushNow()} delivers
 * the final value when the task ends.
 */
final class ProgressThrottle implements Progress {
    /** One progress report; {@code total <= 0} means unknown. */
    record Update(long done, long total, String message) {
    }

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Executor fxThread;
    private final ScheduledExecutorService timer;
    private final BooleanSupplier cancelled;
    private final Consumer<Update> sink;
    private final AtomicReference<Update> latest = new AtomicReference<>();
    private final AtomicBoolean flushPending = new AtomicBoolean();
    private volatile long lastFlushNanos;

    ProgressThrottle(long intervalNanos, LongSupplier nanoClock, Executor fxThread, ScheduledExecutorService timer,
                     BooleanSupplier cancelled, Consumer<Update> sink) {
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
        this.fxThread = fxThread;
        this.timer = timer;
        this.cancelled = cancelled;
        this.sink = sink;
        this.lastFlushNanos = nanoClock.getAsLong() - intervalNanos;
    }

    @Override
    public void progress(long done, long total, String message) {
        latest.set(new Update(done, total, message == null ? "" : message));
        if (flushPending.compareAndSet(false, true)) {
            long wait = lastFlushNanos + intervalNanos - nanoClock.getAsLong();
            if (wait <= 0) {
                fxThread.execute(this::flushNow);
            } else if (!timer.isShutdown()) {
                timer.schedule(() -> fxThread.execute(this::flushNow), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    /** On the FX thread: delivers the newest report, if one arrived since the last delivery. */
    void flushNow() {
        flushPending.set(false);
        Update update = latest.getAndSet(null);
        if (update != null) {
            lastFlushNanos = nanoClock.getAsLong();
            sink.accept(update);
        }
    }
}
