package io.slipway.core.inventory;

import io.slipway.core.engine.EngineFacts;
import java.time.Duration;
import java.time.Instant;

/** The outcome of probing one node: reachable with its facts, or unreachable with the reason. */
public record ProbeResult(String node, boolean reachable, String reason, EngineFacts facts, Instant at, Duration took) {
    public static ProbeResult reachable(String node, EngineFacts facts, Instant at, Duration took) {
        return new ProbeResult(node, true, null, facts, at, took);
    }

    public static ProbeResult unreachable(String node, String reason, Instant at, Duration took) {
        return new ProbeResult(node, false, reason, null, at, took);
    }
}
