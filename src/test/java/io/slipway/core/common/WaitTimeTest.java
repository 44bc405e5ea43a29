package io.slipway.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitTimeTest {
    @Test
    void countsOnlyWhileAnAccountIsOpenOnThisThread() throws Exception {
        WaitTime.add(1_000); // nobody is counting: dropped
        WaitTime.Account outer = WaitTime.open();
        WaitTime.add(5);
        WaitTime.Account inner = WaitTime.open();
        WaitTime.add(7);
        Thread other = new Thread(() -> WaitTime.add(100)); // another thread's waiting is not ours
        other.start();
        other.join();
        inner.close();
        assertThat(inner.nanos()).isEqualTo(7);
        WaitTime.add(3);
        outer.close();
        assertThat(outer.nanos()).isEqualTo(15);
        WaitTime.add(1_000);
        assertThat(outer.nanos()).isEqualTo(15);
    }
}
