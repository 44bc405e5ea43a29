package io.slipway.core.upgrade;

import java.time.Instant;

/**
 * One target of a run (node × software), as stored and as shown live: from → to, its wave, where it stands
 * ({@code phase}, {@code step} = the deploy step it is in, or {@code run check}), both verdicts kept apart
 * ({@code upgradeStatus} with {@code failedStep}, {@code runStatus} with its {@code basis} and {@code evidence}),
 * the {@code action} taken, the images and digests, and timings. {@code deployId} is the deploy that carried its build
 * and push: its per-step times and build log are this target's ({@code UpgradeService.steps/buildLog}).
 * Verdict fields are null until known.
 */
public record UpgradeTargetRecord(long runId, String node, String software, String fromVersion, String toVersion,
                                  int wave, TargetPhase phase, String step, UpgradeStatus upgradeStatus,
                                  String failedStep, String detail, RunStatus runStatus, RunBasis basis,
                                  RunEvidence evidence, TargetAction action, Long deployId, int attempts,
                                  String envImage, String envDigest, String softwareImage, String softwareDigest,
                                  Instant startedAt, Instant finishedAt, Long durationMs, Long checkMs) {
    /** A target counted against its wave's threshold: the upgrade failed, or the run was abnormal. */
    public boolean isFailure() {
        return upgradeStatus == UpgradeStatus.FAILED || runStatus == RunStatus.ABNORMAL;
    }

    /** Picked up by retry: failed, abnormal (rolled back), aborted or interrupted. */
    public boolean isRetriable() {
        return isFailure() || phase == TargetPhase.ABORTED || phase == TargetPhase.INTERRUPTED;
    }

    /** Counts as a good end for the run's exit code: succeeded and healthy or not checked, or skipped. */
    public boolean isGood() {
        return action == TargetAction.SKIPPED || action == TargetAction.COMMITTED;
    }

    public String key() {
        return node + "/" + software;
    }
}
