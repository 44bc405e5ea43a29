package io.slipway.core.upgrade;

import java.time.Instant;

/** One target in the history of a node × software, with the run it belonged to. */
public record UpgradeHistoryEntry(long runId, String offerName, String who, Instant runStartedAt, RunState runState,
                                  UpgradeTargetRecord target) {
}
