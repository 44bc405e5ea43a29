package io.slipway.gui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The throttle on its own, with a hand-driven clock and the "FX thread" being the caller. */
class ProgressThrottleTest {
    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(50);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<ProgressThrottle.Update> delivered = new CopyOnWriteArrayList<>();
    private final ProgressThrottle throttle =
            new ProgressThrottle(INTERVAL, now::get, Runnable::run, timer, () -> false, delivered::add);

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void manyReportsWithinOneIntervalBecomeFewDeliveriesEndingWithTheFinalValue() {
        for (int i = 1; i <= 10_000; i++) {
            throttle.progress(i, 10_000, "item " + i);
        }
        throttle.flushNow();

        assertThat(delivered).hasSizeLessThanOrEqualTo(3);
        assertThat(delivered.get(0).done()).isEqualTo(1);
        assertThat(delivered.get(delivered.size() - 1)).isEqualTo(new ProgressThrottle.Update(10_000, 10_000, "item 10000"));
    }

    @Test
    void oneDeliveryPerIntervalAsTimeAdvances() {
        for (int i = 1; i <= 1_000; i++) {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
            throttle.progress(i, 1_000, "");
            if (i % 50 == 0) {
                throttle.flushNow(); // what the timer would do once the interval is over
            }
        }

        // 1 s of reports at 1 ms each: about one delivery per 50 ms, nowhere near 1,000
        assertThat(delivered).hasSizeBetween(15, 25);
        assertThat(delivered.get(delivered.size() - 1).done()).isEqualTo(1_000);
    }

    @Test
    void aReportAfterQuietTimeIsDeliveredLaterByTheTimer() throws Exception {
        throttle.progress(1, 2, "first");
        throttle.progress(2, 2, "second"); // within the interval: must not be lost even if nothing follows

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (delivered.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(delivered).extracting(ProgressThrottle.Update::message).containsExactly("first", "second");
    }

    @Test
    void flushWithNothingNewDeliversNothing() {
        throttle.progress(1, 1, "only");
        throttle.flushNow();
        throttle.flushNow();

        assertThat(delivered).hasSize(1);
    }
}
