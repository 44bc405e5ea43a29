package io.slipway.gui.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Hands a live engine's events (arriving on pipeline threads) to a view-model on the UI thread in batches, at most
 * one batch every {@code intervalMs}: {@link #post} queues an event, {@link #latest} keeps only the newest event per
 * key (byte progress, countdowns), so a fast stream cannot flood the UI thread. A batch holds the queued events in
 * order, then the newest kept ones. Shared by the live deploy and live upgrade views.
 */
public final class LiveEvents<E> {
    private final UiDispatcher ui;
    private final long intervalMs;
    private final LongSupplier nanoClock;
    private final Consumer<List<E>> apply;
    private final Queue<E> events = new ConcurrentLinkedQueue<>();
    private final Map<Object, E> newest = new ConcurrentHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile long lastFlushNanos;
    private int flushes;
    private boolean ticking;
    private static final long TICK_MS = 1000;

    /** @param apply gets each batch on the UI thread */
    public LiveEvents(UiDispatcher ui, long intervalMs, LongSupplier nanoClock, Consumer<List<E>> apply) {
        this.ui = ui;
        this.intervalMs = intervalMs;
        this.nanoClock = nanoClock;
        this.apply = apply;
        this.lastFlushNanos = nanoClock.getAsLong() - intervalMs * 1_000_000;
    }

    /** Any thread: queues {@code event} for the next batch. */
    public void post(E event) {
        events.add(event);
        schedule();
    }

    /** Any thread: {@code event} replaces an older one of the same key not yet applied. */
    public void latest(Object key, E event) {
        newest.put(key, event);
        schedule();
    }

    /** UI thread: forgets what is not applied yet (a new run starts). */
    public void clear() {
        events.clear();
        newest.clear();
    }

    private void schedule() {
        if (flushScheduled.compareAndSet(false, true)) {
            long waitNanos = lastFlushNanos + intervalMs * 1_000_000 - nanoClock.getAsLong();
            ui.runLater(this::flush, Math.max(0, waitNanos / 1_000_000));
        }
    }

    private void flush() {
        flushScheduled.set(false);
        lastFlushNanos = nanoClock.getAsLong();
        flushes++;
        List<E> batch = new ArrayList<>();
        E e;
        while ((e = events.poll()) != null) {
            batch.add(e);
        }
        for (Object key : List.copyOf(newest.keySet())) {
            E kept = newest.remove(key);
            if (kept != null) {
                batch.add(kept);
            }
        }
        apply.accept(batch);
    }

    /** UI thread: calls {@code onTick} about once a second while {@code active} holds (the elapsed times). */
    public void tickWhile(BooleanSupplier active, Runnable onTick) {
        if (!ticking) {
            ticking = true;
            ui.runLater(() -> tick(active, onTick), TICK_MS);
        }
    }

    private void tick(BooleanSupplier active, Runnable onTick) {
        onTick.run();
        if (active.getAsBoolean()) {
            ui.runLater(() -> tick(active, onTick), TICK_MS);
        } else {
            ticking = false;
        }
    }

    /** How many batches were applied (tests check the coalescing). */
    public int flushCount() {
        return flushes;
    }
}
