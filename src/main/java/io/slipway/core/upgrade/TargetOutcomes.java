package io.slipway.core.upgrade;

import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import java.time.Instant;
import java.util.Optional;

/** The changes of a target's record over its life: started, in a step, and its two verdicts from a deploy outcome. */
final class TargetOutcomes {
    private TargetOutcomes() {
    }

    /** A mutable copy of a record, for the changes below. */
    static final class Builder {
        long runId;
        String node;
        String software;
        String fromVersion;
        String toVersion;
        int wave;
        TargetPhase phase;
        String step;
        UpgradeStatus upgradeStatus;
        String failedStep;
        String detail;
        RunStatus runStatus;
        RunBasis basis;
        RunEvidence evidence;
        TargetAction action;
        Long deployId;
        int attempts;
        String envImage;
        String envDigest;
        String softwareImage;
        String softwareDigest;
        Instant startedAt;
        Instant finishedAt;
        Long durationMs;
        Long checkMs;

        Builder(UpgradeTargetRecord t) {
            runId = t.runId();
            node = t.node();
            software = t.software();
            fromVersion = t.fromVersion();
            toVersion = t.toVersion();
            wave = t.wave();
            phase = t.phase();
            step = t.step();
            upgradeStatus = t.upgradeStatus();
            failedStep = t.failedStep();
            detail = t.detail();
            runStatus = t.runStatus();
            basis = t.basis();
            evidence = t.evidence();
            action = t.action();
            deployId = t.deployId();
            attempts = t.attempts();
            envImage = t.envImage();
            envDigest = t.envDigest();
            softwareImage = t.softwareImage();
            softwareDigest = t.softwareDigest();
            startedAt = t.startedAt();
            finishedAt = t.finishedAt();
            durationMs = t.durationMs();
            checkMs = t.checkMs();
        }

        UpgradeTargetRecord build() {
            return new UpgradeTargetRecord(runId, node, software, fromVersion, toVersion, wave, phase, step,
                    upgradeStatus, failedStep, detail, runStatus, basis, evidence, action, deployId, attempts, envImage,
                    envDigest, softwareImage, softwareDigest, startedAt, finishedAt, durationMs, checkMs);
        }

        /** Both verdicts and the action cleared: a target about to be run (again). */
        Builder clearVerdicts() {
            upgradeStatus = null;
            failedStep = null;
            runStatus = null;
            basis = null;
            evidence = null;
            action = null;
            finishedAt = null;
            durationMs = null;
            checkMs = null;
            return this;
        }
    }

    /** A new target of a run (not stored yet: {@code runId} 0 until it is). */
    static UpgradeTargetRecord planned(UpgradeDiff.Target t, int wave) {
        return new UpgradeTargetRecord(0, t.node(), t.software(), t.from(), t.to(), wave, TargetPhase.PENDING, null,
                null, null, null, null, null, null, null, null, 0, null, null, null, null, null, null, null, null);
    }

    /** Picked up again by resume or retry. */
    static UpgradeTargetRecord pending(UpgradeTargetRecord t) {
        Builder b = new Builder(t).clearVerdicts();
        b.phase = TargetPhase.PENDING;
        b.step = null;
        b.detail = null;
        return b.build();
    }

    static UpgradeTargetRecord withRunId(UpgradeTargetRecord t, long runId) {
        Builder b = new Builder(t);
        b.runId = runId;
        return b.build();
    }

    static UpgradeTargetRecord started(UpgradeTargetRecord t, long deployId, Instant at) {
        Builder b = new Builder(t).clearVerdicts();
        b.phase = TargetPhase.UPGRADING;
        b.deployId = deployId;
        b.attempts = t.attempts() + 1;
        b.startedAt = at;
        b.detail = null;
        return b.build();
    }

    static UpgradeTargetRecord inStep(UpgradeTargetRecord t, NodeDeployState step) {
        Builder b = new Builder(t);
        b.step = step.label();
        b.phase = step == NodeDeployState.RUN_CHECKING ? TargetPhase.RUN_CHECK
                : step == NodeDeployState.ROLLING_BACK ? TargetPhase.ROLLING_BACK : TargetPhase.UPGRADING;
        if (step == NodeDeployState.RUN_CHECKING) {
            b.upgradeStatus = UpgradeStatus.SUCCEEDED; // built and pushed: the first verdict is in
        }
        return b.build();
    }

    /** The deploy could not even start for this target. */
    static UpgradeTargetRecord notStarted(UpgradeTargetRecord t, String detail, Instant at) {
        Builder b = new Builder(t).clearVerdicts();
        b.phase = TargetPhase.DONE;
        b.upgradeStatus = UpgradeStatus.FAILED;
        b.failedStep = "start";
        b.detail = detail;
        b.runStatus = RunStatus.NOT_CHECKED;
        b.basis = RunBasis.NONE;
        b.action = TargetAction.FAILED;
        b.finishedAt = at;
        return b.build();
    }

    /** Its run was aborted before it ran: skipped, the node untouched. */
    static UpgradeTargetRecord aborted(UpgradeTargetRecord t, String detail, Instant at) {
        Builder b = new Builder(t).clearVerdicts();
        b.phase = TargetPhase.ABORTED;
        b.detail = t.detail() == null ? detail : t.detail() + "; " + detail;
        b.runStatus = RunStatus.NOT_CHECKED;
        b.basis = RunBasis.NONE;
        b.action = TargetAction.SKIPPED;
        b.finishedAt = at;
        return b.build();
    }

    /** Both verdicts from the deploy's outcome on the node and the run check's result. */
    static UpgradeTargetRecord finished(UpgradeTargetRecord t, NodeOutcome o, Optional<RunChecker.Result> check,
                                        Instant at) {
        Builder b = new Builder(t);
        b.phase = TargetPhase.DONE;
        b.step = o.state().label();
        b.detail = o.detail();
        b.envImage = o.envImage();
        b.envDigest = o.envDigest();
        b.softwareImage = o.softwareImage();
        b.softwareDigest = o.softwareDigest();
        b.finishedAt = at;
        b.durationMs = o.duration().toMillis();
        b.checkMs = check.map(RunChecker.Result::checkMs).orElse(null);
        b.runStatus = check.map(RunChecker.Result::status).orElse(RunStatus.NOT_CHECKED);
        b.basis = check.map(RunChecker.Result::basis).orElse(RunBasis.NONE);
        b.evidence = check.map(RunChecker.Result::evidence).orElse(null);
        boolean pushed = o.failedStep() != null && o.failedStep().ordinal() > NodeDeployState.PUSHING.ordinal();
        switch (o.state()) {
            case DONE -> {
                b.upgradeStatus = UpgradeStatus.SUCCEEDED;
                b.action = TargetAction.COMMITTED;
            }
            case ROLLED_BACK -> {
                b.upgradeStatus = UpgradeStatus.SUCCEEDED;
                b.runStatus = RunStatus.ABNORMAL;
                b.action = TargetAction.ROLLED_BACK;
            }
            case SKIPPED -> {
                b.upgradeStatus = null;
                b.action = TargetAction.SKIPPED;
            }
            case ABORTED -> {
                b.phase = TargetPhase.ABORTED;
                b.upgradeStatus = pushed ? UpgradeStatus.SUCCEEDED : null;
                b.runStatus = RunStatus.NOT_CHECKED;
                b.failedStep = o.failedStep() == null ? null : o.failedStep().label();
                b.action = TargetAction.SKIPPED;
            }
            default -> { // FAILED, DENIED
                b.failedStep = o.failedStep() == null ? null : o.failedStep().label();
                b.action = TargetAction.FAILED;
                if (pushed) {
                    // built and pushed, but the run check broke off (e.g. the node's engine went away): not healthy
                    b.upgradeStatus = UpgradeStatus.SUCCEEDED;
                    b.runStatus = RunStatus.ABNORMAL;
                    b.evidence = new RunEvidence(false, null, 0, false, null, java.util.List.of(), 0,
                            "run check broke off: " + o.detail());
                    if (b.basis == RunBasis.NONE) {
                        b.basis = RunBasis.LIVENESS;
                    }
                } else {
                    b.upgradeStatus = UpgradeStatus.FAILED;
                    b.runStatus = RunStatus.NOT_CHECKED;
                    b.basis = RunBasis.NONE;
                    b.evidence = null;
                }
            }
        }
        return b.build();
    }
}
