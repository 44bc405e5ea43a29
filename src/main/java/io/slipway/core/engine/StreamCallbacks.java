package io.slipway.core.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.ResponseItem;
import com.github.dockerjava.api.model.StreamType;
import io.slipway.core.common.Cancellation;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The docker-java stream callbacks of {@link EngineClient} (pull/push progress, exec output, image build output). They
 * register with a {@link Cancellation} so an abort closes the stream, and run on docker-java's stream thread while the
 * caller waits inside the engine call: the time of Slipway's own code in them (handing lines and progress on) is
 * counted as such ({@link BusyTime#own(Runnable)}), not as the engine's.
 */
final class StreamCallbacks {
    private StreamCallbacks() {
    }

    /** Base: registers with the cancellation, remembers the first error the stream reports. */
    abstract static class Stream<T> extends ResultCallback.Adapter<T> {
        private final Cancellation cancel;
        private final String what;
        protected final BusyTime busy;
        private Cancellation.Registration registration;
        protected final AtomicReference<String> streamError = new AtomicReference<>();

        /** @param what the call and its endpoint, for messages ({@code pull x on unix:///...}) */
        Stream(Cancellation cancel, String what, BusyTime busy) {
            this.cancel = cancel;
            this.what = what;
            this.busy = busy;
        }

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            registration = cancel.register(this);
        }

        /** Handles one item on the stream's thread, timed as Slipway's own work. */
        @Override
        public final void onNext(T item) {
            busy.own(() -> handle(item));
        }

        abstract void handle(T item);

        void await() {
            try {
                awaitCompletion();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.cancel();
                throw new Cancellation.CancellationSignal();
            } catch (RuntimeException e) {
                if (cancel.isCancelled()) {
                    throw new Cancellation.CancellationSignal();
                }
                throw e;
            } finally {
                if (registration != null) {
                    registration.close();
                }
            }
            if (cancel.isCancelled()) {
                throw new Cancellation.CancellationSignal();
            }
            String err = streamError.get();
            if (err != null) {
                throw new EngineException(what + " failed: " + err, retryable(err), null);
            }
        }

        /** Whether a failure the stream reported may pass when tried again. */
        boolean retryable(String error) {
            return !EngineClient.looksPermanent(error);
        }

        String what() {
            return what;
        }
    }

    /** Pull/push events to progress (see {@link TransferTracker}); the pushed digest picked from aux or status. */
    static final class Progress<T extends ResponseItem> extends Stream<T> {
        private static final Pattern PUSH_DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64})");

        private final TransferTracker tracker;
        private final TransferListener listener;
        final AtomicReference<String> digest = new AtomicReference<>();

        Progress(TransferTracker tracker, TransferListener listener, Cancellation cancel, String what, BusyTime busy) {
            super(cancel, what, busy);
            this.tracker = tracker;
            this.listener = listener;
        }

        @Override
        void handle(T item) {
            if (item.isErrorIndicated()) {
                String err = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
                streamError.compareAndSet(null, Objects.requireNonNullElse(err, "unknown error"));
                return;
            }
            if (item.getAux() != null && item.getAux().getDigest() != null) {
                digest.set(item.getAux().getDigest());
            }
            String status = item.getStatus() == null ? "" : item.getStatus();
            Matcher m = PUSH_DIGEST.matcher(status);
            if (m.find()) {
                digest.compareAndSet(null, m.group(1));
            }
            ResponseItem.ProgressDetail d = item.getProgressDetail();
            tracker.apply(item.getId(), status, d == null ? null : d.getCurrent(), d == null ? null : d.getTotal())
                    .ifPresent(listener::progress);
        }
    }

    /** An exec's output, split into lines (stdout and stderr apart). */
    static final class Exec extends Stream<Frame> {
        private final LineListener lines;
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder err = new StringBuilder();

        Exec(LineListener lines, Cancellation cancel, String what, BusyTime busy) {
            super(cancel, what, busy);
            this.lines = lines;
        }

        @Override
        void handle(Frame frame) {
            boolean stderr = frame.getStreamType() == StreamType.STDERR;
            StringBuilder buf = stderr ? err : out;
            buf.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            int nl;
            while ((nl = buf.indexOf("\n")) >= 0) {
                String line = buf.substring(0, nl);
                buf.delete(0, nl + 1);
                lines.line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line, stderr);
            }
        }

        @Override
        public void onComplete() {
            busy.own(this::flush);
            super.onComplete();
        }

        @Override
        public void onError(Throwable throwable) {
            busy.own(this::flush);
            super.onError(throwable);
        }

        private void flush() {
            if (out.length() > 0) {
                lines.line(out.toString(), false);
                out.setLength(0);
            }
            if (err.length() > 0) {
                lines.line(err.toString(), true);
                err.setLength(0);
            }
        }
    }

    /** An image build's output lines; the built image id (from the aux record or the "Successfully built" line). */
    static final class Build extends Stream<BuildResponseItem> {
        private final LineListener lines;
        private final AtomicReference<String> imageId = new AtomicReference<>();

        Build(LineListener lines, Cancellation cancel, String what, BusyTime busy) {
            super(cancel, what, busy);
            this.lines = lines;
        }

        @Override
        void handle(BuildResponseItem item) {
            if (item.getStream() != null) {
                for (String l : item.getStream().split("\n")) {
                    if (!l.isBlank()) {
                        lines.line(l, false);
                    }
                }
            }
            if (item.isBuildSuccessIndicated()) {
                imageId.set(item.getImageId());
            } else if (item.isErrorIndicated()) {
                streamError.compareAndSet(null, Objects.requireNonNullElse(item.getError(), "unknown error"));
            }
        }

        /** The engine could not build the context Slipway gave it: trying again would not help. */
        @Override
        boolean retryable(String error) {
            return false;
        }

        String awaitImageId() {
            await();
            String id = imageId.get();
            if (id == null) {
                throw new EngineException(what() + " reported no image id", false, null);
            }
            return id;
        }
    }
}
