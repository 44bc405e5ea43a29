package io.slipway.core.engine;

import java.time.Duration;

/**
 * Bounds for one engine client: how long to wait for a connection, and how long a response may stay silent
 * (httpclient5's response timeout is a read timeout, so a streaming call fails only when nothing arrives for that long).
 */
public record EngineTimeouts(Duration connect, Duration response) {
    /** For probes: an unreachable node answers within seconds. */
    public static final EngineTimeouts PROBE = new EngineTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));
    /** For deploys: a compile step may print nothing for minutes. */
    public static final EngineTimeouts DEPLOY = new EngineTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(30));

    /** A probe bounded by {@code deadline} as a whole: no single call of it may wait longer. */
    public static EngineTimeouts forProbe(Duration deadline) {
        Duration connect = deadline.compareTo(PROBE.connect()) < 0 ? deadline : PROBE.connect();
        return new EngineTimeouts(connect, deadline);
    }

    public EngineTimeouts {
        if (connect.isNegative() || connect.isZero() || response.isNegative() || response.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + connect + ", " + response);
        }
    }
}
