package io.slipway.core.upgrade;

import java.time.Duration;
import java.util.List;

/**
 * How a run (or this part of it: a resume or retry) ended, with the counts of both verdicts and the CLI's exit code:
 * 0 every target succeeded and is healthy or not checked, or skipped; 1 any failed or abnormal (or aborted); 5 paused
 * on a threshold.
 */
public record UpgradeSummary(long runId, String uid, String offerName, RunState state, String pauseReason,
                             List<UpgradeTargetRecord> targets, Duration duration) {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_PAUSED = 5;

    public UpgradeSummary {
        targets = List.copyOf(targets);
    }

    public long count(UpgradeStatus s) {
        return targets.stream().filter(t -> t.upgradeStatus() == s).count();
    }

    public long count(RunStatus s) {
        return targets.stream().filter(t -> t.runStatus() == s).count();
    }

    public long count(TargetAction a) {
        return targets.stream().filter(t -> t.action() == a).count();
    }

    public long count(TargetPhase p) {
        return targets.stream().filter(t -> t.phase() == p).count();
    }

    public int exitCode() {
        if (state == RunState.PAUSED) {
            return EXIT_PAUSED;
        }
        boolean good = state == RunState.FINISHED && targets.stream().allMatch(UpgradeTargetRecord::isGood);
        return good ? EXIT_OK : EXIT_FAILED;
    }

    /** One line: {@code upgrade: 3 succeeded, 1 failed · run: 2 healthy, 1 abnormal, 1 not checked · 1 rolled back}. */
    public String line() {
        return "upgrade: " + count(UpgradeStatus.SUCCEEDED) + " succeeded, " + count(UpgradeStatus.FAILED)
                + " failed · run: " + count(RunStatus.HEALTHY) + " healthy, " + count(RunStatus.ABNORMAL)
                + " abnormal, " + count(RunStatus.NOT_CHECKED) + " not checked · " + count(TargetAction.ROLLED_BACK)
                + " rolled back, " + count(TargetAction.SKIPPED) + " skipped"
                + (count(TargetPhase.PENDING) > 0 ? ", " + count(TargetPhase.PENDING) + " waiting" : "");
    }
}
