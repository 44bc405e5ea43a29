package io.slipway.core.upgrade;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeployRun;
import io.slipway.core.deploy.DeployService;
import io.slipway.core.inventory.Node;
import io.slipway.core.registry.RegistryAccess;
import io.slipway.core.store.Jdbc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works an upgrade run through its waves. A wave runs one deploy per software over the wave's nodes that have it as a
 * target (the deploy engine's steps, with the {@link RunChecker} after the push), one software after the other, so
 * a node never builds two things at once; then its failure share is held against its threshold: within → next wave,
 * past → the run pauses (after the last wave there is nothing left to hold back: the run finishes). No thread of its own: each step goes on from the completion of the one before it.
 */
final class UpgradeDriver {
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeDriver.class);

    /** The run's fixed settings. */
    record Settings(long runId, String uid, String offerName, int waveCount, double canaryMaxFailures,
                    double maxFailures, Duration watch, int parallelism) {
        double thresholdOf(int wave) {
            return wave == 1 ? canaryMaxFailures : maxFailures;
        }
    }

    private final Settings settings;
    private final DeployService deployService;
    private final UpgradeRunStore store;
    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final RegistryAccess registry;
    private final Executor executor;
    private final UpgradeListener listener;
    private final Map<String, Node> nodes;
    /** Key node/software → current record; guarded by {@code this}. */
    private final Map<String, UpgradeTargetRecord> targets = new LinkedHashMap<>();
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final CompletableFuture<UpgradeSummary> completion = new CompletableFuture<>();
    private volatile RunState state = RunState.RUNNING;
    private volatile int currentWave;
    private volatile DeployRun currentDeploy;
    private long t0;

    UpgradeDriver(Settings settings, List<UpgradeTargetRecord> targets, int currentWave, DeployService deployService,
                  UpgradeRunStore store, Jdbc jdbc, AuditTrail audit, Clock clock, RegistryAccess registry,
                  Executor executor, UpgradeListener listener, Map<String, Node> nodes) {
        this.settings = settings;
        this.deployService = deployService;
        this.store = store;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.registry = registry;
        this.executor = executor;
        this.listener = new SafeListener(listener);
        this.nodes = Map.copyOf(nodes);
        targets.forEach(t -> this.targets.put(t.key(), t));
        this.currentWave = currentWave;
    }

    long runId() {
        return settings.runId();
    }

    String uid() {
        return settings.uid();
    }

    RunState state() {
        return state;
    }

    int currentWave() {
        return currentWave;
    }

    synchronized List<UpgradeTargetRecord> targets() {
        return List.copyOf(targets.values());
    }

    CompletableFuture<UpgradeSummary> completion() {
        return completion;
    }

    void emit(UpgradeEvent e) {
        listener.onEvent(e);
    }

    /** Starts (or goes on) at wave {@code wave}; past the last wave the run finishes. */
    void go(int wave) {
        t0 = System.nanoTime();
        if (wave > settings.waveCount()) {
            finish(RunState.FINISHED, null);
        } else {
            runWave(wave);
        }
    }

    void abort() {
        if (aborted.compareAndSet(false, true)) {
            DeployRun d = currentDeploy;
            if (d != null) {
                d.abort();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ waves

    private void runWave(int wave) {
        currentWave = wave;
        List<String> waveNodes;
        Map<String, List<UpgradeTargetRecord>> bySoftware = new TreeMap<>();
        synchronized (this) {
            waveNodes = targets.values().stream().filter(t -> t.wave() == wave).map(UpgradeTargetRecord::node)
                    .distinct().toList();
            // pending targets of this wave, and of earlier ones (a retry re-runs them before going on)
            for (UpgradeTargetRecord t : targets.values()) {
                if (t.wave() <= wave && t.phase() == TargetPhase.PENDING) {
                    bySoftware.computeIfAbsent(t.software(), k -> new ArrayList<>()).add(t);
                }
            }
        }
        write(List.of(), c -> {
            store.setState(c, settings.runId(), RunState.RUNNING, wave, null, null);
            return null;
        });
        emit(new UpgradeEvent.WaveStarted(settings.runId(), wave, settings.waveCount(), waveNodes,
                settings.thresholdOf(wave), clock.now()));
        runGroups(bySoftware.values().iterator(), () -> endWave(wave));
    }

    private void runGroups(Iterator<List<UpgradeTargetRecord>> groups, Runnable then) {
        if (aborted.get() || !groups.hasNext()) {
            then.run();
            return;
        }
        List<UpgradeTargetRecord> group = groups.next();
        DeployRun run;
        TargetEvents events = new TargetEvents(this, group);
        try {
            List<Node> groupNodes = group.stream().map(t -> nodes.get(t.node())).toList();
            Long retryOf = group.stream().map(UpgradeTargetRecord::deployId).filter(java.util.Objects::nonNull)
                    .max(Long::compare).orElse(null);
            UpgradeTargetRecord first = group.get(0);
            DeployRequest request = new DeployRequest(first.software(), first.toVersion(), groupNodes, false,
                    settings.parallelism(), null, null, false, retryOf);
            run = deployService.start(request, registry, executor, events, events.checker());
        } catch (RuntimeException e) {
            LOG.warn("upgrade {}: the deploy of {} could not start", settings.runId(), group.get(0).software(), e);
            for (UpgradeTargetRecord t : group) {
                finishTarget(TargetOutcomes.notStarted(t, "the deploy could not start: " + e.getMessage(),
                        clock.now()));
            }
            runGroups(groups, then);
            return;
        }
        currentDeploy = run;
        if (aborted.get()) {
            run.abort();
        }
        run.completion().whenComplete((summary, error) -> {
            currentDeploy = null;
            if (error != null) {
                LOG.error("upgrade {}: deploy {} ended abnormally", settings.runId(), run.id(), error);
            }
            runGroups(groups, then);
        });
    }

    private void endWave(int wave) {
        if (aborted.get()) {
            finish(RunState.ABORTED, "aborted by " + audit.who());
            return;
        }
        List<UpgradeTargetRecord> inWave;
        synchronized (this) {
            inWave = targets.values().stream().filter(t -> t.wave() == wave).toList();
        }
        int failed = (int) inWave.stream().filter(UpgradeTargetRecord::isFailure).count();
        double threshold = settings.thresholdOf(wave);
        boolean passed = !FailureShare.exceeded(failed, inWave.size(), threshold);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run", settings.uid());
        details.put("wave", wave);
        details.put("failed", failed);
        details.put("targets", inWave.size());
        details.put("threshold", FailureShare.format(threshold));
        details.put("passed", passed);
        write(List.of(AuditTrail.Entry.of("upgrade.wave.finished", subject(), details)), c -> null);
        emit(new UpgradeEvent.WaveFinished(settings.runId(), wave, failed, inWave.size(), threshold, passed));
        if (!passed && wave < settings.waveCount()) {
            String reason = "wave " + wave + " of " + settings.waveCount() + (wave == 1 ? " (canary)" : "") + ": "
                    + failed + " of " + inWave.size() + " targets failed or abnormal ("
                    + FailureShare.format(failed / (double) inWave.size()) + "), over the threshold of "
                    + FailureShare.format(threshold) + "; resume, retry the failed targets, or abort";
            emit(new UpgradeEvent.RunPaused(settings.runId(), wave, reason));
            finish(RunState.PAUSED, reason);
        } else if (wave < settings.waveCount()) {
            runWave(wave + 1);
        } else {
            finish(RunState.FINISHED, null);
        }
    }

    private void finish(RunState end, String reason) {
        state = end;
        Instant at = clock.now();
        List<UpgradeTargetRecord> aborts = new ArrayList<>();
        if (end == RunState.ABORTED) {
            synchronized (this) {
                for (UpgradeTargetRecord t : targets.values()) {
                    if (!t.phase().isFinal() || t.phase() == TargetPhase.INTERRUPTED) {
                        UpgradeTargetRecord a = TargetOutcomes.aborted(t, "run aborted before it ran", at);
                        targets.put(a.key(), a);
                        aborts.add(a);
                    }
                }
            }
        }
        UpgradeSummary summary = new UpgradeSummary(settings.runId(), settings.uid(), settings.offerName(), end,
                reason, targets(), Duration.ofNanos(System.nanoTime() - t0));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run", settings.uid());
        details.put("id", settings.runId());
        details.put("state", end.name());
        details.put("wave", currentWave);
        details.put("reason", reason);
        details.put("summary", summary.line());
        String action = end == RunState.PAUSED ? "upgrade.run.paused" : end == RunState.ABORTED
                ? "upgrade.run.aborted" : "upgrade.run.finished";
        try {
            write(List.of(AuditTrail.Entry.of(action, subject(), details)), c -> {
                for (UpgradeTargetRecord a : aborts) {
                    store.saveTarget(c, a);
                }
                store.setState(c, settings.runId(), end, currentWave, reason,
                        end == RunState.PAUSED ? null : at);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("upgrade {}: recording its end failed", settings.runId(), e);
        } finally {
            aborts.forEach(a -> emit(new UpgradeEvent.TargetFinished(settings.runId(), a)));
            emit(new UpgradeEvent.RunEnded(settings.runId(), summary));
            completion.complete(summary);
        }
    }

    // ------------------------------------------------------------------------------------------------ targets

    synchronized UpgradeTargetRecord target(String node, String software) {
        return targets.get(node + "/" + software);
    }

    /** A live change (step, phase); stored when the phase changes, so a crash shows where the target was. */
    void changeTarget(UpgradeTargetRecord next, boolean store) {
        synchronized (this) {
            targets.put(next.key(), next);
        }
        if (store) {
            write(List.of(), c -> {
                this.store.saveTarget(c, next);
                return null;
            });
        }
        emit(new UpgradeEvent.TargetChanged(settings.runId(), next, clock.now()));
    }

    /** Both verdicts are in: stored with its audit event. */
    void finishTarget(UpgradeTargetRecord done) {
        synchronized (this) {
            targets.put(done.key(), done);
        }
        write(List.of(AuditTrail.Entry.of("upgrade.target.finished", done.node(),
                UpgradeRunStore.auditDetails(settings.uid(), done))), c -> {
            store.saveTarget(c, done);
            return null;
        });
        emit(new UpgradeEvent.TargetChanged(settings.runId(), done, clock.now()));
        emit(new UpgradeEvent.TargetFinished(settings.runId(), done));
    }

    Duration watch() {
        return settings.watch();
    }

    Clock clock() {
        return clock;
    }

    private String subject() {
        return settings.offerName() + " (upgrade run " + settings.runId() + ")";
    }

    private void write(List<AuditTrail.Entry> events, Jdbc.InTransaction<Void> work) {
        audit.inTransactionWith(events, work);
    }

    /** Passes events on; a listener that throws must not break a run. */
    private record SafeListener(UpgradeListener delegate) implements UpgradeListener {
        @Override
        public void onEvent(UpgradeEvent event) {
            try {
                delegate.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("upgrade listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
