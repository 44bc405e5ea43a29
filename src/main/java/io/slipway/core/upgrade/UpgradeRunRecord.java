package io.slipway.core.upgrade;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A stored upgrade run: offer, who, why, the registry, waves and thresholds used, watch window, state (with the pause
 * reason), and its targets (node order, then software). {@code currentWave} is 1-based; 0 before the first wave.
 */
public record UpgradeRunRecord(long id, String uid, Long offerId, String offerName, String who, String reason,
                               String registry, String waves, double canaryMaxFailures, double maxFailures,
                               Duration watch, int parallelism, boolean installMissing, RunState state,
                               int currentWave, int waveCount, String pauseReason, Instant startedAt,
                               Instant finishedAt, List<UpgradeTargetRecord> targets) {
    public UpgradeRunRecord {
        targets = List.copyOf(targets);
    }

    public List<UpgradeTargetRecord> wave(int wave) {
        return targets.stream().filter(t -> t.wave() == wave).toList();
    }
}
