package io.slipway.core.engine;

import java.time.Duration;

/**
 * Bounds for one engine client: how long to wait for a connection, how long a short call (ping, version, inspect,
 * list, create, start, remove) may stay silent, and how long a streaming call (pull, push, build, exec, copy) may
 * (httpclient5's response timeout is a read timeout, so a streaming call fails only when nothing arrives for that
 * long). A silent node thus costs one short deadline, not the bound of a compile step.
 */
public record EngineTimeouts(Duration connect, Duration response, Duration stream) {
    /** For probes: an unreachable node answers within seconds. */
    public static final EngineTimeouts PROBE = new EngineTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));
    /** Default silence bound of a deploy's streaming steps: a compile step may print nothing for minutes. */
    public static final Duration DEFAULT_STREAM_SILENCE = Duration.ofMinutes(30);
    /** For deploys: short calls answer within a minute even on a loaded engine; streams as above. */
    public static final EngineTimeouts DEPLOY = new EngineTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60),
            DEFAULT_STREAM_SILENCE);

    /** Streaming calls bounded like short ones. */
    public EngineTimeouts(Duration connect, Duration response) {
        this(connect, response, response);
    }

    /** The same with another bound for streaming calls (the user's {@code --stream-timeout}). */
    public EngineTimeouts withStream(Duration silence) {
        return new EngineTimeouts(connect, response, silence);
    }

    /** A probe bounded by {@code deadline} as a whole: no single call of it may wait longer. */
    public static EngineTimeouts forProbe(Duration deadline) {
        Duration connect = deadline.compareTo(PROBE.connect()) < 0 ? deadline : PROBE.connect();
        return new EngineTimeouts(connect, deadline);
    }

    public EngineTimeouts {
        if (connect.isNegative() || connect.isZero() || response.isNegative() || response.isZero()
                || stream.isNegative() || stream.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + connect + ", " + response + ", " + stream);
        }
    }
}
