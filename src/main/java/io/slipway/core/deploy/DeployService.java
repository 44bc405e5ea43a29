package io.slipway.core.deploy;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.core.registry.RegistryAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts deploys over many nodes: each node runs its own {@link NodePipeline}, at most {@code parallelism} at once,
 * on the caller's executor (no threads of its own). One node failing never stops the others. Also: retry of a
 * deploy's failed nodes only, and start-up recovery of deploys a stopped app left running.
 */
public final class DeployService {
    private static final Logger LOG = LoggerFactory.getLogger(DeployService.class);

    private final DeployRepository deploys;
    private final NodeRepository nodes;
    private final AuditTrail audit;
    private final Clock clock;

    public DeployService(DeployRepository deploys, NodeRepository nodes, AuditTrail audit, Clock clock) {
        this.deploys = deploys;
        this.nodes = nodes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records and starts a deploy; returns at once. {@code executor} runs {@code request.parallelism()} node workers
     * (fewer threads just mean less parallelism) and, given one more thread, the deploy's workspace writer
     * ({@link DeployWrites}; without it each node writes its own changes).
     */
    public DeployRun start(DeployRequest request, RegistryAccess registry, Executor executor, DeployListener listener) {
        return start(request, registry, executor, listener, null);
    }

    /**
     * As {@link #start(DeployRequest, RegistryAccess, Executor, DeployListener)}, with {@code check} run on each node
     * after the push (an upgrade's run check): its verdict records the new version or rolls it back.
     */
    public DeployRun start(DeployRequest request, RegistryAccess registry, Executor executor, DeployListener listener,
                           PushedImageCheck check) {
        DeployListener safe = new SafeListener(listener);
        String uid = UUID.randomUUID().toString();
        Instant at = clock.now();
        String envRef = request.envImageOn(registry.host()).toString();
        long id = deploys.begin(uid, request, registry.host(), envRef, at);
        List<String> leftovers = new ArrayList<>();
        if (request.retryOf() != null) {
            deploys.find(request.retryOf()).map(DeployRecord::uid).ifPresent(u -> leftovers.add(u));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deploy", uid);
        details.put("id", id);
        details.put("software", request.software());
        details.put("version", request.version());
        details.put("forced", request.forced());
        details.put("nodes", request.nodes().stream().map(Node::name).toList());
        details.put("registry", registry.host());
        details.put("envImage", envRef);
        if (request.retryOf() != null) {
            details.put("retryOf", request.retryOf());
        }
        audit.record("deploy.started", request.software() + "@" + request.version(), details);

        SharedAccess access = new SharedAccess(registry);
        DeployWrites writes = new DeployWrites(audit);
        List<NodePipeline> pipelines = request.nodes().stream().map(n -> new NodePipeline(id, uid, request, n, registry,
                access, leftovers, deploys, nodes, writes, clock, safe, check)).toList();
        DeployRun run = new DeployRun(id, uid, request, pipelines, clock);
        safe.deployStarted(new DeployListener.DeployStarted(id, uid, request.software(), request.version(),
                request.forced(), request.parallelism(), request.nodes().stream().map(Node::name).toList(),
                request.retryOf(), at));

        ConcurrentLinkedQueue<NodePipeline> queue = new ConcurrentLinkedQueue<>(pipelines);
        Map<String, NodeOutcome> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger remaining = new AtomicInteger(pipelines.size());
        long t0 = System.nanoTime();
        Runnable worker = () -> {
            NodePipeline p;
            while ((p = queue.poll()) != null) {
                if (run.isAborted()) {
                    p.abort();
                }
                try {
                    NodeOutcome o = p.run();
                    outcomes.put(o.node(), o);
                    safe.nodeFinished(o);
                } finally {
                    if (remaining.decrementAndGet() == 0) {
                        finish(run, pipelines, outcomes, Duration.ofNanos(System.nanoTime() - t0), writes, safe);
                    }
                }
            }
        };
        int workers = Math.min(request.parallelism(), pipelines.size());
        for (int i = 0; i < workers; i++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                if (i == 0) {
                    deploys.finish(id, DeployState.FAILED, clock.now());
                    throw new IllegalStateException("the executor refused the deploy's tasks", e);
                }
                LOG.warn("deploy {}: executor accepted only {} of {} workers", id, i, workers);
                break;
            }
        }
        writes.startOn(executor); // after the node workers: a pool with no thread to spare never holds a node back
        return run;
    }

    private void finish(DeployRun run, List<NodePipeline> pipelines, Map<String, NodeOutcome> outcomes, Duration took,
                        DeployWrites writes, DeployListener listener) {
        List<NodeOutcome> ordered = pipelines.stream().map(p -> outcomes.getOrDefault(p.node(),
                new NodeOutcome(p.node(), NodeDeployState.FAILED, "no outcome (internal error)", null, true, null, null,
                        null, null, null, Duration.ZERO, Duration.ZERO, List.of()))).toList();
        long ok = ordered.stream().filter(o -> o.state().isSuccess()).count();
        DeployState end;
        if (run.isAborted()) {
            end = DeployState.ABORTED;
        } else if (ok == ordered.size()) {
            end = DeployState.SUCCEEDED;
        } else if (ok == 0) {
            end = DeployState.FAILED;
        } else {
            end = DeployState.PARTIAL;
        }
        DeploySummary summary = new DeploySummary(run.id(), run.uid(), run.request().software(),
                run.request().version(), end, ordered, took);
        try {
            writes.close(); // every node's changes are stored before the deploy's end is
            run.machine().transition(DeployState.RUNNING, end);
            deploys.finish(run.id(), end, clock.now());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("deploy", run.uid());
            details.put("id", run.id());
            details.put("state", end.name());
            Map<String, String> perNode = new LinkedHashMap<>();
            ordered.forEach(o -> perNode.put(o.node(), o.state().name()));
            details.put("nodes", perNode);
            details.put("durationMs", took.toMillis());
            audit.record("deploy.finished", run.request().software() + "@" + run.request().version(), details);
        } catch (RuntimeException e) {
            LOG.error("deploy {}: recording its end failed", run.id(), e);
        } finally {
            listener.deployFinished(summary);
            run.complete(summary);
        }
    }

    /**
     * A request that retries deploy {@code deployId} on its failed, denied, aborted and interrupted nodes only, with
     * the same software, version, build environment and force flag. Nodes are taken from the current inventory.
     */
    public DeployRequest retryRequest(long deployId, int parallelism) {
        DeployRecord d = deploys.find(deployId).orElseThrow(() ->
                new UserFacingException("No deploy with id " + deployId + "."));
        if (d.state() == DeployState.RUNNING) {
            throw new UserFacingException("Deploy " + deployId + " is still running; abort it or wait for it to end.");
        }
        List<String> failed = d.nodes().stream().filter(n -> isRetriable(n.state())).map(NodeDeployRecord::node).toList();
        if (failed.isEmpty()) {
            throw new UserFacingException("Deploy " + deployId + " has no failed nodes to retry.");
        }
        Map<String, Node> byName = new LinkedHashMap<>();
        nodes.all().forEach(n -> byName.put(n.name(), n));
        List<String> gone = failed.stream().filter(n -> !byName.containsKey(n)).toList();
        if (!gone.isEmpty()) {
            throw new UserFacingException("Cannot retry deploy " + deployId + ": node(s) " + String.join(", ", gone)
                    + " are no longer in the inventory.");
        }
        return new DeployRequest(d.software(), d.version(), failed.stream().map(byName::get).toList(), d.forced(),
                parallelism, d.envImageRef(), null, false, deployId);
    }

    private static boolean isRetriable(String state) {
        try {
            return NodeDeployState.valueOf(state).isRetriable();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Marks deploys left RUNNING by a stopped app as INTERRUPTED (call once at start-up); returns how many. */
    public int recoverInterrupted() {
        int n = deploys.markInterrupted(clock.now());
        if (n > 0) {
            audit.record("deploy.interrupted", "workspace", Map.of("deploys", n));
            LOG.info("{} deploy(s) were running when Slipway stopped; marked INTERRUPTED", n);
        }
        return n;
    }

    public Optional<DeployRecord> find(long id) {
        return deploys.find(id);
    }

    /** Passes events on; a listener that throws must not break a pipeline. */
    private record SafeListener(DeployListener delegate) implements DeployListener {
        private void guard(String what, Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("deploy listener failed on {}: {}", what, e.toString());
            }
        }

        @Override
        public void deployStarted(DeployStarted event) {
            guard("deployStarted", () -> delegate.deployStarted(event));
        }

        @Override
        public void nodeStateChanged(NodeStateChanged event) {
            guard("nodeStateChanged", () -> delegate.nodeStateChanged(event));
        }

        @Override
        public void stepFinished(StepFinished event) {
            guard("stepFinished", () -> delegate.stepFinished(event));
        }

        @Override
        public void transferProgress(TransferProgressed event) {
            guard("transferProgress", () -> delegate.transferProgress(event));
        }

        @Override
        public void logLine(LogLine event) {
            guard("logLine", () -> delegate.logLine(event));
        }

        @Override
        public void nodeFinished(NodeOutcome outcome) {
            guard("nodeFinished", () -> delegate.nodeFinished(outcome));
        }

        @Override
        public void deployFinished(DeploySummary summary) {
            guard("deployFinished", () -> delegate.deployFinished(summary));
        }
    }
}
