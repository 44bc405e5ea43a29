package io.slipway.core.upgrade;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.deploy.DeployRepository;
import io.slipway.core.deploy.DeployService;
import io.slipway.core.deploy.StepRecord;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.core.registry.RegistryAccess;
import io.slipway.core.store.Jdbc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Upgrades: offers (audited), plans (the diff and waves), runs (start, resume, retry, abort), and the history per
 * node × software. A run's targets are upgraded by the deploy engine's steps, each in its own environment container,
 * with the {@link RunChecker} after the push; the run's waves and thresholds are worked by {@link UpgradeDriver}.
 * Every write records an audit event. Runs need an executor with {@code parallelism + 1} threads (the deploy's
 * workers and its workspace writer); the service creates none.
 */
public final class UpgradeService {
    private final UpgradeRepository offers;
    private final UpgradeRunStore runs;
    private final NodeRepository nodes;
    private final DeployService deployService;
    private final DeployRepository deploys;
    private final Jdbc jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<Long, UpgradeRun> live = new ConcurrentHashMap<>();

    public UpgradeService(UpgradeRepository offers, UpgradeRunStore runs, NodeRepository nodes,
                          DeployService deployService, DeployRepository deploys, Jdbc jdbc, AuditTrail audit,
                          Clock clock) {
        this.offers = offers;
        this.runs = runs;
        this.nodes = nodes;
        this.deployService = deployService;
        this.deploys = deploys;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ offers

    /** Checks and stores an offer (audited {@code upgrade.offer.added}). */
    public UpgradeOffer addOffer(OfferSources.Draft draft) {
        String name = draft.name() == null ? "" : draft.name().trim();
        if (name.isEmpty()) {
            throw new UserFacingException("The offer needs a name (--name).");
        }
        if (draft.offered().isEmpty()) {
            throw new UserFacingException("Offer '" + name + "' offers no software; give at least one SOFTWARE=VERSION.");
        }
        draft.offered().forEach((s, v) -> {
            if (s.isBlank() || v == null || v.isBlank()) {
                throw new UserFacingException("Offer '" + name + "': software '" + s + "' needs a version.");
            }
        });
        if (offers.findByName(name).isPresent()) {
            throw new UserFacingException("An offer named '" + name + "' exists already; choose another --name.");
        }
        if (name.matches("\\d+")) {
            throw new UserFacingException("Offer name '" + name + "' is a number, which names offers by id; add a letter.");
        }
        Instant at = clock.now();
        long id = offers.add(name, at, draft.offered(), draft.source());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", id);
        details.put("offered", draft.offered());
        details.put("source", draft.source());
        audit.record("upgrade.offer.added", name, details);
        return offers.find(id).orElseThrow();
    }

    /** Newest first. */
    public List<UpgradeOffer> offers() {
        return offers.all();
    }

    /** An offer by name or number. */
    public UpgradeOffer offer(String nameOrNumber) {
        Optional<UpgradeOffer> o = nameOrNumber.matches("\\d+")
                ? offers.find(Long.parseLong(nameOrNumber)) : offers.findByName(nameOrNumber);
        return o.orElseThrow(() -> new UserFacingException("No upgrade offer '" + nameOrNumber
                + "'; list them with 'slipway upgrade offers'."));
    }

    // ------------------------------------------------------------------------------------------------ plan

    public UpgradePlan plan(UpgradeOffer offer, List<Node> scope, boolean installMissing, WavePlan waves) {
        UpgradeDiff diff = UpgradeDiff.of(offer, scope, installMissing);
        List<UpgradeDiff.Target> targets = diff.targets();
        List<String> withTargets = diff.rows().stream().filter(r -> r.targets() > 0).map(UpgradeDiff.Row::node).toList();
        return new UpgradePlan(offer, diff, targets, waves.split(withTargets));
    }

    // ------------------------------------------------------------------------------------------------ runs

    /**
     * Records and starts a run; returns at once. Refused ({@link NoTargetsException}) when the offer has no target on
     * these nodes.
     */
    public UpgradeRun start(UpgradeRequest request, RegistryAccess registry, Executor executor,
                            UpgradeListener listener) {
        UpgradePlan plan = plan(request.offer(), request.nodes(), request.installMissing(), request.waves());
        if (plan.targets().isEmpty()) {
            throw new NoTargetsException("Offer '" + request.offer().name() + "' has no targets on these "
                    + request.nodes().size() + " node(s): each has the offered version or newer, or does not have the "
                    + "software (see 'slipway upgrade plan').");
        }
        List<UpgradeTargetRecord> planned = new ArrayList<>();
        for (UpgradeDiff.Target t : plan.targets()) {
            planned.add(TargetOutcomes.planned(t, plan.waveOf(t.node())));
        }
        planned.sort(java.util.Comparator.comparingInt(UpgradeTargetRecord::wave));
        String uid = UUID.randomUUID().toString();
        Instant at = clock.now();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("run", uid);
        details.put("offer", request.offer().name());
        details.put("offered", request.offer().offered());
        details.put("registry", registry.host());
        details.put("waves", request.waves().spec());
        details.put("wavesNodes", plan.waves());
        details.put("canaryMaxFailures", FailureShare.format(request.canaryMaxFailures()));
        details.put("maxFailures", FailureShare.format(request.maxFailures()));
        details.put("watchSeconds", request.watch().toSeconds());
        details.put("parallelism", request.parallelism());
        details.put("installMissing", request.installMissing());
        details.put("reason", request.reason());
        details.put("targets", planned.stream().map(t -> t.key() + " " + t.fromVersion() + " -> " + t.toVersion())
                .toList());
        long id = audit.inTransactionWith(List.of(AuditTrail.Entry.of("upgrade.run.started", request.offer().name(),
                details)), c -> runs.begin(c, uid, request, audit.who(), registry.host(), plan.waves().size(), planned,
                at));
        List<UpgradeTargetRecord> stored = planned.stream().map(t -> TargetOutcomes.withRunId(t, id)).toList();
        UpgradeDriver.Settings settings = new UpgradeDriver.Settings(id, uid, request.offer().name(),
                plan.waves().size(), request.canaryMaxFailures(), request.maxFailures(), request.watch(),
                request.parallelism());
        Map<String, Node> byName = new LinkedHashMap<>();
        request.nodes().forEach(n -> byName.put(n.name(), n));
        return launch(settings, stored, 0, registry, executor, listener, byName, plan.waves(), false, 1);
    }

    /**
     * Goes on with a paused or interrupted run: an interrupted one re-runs the targets that were under way or waiting
     * in its current wave; a paused one goes on with the next wave (the paused wave's failures stand).
     */
    public UpgradeRun resume(long runId, RegistryAccess registry, Executor executor, UpgradeListener listener) {
        UpgradeRunRecord r = continuable(runId, registry);
        if (!r.state().canContinue()) {
            throw new UserFacingException("Upgrade run " + runId + " is " + r.state().label()
                    + "; only a paused or interrupted run can be resumed.");
        }
        List<UpgradeTargetRecord> targets = r.targets().stream().map(t -> t.phase() == TargetPhase.INTERRUPTED
                ? TargetOutcomes.pending(t) : t).toList();
        int from = r.state() == RunState.PAUSED ? r.currentWave() + 1 : Math.max(1, r.currentWave());
        audit.record("upgrade.run.resumed", r.offerName(), Map.of("run", r.uid(), "id", runId, "fromWave", from,
                "was", r.state().name()));
        return relaunch(r, targets, registry, executor, listener, from);
    }

    /**
     * Runs the failed, abnormal (rolled back), aborted and interrupted targets of the waves so far again, then holds the
     * current wave against its threshold again and goes on from there.
     */
    public UpgradeRun retry(long runId, RegistryAccess registry, Executor executor, UpgradeListener listener) {
        UpgradeRunRecord r = continuable(runId, registry);
        int current = Math.max(1, r.currentWave());
        List<UpgradeTargetRecord> again = r.targets().stream()
                .filter(t -> t.wave() <= current && t.isRetriable()).toList();
        if (again.isEmpty()) {
            throw new UserFacingException("Upgrade run " + runId + " has no failed, abnormal, aborted or interrupted "
                    + "targets to retry.");
        }
        List<UpgradeTargetRecord> targets = r.targets().stream().map(t -> again.contains(t) ? TargetOutcomes.pending(t)
                : t).toList();
        audit.record("upgrade.run.retried", r.offerName(), Map.of("run", r.uid(), "id", runId,
                "targets", again.stream().map(UpgradeTargetRecord::key).toList()));
        return relaunch(r, targets, registry, executor, listener, current);
    }

    /**
     * Aborts a run: one going on in this process through its handle; a paused or interrupted one in the workspace (its
     * waiting targets end aborted; containers an interrupted target left on its node are removed on the next retry of
     * the same software there, or by {@link UpgradeLeftovers}).
     */
    public UpgradeRunRecord abort(long runId) {
        UpgradeRun running = live.get(runId);
        if (running != null) {
            running.abort();
            running.completion().join();
            return run(runId).orElseThrow();
        }
        UpgradeRunRecord r = run(runId).orElseThrow(() -> new UserFacingException("No upgrade run " + runId + "."));
        if (r.state() == RunState.ABORTED || r.state() == RunState.FINISHED) {
            throw new UserFacingException("Upgrade run " + runId + " is " + r.state().label() + " already.");
        }
        if (r.state() == RunState.RUNNING) {
            throw new UserFacingException("Upgrade run " + runId + " is running in another Slipway; abort it there.");
        }
        Instant at = clock.now();
        List<UpgradeTargetRecord> aborted = r.targets().stream().filter(t -> !t.phase().isFinal()
                || t.phase() == TargetPhase.INTERRUPTED).map(t -> TargetOutcomes.aborted(t, "run aborted", at)).toList();
        String leftovers = UpgradeLeftovers.remove(r, aborted, nodes, deploys);
        audit.inTransactionWith(List.of(AuditTrail.Entry.of("upgrade.run.aborted", r.offerName(), Map.of("run", r.uid(),
                "id", runId, "was", r.state().name(), "targets", aborted.size(), "leftovers", leftovers))), c -> {
            for (UpgradeTargetRecord t : aborted) {
                runs.saveTarget(c, t);
            }
            runs.setState(c, runId, RunState.ABORTED, r.currentWave(), "aborted by " + audit.who(), at);
            return null;
        });
        return run(runId).orElseThrow();
    }

    /** The handle of a run going on in this process. */
    public Optional<UpgradeRun> live(long runId) {
        return Optional.ofNullable(live.get(runId));
    }

    // ------------------------------------------------------------------------------------------------ history

    /** Newest first. */
    public List<UpgradeRunRecord> runs() {
        return runs.all();
    }

    public Optional<UpgradeRunRecord> run(long id) {
        return runs.find(id);
    }

    /** Targets of a node × software (null: any), newest first. */
    public List<UpgradeHistoryEntry> history(String node, String software) {
        return runs.history(node, software);
    }

    /** A node's last upgrade result per software (for the Nodes view). */
    public Map<String, UpgradeHistoryEntry> lastResults(String node) {
        Map<String, UpgradeHistoryEntry> last = new LinkedHashMap<>();
        for (UpgradeHistoryEntry e : runs.history(node, null)) {
            last.putIfAbsent(e.target().software(), e);
        }
        return last;
    }

    /** The timed steps of a target's last attempt (those of the deploy that carried it, and its run check). */
    public List<StepRecord> steps(UpgradeTargetRecord t) {
        return t.deployId() == null ? List.of() : deploys.steps(t.deployId(), t.node());
    }

    /** The build log of a target's last attempt. */
    public Optional<String> buildLog(UpgradeTargetRecord t) {
        return t.deployId() == null ? Optional.empty() : deploys.buildLog(t.deployId(), t.node());
    }

    /** Marks runs left running by a stopped app as interrupted (call once at start-up); returns how many. */
    public int recoverInterrupted() {
        Instant at = clock.now();
        List<Long> ids = jdbc.inTransaction(c -> runs.markInterrupted(c, at));
        if (!ids.isEmpty()) {
            audit.record("upgrade.interrupted", "workspace", Map.of("runs", ids));
        }
        return ids.size();
    }

    // ------------------------------------------------------------------------------------------------ machinery

    private UpgradeRunRecord continuable(long runId, RegistryAccess registry) {
        if (live.containsKey(runId)) {
            throw new UserFacingException("Upgrade run " + runId + " is running; wait for it or abort it.");
        }
        UpgradeRunRecord r = run(runId).orElseThrow(() -> new UserFacingException("No upgrade run " + runId + "."));
        if (r.state() == RunState.RUNNING) {
            throw new UserFacingException("Upgrade run " + runId + " is running in another Slipway.");
        }
        if (r.state() == RunState.ABORTED) {
            throw new UserFacingException("Upgrade run " + runId + " was aborted; start a new run of the offer.");
        }
        if (!r.registry().equals(registry.host())) {
            throw new UserFacingException("Upgrade run " + runId + " used registry " + r.registry() + ", not "
                    + registry.host() + "; give the same --registry.");
        }
        return r;
    }

    private UpgradeRun relaunch(UpgradeRunRecord r, List<UpgradeTargetRecord> targets, RegistryAccess registry,
                                Executor executor, UpgradeListener listener, int fromWave) {
        Map<String, Node> byName = new LinkedHashMap<>();
        nodes.all().forEach(n -> byName.put(n.name(), n));
        List<String> gone = targets.stream().filter(t -> t.phase() == TargetPhase.PENDING)
                .map(UpgradeTargetRecord::node).filter(n -> !byName.containsKey(n)).distinct().toList();
        if (!gone.isEmpty()) {
            throw new UserFacingException("Upgrade run " + r.id() + ": node(s) " + String.join(", ", gone)
                    + " are no longer in the inventory.");
        }
        jdbc.inTransaction(c -> {
            for (UpgradeTargetRecord t : targets) {
                if (t.phase() == TargetPhase.PENDING) {
                    runs.saveTarget(c, t);
                }
            }
            runs.setState(c, r.id(), RunState.RUNNING, r.currentWave(), null, null);
            return null;
        });
        List<List<String>> waves = new ArrayList<>();
        for (int w = 1; w <= r.waveCount(); w++) {
            int wave = w;
            waves.add(targets.stream().filter(t -> t.wave() == wave).map(UpgradeTargetRecord::node).distinct().toList());
        }
        UpgradeDriver.Settings settings = new UpgradeDriver.Settings(r.id(), r.uid(), r.offerName(), r.waveCount(),
                r.canaryMaxFailures(), r.maxFailures(), r.watch(), r.parallelism());
        return launch(settings, targets, r.currentWave(), registry, executor, listener, byName, waves, true, fromWave);
    }

    private UpgradeRun launch(UpgradeDriver.Settings settings, List<UpgradeTargetRecord> targets, int currentWave,
                              RegistryAccess registry, Executor executor, UpgradeListener listener,
                              Map<String, Node> byName, List<List<String>> waves, boolean continued, int fromWave) {
        UpgradeDriver driver = new UpgradeDriver(settings, targets, currentWave, deployService, runs, jdbc, audit,
                clock, registry, executor, listener, byName);
        UpgradeRun run = new UpgradeRun(driver);
        live.put(settings.runId(), run);
        run.completion().whenComplete((s, e) -> live.remove(settings.runId()));
        driver.emit(new UpgradeEvent.RunStarted(settings.runId(), settings.uid(), settings.offerName(), waves,
                targets, continued, clock.now()));
        driver.go(fromWave);
        return run;
    }

    /** The offer has no target on the chosen nodes: nothing was recorded. */
    public static final class NoTargetsException extends UserFacingException {
        private static final long serialVersionUID = 1L;

        public NoTargetsException(String message) {
            super(message);
        }
    }
}
