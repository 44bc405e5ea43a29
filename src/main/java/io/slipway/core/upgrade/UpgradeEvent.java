package io.slipway.core.upgrade;

import io.slipway.core.engine.TransferProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Live events of an upgrade run, for the console's live view and the CLI. Delivered on pipeline threads (several
 * targets at once), never on a UI thread. {@link TargetChanged} carries the whole current record of a target each time
 * its phase, step or a verdict changes, so a view can simply replace its row.
 */
public sealed interface UpgradeEvent {
    long runId();

    /** The run was recorded (or resumed / retried): its waves (node names per wave) and every target. */
    record RunStarted(long runId, String uid, String offerName, List<List<String>> waves,
                      List<UpgradeTargetRecord> targets, boolean continued, Instant at) implements UpgradeEvent {
        public RunStarted {
            waves = waves.stream().map(List::copyOf).toList();
            targets = List.copyOf(targets);
        }
    }

    /** Wave {@code wave} (1-based) of {@code waveCount} starts on these nodes. */
    record WaveStarted(long runId, int wave, int waveCount, List<String> nodes, double threshold, Instant at)
            implements UpgradeEvent {
        public WaveStarted {
            nodes = List.copyOf(nodes);
        }
    }

    /** A target's phase, step or a verdict changed. */
    record TargetChanged(long runId, UpgradeTargetRecord target, Instant at) implements UpgradeEvent {
    }

    /** Byte/layer progress of a pull or push of a target (throttled). */
    record TransferProgressed(long runId, String node, String software, String step, TransferProgress progress)
            implements UpgradeEvent {
    }

    /** One line of a target's build output. */
    record LogLine(long runId, String node, String software, String line, boolean stderr) implements UpgradeEvent {
    }

    /**
     * The run check of a target, about once a second: watched so far of the window (the countdown is
     * {@code window - elapsed}), whether the run-command still runs, the engine's health status (null without a health
     * command), restarts so far.
     */
    record RunCheckTick(long runId, String node, String software, Duration elapsed, Duration window, boolean running,
                        String healthStatus, int restartCount) implements UpgradeEvent {
    }

    /** A target reached a final phase for this attempt (both verdicts in, or aborted). */
    record TargetFinished(long runId, UpgradeTargetRecord target) implements UpgradeEvent {
    }

    /** A wave ended: its failed (failed or abnormal) targets against its threshold. */
    record WaveFinished(long runId, int wave, int failed, int targets, double threshold, boolean passed)
            implements UpgradeEvent {
    }

    /** The run paused on a threshold; later waves wait for resume, retry or abort. */
    record RunPaused(long runId, int wave, String reason) implements UpgradeEvent {
    }

    /** The run ended (finished, paused, aborted): its summary. */
    record RunEnded(long runId, UpgradeSummary summary) implements UpgradeEvent {
    }
}
