package io.slipway.core.upgrade;

import io.slipway.core.inventory.Node;
import java.time.Duration;
import java.util.List;

/**
 * An upgrade run to start: an offer over some nodes (the targets are the diff's, see {@link UpgradeDiff}), in waves,
 * with failure thresholds (shares 0..1 of a wave's targets: the canary's and the later waves'), the run-check watch
 * window, how many nodes build at once, the reason, and whether to install where the software is missing.
 */
public record UpgradeRequest(UpgradeOffer offer, List<Node> nodes, WavePlan waves, double canaryMaxFailures,
                             double maxFailures, Duration watch, int parallelism, String reason,
                             boolean installMissing) {
    public static final Duration DEFAULT_WATCH = Duration.ofSeconds(120);
    public static final double DEFAULT_CANARY_MAX_FAILURES = 0;
    public static final double DEFAULT_MAX_FAILURES = 0.10;
    public static final int DEFAULT_PARALLELISM = 4;

    public UpgradeRequest {
        nodes = List.copyOf(nodes);
        if (offer == null) {
            throw new IllegalArgumentException("an offer is required");
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no nodes to upgrade");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        if (watch == null || watch.isNegative()) {
            throw new IllegalArgumentException("the watch window must be zero or more");
        }
        if (canaryMaxFailures < 0 || canaryMaxFailures > 1 || maxFailures < 0 || maxFailures > 1) {
            throw new IllegalArgumentException("failure thresholds are shares from 0 to 1");
        }
    }

    /** Defaults: waves {@code 1,25%,100%}, 0 failures in the canary, ≤ 10 % later, 120 s watch, 4 at once. */
    public static UpgradeRequest of(UpgradeOffer offer, List<Node> nodes) {
        return new UpgradeRequest(offer, nodes, WavePlan.parse(WavePlan.DEFAULT), DEFAULT_CANARY_MAX_FAILURES,
                DEFAULT_MAX_FAILURES, DEFAULT_WATCH, DEFAULT_PARALLELISM, null, false);
    }

    public UpgradeRequest withWaves(WavePlan w) {
        return new UpgradeRequest(offer, nodes, w, canaryMaxFailures, maxFailures, watch, parallelism, reason,
                installMissing);
    }

    public UpgradeRequest withThresholds(double canary, double later) {
        return new UpgradeRequest(offer, nodes, waves, canary, later, watch, parallelism, reason, installMissing);
    }

    public UpgradeRequest withWatch(Duration w) {
        return new UpgradeRequest(offer, nodes, waves, canaryMaxFailures, maxFailures, w, parallelism, reason,
                installMissing);
    }

    public UpgradeRequest withParallelism(int p) {
        return new UpgradeRequest(offer, nodes, waves, canaryMaxFailures, maxFailures, watch, p, reason,
                installMissing);
    }

    public UpgradeRequest withReason(String r) {
        return new UpgradeRequest(offer, nodes, waves, canaryMaxFailures, maxFailures, watch, parallelism, r,
                installMissing);
    }

    public UpgradeRequest withInstallMissing(boolean b) {
        return new UpgradeRequest(offer, nodes, waves, canaryMaxFailures, maxFailures, watch, parallelism, reason, b);
    }

    /** The threshold of wave {@code wave} (1-based): the canary's for the first. */
    public double thresholdOf(int wave) {
        return wave == 1 ? canaryMaxFailures : maxFailures;
    }
}
