package io.slipway.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BusyTimeTest {
    @Test
    void overlappingCallsCountOnceAndOwnWorkInsideIsNotTheEngines() throws Exception {
        BusyTime busy = new BusyTime();
        long t0 = System.nanoTime();
        busy.enter();          // a copy into a container ...
        busy.enter();          // ... reading the tar stream of another call inside it
        Thread.sleep(30);
        busy.exit();
        Thread.sleep(30);
        busy.exit();
        long outer = System.nanoTime() - t0;
        Thread.sleep(30);      // between calls: not engine time
        busy.own(Duration.ofMillis(20).toNanos());

        Duration engine = busy.engineTime();
        assertThat(engine.toNanos()).isLessThanOrEqualTo(outer - Duration.ofMillis(20).toNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(40).toNanos());
    }

    @Test
    void aCallInFlightCountsUpToNow() throws Exception {
        BusyTime busy = new BusyTime();
        busy.enter();
        Thread.sleep(20);
        assertThat(busy.engineTime()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }
}
