package io.slipway.core.upgrade;

import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the events of one deploy (one software over some nodes of a wave) into the run's target changes and live
 * events, and holds that deploy's {@link RunChecker}.
 */
final class TargetEvents implements DeployListener {
    private final UpgradeDriver driver;
    private final String software;
    private final RunChecker checker;
    private final Map<String, Long> deployIds = new ConcurrentHashMap<>();

    TargetEvents(UpgradeDriver driver, List<UpgradeTargetRecord> group) {
        this.driver = driver;
        this.software = group.get(0).software();
        this.checker = new RunChecker(driver.watch(), (node, elapsed, running, health, restarts) -> driver.emit(
                new UpgradeEvent.RunCheckTick(driver.runId(), node, software, elapsed, driver.watch(), running, health,
                        restarts)));
    }

    RunChecker checker() {
        return checker;
    }

    @Override
    public void deployStarted(DeployStarted event) {
        event.nodes().forEach(n -> deployIds.put(n, event.deployId()));
    }

    @Override
    public void nodeStateChanged(NodeStateChanged e) {
        UpgradeTargetRecord t = driver.target(e.node(), software);
        if (t == null || e.to().isTerminal()) {
            return; // the outcome (nodeFinished) carries the end
        }
        if (e.from() == NodeDeployState.PENDING) {
            t = TargetOutcomes.started(t, e.deployId(), driver.clock().now());
            driver.changeTarget(TargetOutcomes.inStep(t, e.to()), true);
            return;
        }
        UpgradeTargetRecord next = TargetOutcomes.inStep(t, e.to());
        driver.changeTarget(next, next.phase() != t.phase());
    }

    @Override
    public void transferProgress(TransferProgressed e) {
        driver.emit(new UpgradeEvent.TransferProgressed(driver.runId(), e.node(), software, e.step().label(),
                e.progress()));
    }

    @Override
    public void logLine(LogLine e) {
        driver.emit(new UpgradeEvent.LogLine(driver.runId(), e.node(), software, e.line(), e.stderr()));
    }

    @Override
    public void nodeFinished(NodeOutcome o) {
        UpgradeTargetRecord t = driver.target(o.node(), software);
        if (t == null) {
            return;
        }
        if (t.phase() == TargetPhase.PENDING) { // ended before its first step (aborted, or the store failed)
            Long id = deployIds.get(o.node());
            t = TargetOutcomes.started(t, id == null ? 0 : id, driver.clock().now());
        }
        driver.finishTarget(TargetOutcomes.finished(t, o, checker.result(o.node()), driver.clock().now()));
    }
}
