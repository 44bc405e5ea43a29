package io.slipway.core.upgrade;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run going on in this process (started, resumed or retried): its id, live state and targets, {@link #abort()},
 * and {@link #completion()}, which completes with the {@link UpgradeSummary} when the run finishes, pauses on a
 * threshold or is aborted.
 */
public final class UpgradeRun {
    private final UpgradeDriver driver;

    UpgradeRun(UpgradeDriver driver) {
        this.driver = driver;
    }

    public long id() {
        return driver.runId();
    }

    public String uid() {
        return driver.uid();
    }

    public RunState state() {
        return driver.state();
    }

    /** 1-based; 0 before the first wave. */
    public int currentWave() {
        return driver.currentWave();
    }

    /** Every target's current record (wave, node, software order). */
    public List<UpgradeTargetRecord> targets() {
        return driver.targets();
    }

    /**
     * Aborts: targets not started end aborted (skipped); running ones have their streams closed and containers killed,
     * then clean up and end aborted. Returns at once; wait on {@link #completion()}.
     */
    public void abort() {
        driver.abort();
    }

    public CompletableFuture<UpgradeSummary> completion() {
        return driver.completion();
    }

    public UpgradeSummary await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return completion().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("upgrade run " + id() + " ended abnormally", e.getCause());
        }
    }
}
