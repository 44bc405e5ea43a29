package io.slipway.cli;

import io.slipway.core.upgrade.FailureShare;
import io.slipway.core.upgrade.RunState;
import io.slipway.core.upgrade.UpgradeEvent;
import io.slipway.core.upgrade.UpgradeListener;
import io.slipway.core.upgrade.UpgradeSummary;
import io.slipway.core.upgrade.UpgradeTargetRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints an upgrade run as it goes, one line per target step, run-check countdown every 5 s, each target's two
 * verdicts, wave results; thread-safe (events come from several pipeline threads).
 */
final class UpgradePrinter implements UpgradeListener {
    final RunFollower lines;
    private final boolean showLog;
    private final Map<String, Long> lastTick = new ConcurrentHashMap<>();
    private final Map<String, String> lastStep = new ConcurrentHashMap<>();

    UpgradePrinter(PrintWriter out, boolean showLog) {
        this.lines = new RunFollower(out);
        this.showLog = showLog;
    }

    void say(String line) {
        lines.say(line);
    }

    @Override
    public void onEvent(UpgradeEvent event) {
        if (event instanceof UpgradeEvent.RunStarted e) {
            say((e.continued() ? "going on with" : "upgrade") + " run " + e.runId() + " (id " + e.uid() + "): offer '"
                    + e.offerName() + "', " + e.targets().size() + " target(s) in " + e.waves().size() + " wave(s)");
        } else if (event instanceof UpgradeEvent.WaveStarted e) {
            say("wave " + e.wave() + "/" + e.waveCount() + (e.wave() == 1 ? " (canary)" : "") + ": "
                    + String.join(", ", e.nodes()) + " (max failures " + FailureShare.format(e.threshold()) + ")");
        } else if (event instanceof UpgradeEvent.TargetChanged e) {
            UpgradeTargetRecord t = e.target();
            String step = t.phase().label() + (t.step() == null ? "" : ": " + t.step());
            if (!t.phase().isFinal() && !step.equals(lastStep.put(t.key(), step))) {
                say(String.format("%-28s %s", t.key(), t.step() == null ? t.phase().label() : t.step()));
            }
        } else if (event instanceof UpgradeEvent.RunCheckTick e) {
            String key = e.node() + "/" + e.software();
            long now = System.nanoTime();
            Long last = lastTick.get(key);
            if (last == null || now - last >= Duration.ofSeconds(5).toNanos()) {
                lastTick.put(key, now);
                long left = Math.max(0, e.window().minus(e.elapsed()).toSeconds());
                say(String.format("%-28s run check: %s%s, %d s left", key, e.running() ? "running" : "stopped",
                        e.healthStatus() == null ? "" : ", " + e.healthStatus(), left));
            }
        } else if (event instanceof UpgradeEvent.LogLine e) {
            if (showLog) {
                lines.raw(String.format("%-28s | %s", e.node() + "/" + e.software(), e.line()));
            }
        } else if (event instanceof UpgradeEvent.TargetFinished e) {
            say(String.format("%-28s %s", e.target().key(), verdicts(e.target())));
        } else if (event instanceof UpgradeEvent.WaveFinished e) {
            say("wave " + e.wave() + ": " + e.failed() + " of " + e.targets() + " failed or abnormal (max "
                    + FailureShare.format(e.threshold()) + ") -> " + (e.passed() ? "passed" : "over the threshold"));
        } else if (event instanceof UpgradeEvent.RunPaused e) {
            say("PAUSED: " + e.reason());
        }
    }

    /** {@code upgrade succeeded, run abnormal (liveness only) -> rolled back: abnormal: …}. */
    static String verdicts(UpgradeTargetRecord t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.fromVersion() == null ? "—" : t.fromVersion()).append(" -> ").append(t.toVersion()).append(": ");
        sb.append("upgrade ").append(t.upgradeStatus() == null ? "-" : t.upgradeStatus().label());
        if (t.failedStep() != null) {
            sb.append(" (at ").append(t.failedStep()).append(')');
        }
        sb.append(", run ").append(t.runStatus() == null ? "-" : t.runStatus().label());
        if (t.basis() != null) {
            sb.append(" (").append(t.basis().label()).append(')');
        }
        sb.append(" -> ").append(t.action() == null ? t.phase().label() : t.action().label());
        String why = t.evidence() != null && t.evidence().summary() != null ? t.evidence().summary() : t.detail();
        if (why != null) {
            int nl = why.indexOf('\n');
            sb.append(": ").append(nl < 0 ? why : why.substring(0, nl) + " ...");
        }
        return sb.toString();
    }

    void summary(UpgradeSummary s) {
        say("summary: " + s.line() + " -- run " + s.runId() + " " + s.state().label() + " in "
                + String.format("%.1f s", s.duration().toMillis() / 1000.0));
        if (s.state() == RunState.PAUSED) {
            say("paused: " + s.pauseReason());
            say("go on with: slipway upgrade resume " + s.runId() + " | upgrade retry " + s.runId()
                    + " | upgrade abort " + s.runId() + " (exit code 5)");
        } else if (s.targets().stream().anyMatch(UpgradeTargetRecord::isRetriable)) {
            say("retry the failed targets with: slipway upgrade retry " + s.runId() + " --registry ...");
        }
    }
}
