package io.slipway.core.upgrade;

import java.util.List;

/**
 * What a run of {@code offer} over some nodes would do: the diff (targets, current, not installed), the targets in
 * order, and the waves (node names per wave; only nodes with a target take part).
 */
public record UpgradePlan(UpgradeOffer offer, UpgradeDiff diff, List<UpgradeDiff.Target> targets,
                          List<List<String>> waves) {
    public UpgradePlan {
        targets = List.copyOf(targets);
        waves = waves.stream().map(List::copyOf).toList();
    }

    /** The wave (1-based) of a node, 0 when it has no target. */
    public int waveOf(String node) {
        for (int i = 0; i < waves.size(); i++) {
            if (waves.get(i).contains(node)) {
                return i + 1;
            }
        }
        return 0;
    }
}
