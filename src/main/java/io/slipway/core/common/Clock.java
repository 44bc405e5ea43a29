package io.slipway.core.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Time source for stored timestamps; millisecond precision so what is hashed is what H2 stores. */
@FunctionalInterface
public interface Clock {
    Clock SYSTEM = () -> Instant.now().truncatedTo(ChronoUnit.MILLIS);

    Instant now();
}
