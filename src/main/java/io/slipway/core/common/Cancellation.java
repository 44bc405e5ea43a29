package io.slipway.core.common;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels running streams the way docker-java's {@code ResultCallback} is cancelled: every stream registers the
 * {@link Closeable} it got in {@code onStart}, and {@link #cancel()} closes them all. Streams registered after the
 * cancel are closed at once. Thread-safe; cancelling twice is harmless.
 */
public final class Cancellation {
    private static final Logger LOG = LoggerFactory.getLogger(Cancellation.class);

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final Set<Runnable> hooks = ConcurrentHashMap.newKeySet();

    /** A cancellation nobody cancels, for callers that need none. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** Registers a stream; returns a registration that unregisters it (without closing) when closed. */
    public Registration register(Closeable stream) {
        open.add(stream);
        if (cancelled.get()) {
            closeQuietly(stream);
        }
        return () -> open.remove(stream);
    }

    /** Runs {@code hook} on cancel (at once if already cancelled), e.g. to kill a container. */
    public Registration onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get() && hooks.remove(hook)) {
            runQuietly(hook);
        }
        return () -> hooks.remove(hook);
    }

    /**
     * Cancels: runs every hook (e.g. kill the container, which ends its streams by itself), then closes every stream
     * still registered. Returns false if it was cancelled already.
     */
    public boolean cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return false;
        }
        for (Runnable r : hooks) {
            if (hooks.remove(r)) {
                runQuietly(r);
            }
        }
        for (Closeable c : open) {
            closeQuietly(c);
        }
        return true;
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancellationSignal} when cancelled; call between steps. */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancellationSignal();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a cancelled stream failed: {}", e.toString());
        }
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("a cancel hook failed: {}", e.toString());
        }
    }

    /** Unregisters without closing. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Thrown by {@link #throwIfCancelled()}. */
    public static final class CancellationSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CancellationSignal() {
            super("cancelled");
        }
    }
}
