package io.slipway.core.inventory;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineException;
import io.slipway.core.engine.EngineFacts;
import io.slipway.core.engine.EngineTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node inventory as the Nodes view and the CLI use it: add, edit, remove (audited), and refresh, which probes
 * every node concurrently, each bounded by a timeout, so one unreachable node never holds up the others.
 */
public final class NodeInventory {
    private static final Logger LOG = LoggerFactory.getLogger(NodeInventory.class);
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(8);
    /** A node that answered its ping gets this many times the probe timeout for version, info and images. */
    public static final int FACTS_FACTOR = 4;

    private final NodeRepository nodes;
    private final AuditTrail audit;
    private final Clock clock;

    public NodeInventory(NodeRepository nodes, AuditTrail audit, Clock clock) {
        this.nodes = nodes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Receives each node's result as soon as it is known (on a pool thread). */
    @FunctionalInterface
    public interface RefreshListener {
        RefreshListener NONE = r -> { };

        void probed(ProbeResult result);
    }

    public List<Node> all() {
        return nodes.all();
    }

    public Node require(String name) {
        return nodes.find(name).orElseThrow(() ->
                new UserFacingException("No node named " + name + " (see 'slipway nodes list')."));
    }

    public Node add(NodeSpec spec) {
        NodeSpec s = spec.validated();
        nodes.add(s);
        audit.record("node.added", s.name(), Map.of("endpoint", s.endpoint(), "groups", s.groups(),
                "labels", s.labels(), "tls", s.tlsCertDir() != null));
        return require(s.name());
    }

    public Node update(String name, NodeSpec spec) {
        NodeSpec s = spec.validated();
        nodes.update(name, s);
        audit.record("node.edited", name, Map.of("name", s.name(), "endpoint", s.endpoint(), "groups", s.groups(),
                "labels", s.labels(), "tls", s.tlsCertDir() != null));
        return require(s.name());
    }

    public void remove(String name) {
        if (!nodes.remove(name)) {
            throw new UserFacingException("No node named " + name + " (see 'slipway nodes list').");
        }
        audit.record("node.removed", name, Map.of());
    }

    /** Nodes by name, or all nodes of a group; unknown names are a {@link UserFacingException} listing them. */
    public List<Node> select(List<String> names, String group) {
        List<Node> all = nodes.all();
        if (group != null) {
            List<Node> in = all.stream().filter(n -> n.inGroup(group)).toList();
            if (in.isEmpty()) {
                throw new UserFacingException("No node is in group " + group + ".");
            }
            return in;
        }
        Map<String, Node> byName = new LinkedHashMap<>();
        all.forEach(n -> byName.put(n.name(), n));
        List<String> unknown = names.stream().filter(n -> !byName.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new UserFacingException("Unknown node(s): " + String.join(", ", unknown)
                    + " (see 'slipway nodes list').");
        }
        return names.stream().distinct().map(byName::get).toList();
    }

    /**
     * Probes {@code targets} concurrently on {@code executor}; each result is stored and passed to {@code listener}
     * as it arrives. A node that has not answered after {@code timeout} counts as unreachable at that moment (its
     * client is closed, which ends the hanging call). The future completes with all results in target order.
     */
    public CompletableFuture<List<ProbeResult>> refresh(List<Node> targets, Executor executor, Duration timeout,
                                                        RefreshListener listener) {
        List<CompletableFuture<ProbeResult>> futures = new ArrayList<>();
        for (Node n : targets) {
            futures.add(probeAsync(n, executor, timeout).thenApply(r -> {
                try {
                    nodes.recordProbe(r);
                } catch (RuntimeException e) {
                    LOG.warn("storing the probe of {} failed: {}", r.node(), e.toString());
                }
                try {
                    listener.probed(r);
                } catch (RuntimeException e) {
                    LOG.warn("refresh listener failed on {}: {}", r.node(), e.toString());
                }
                return r;
            }));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }

    /**
     * The deadline runs from when this node is contacted, not from when its probe was queued: behind a pool full of
     * silent nodes a live node still gets its whole timeout. A node that has not answered its ping by then counts
     * as unreachable (the ping's own client times out then too, freeing the pool thread). A node that answered is
     * alive, only busy: it gets {@link #FACTS_FACTOR} times the timeout to report its facts (a loaded podman takes
     * seconds for {@code info}), so a slow live node is never reported dead.
     */
    private CompletableFuture<ProbeResult> probeAsync(Node node, Executor executor, Duration timeout) {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        executor.execute(() -> {
            Instant started = clock.now();
            long t0 = System.nanoTime();
            AtomicReference<EngineClient> client = new AtomicReference<>();
            AtomicBoolean answered = new AtomicBoolean();
            Duration factsBound = timeout.multipliedBy(FACTS_FACTOR);
            giveUpAt(timeout, () -> !answered.get(), result, client, () -> ProbeResult.unreachable(node.name(),
                    "no answer within " + timeout.toSeconds() + " s from " + node.endpoint(), started, since(t0)));
            giveUpAt(factsBound, () -> true, result, client, () -> ProbeResult.unreachable(node.name(),
                    "answered, but gave no engine facts within " + factsBound.toSeconds() + " s (" + node.endpoint()
                            + ")", started, since(t0)));
            try (EngineClient ping = EngineClient.connect(node.engineEndpoint(), EngineTimeouts.forProbe(timeout))) {
                client.set(ping);
                ping.ping();
                answered.set(true);
            } catch (EngineException | IllegalArgumentException e) {
                result.complete(ProbeResult.unreachable(node.name(), e.getMessage(), started, since(t0)));
                return;
            } catch (RuntimeException e) {
                LOG.warn("probe of {} failed unexpectedly", node.name(), e);
                result.complete(ProbeResult.unreachable(node.name(), e.toString(), started, since(t0)));
                return;
            }
            if (!result.isDone()) {
                result.complete(probe(node, client, started, t0, EngineTimeouts.forProbe(factsBound)));
            }
        });
        return result;
    }

    /** At {@code after} from now, when {@code still} holds, ends the probe with {@code verdict} and its client. */
    private static void giveUpAt(Duration after, BooleanSupplier still, CompletableFuture<ProbeResult> result,
                                 AtomicReference<EngineClient> client, Supplier<ProbeResult> verdict) {
        CompletableFuture.delayedExecutor(after.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (still.getAsBoolean() && !result.isDone() && result.complete(verdict.get())) {
                EngineClient c = client.get();
                if (c != null) {
                    c.close();
                }
            }
        });
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Probes one node now, on the calling thread. */
    public ProbeResult probe(Node node) {
        Instant started = clock.now();
        return probe(node, new AtomicReference<>(), started, System.nanoTime(), EngineTimeouts.PROBE);
    }

    private ProbeResult probe(Node node, AtomicReference<EngineClient> holder, Instant started, long t0,
                              EngineTimeouts timeouts) {
        try (EngineClient c = EngineClient.connect(node.engineEndpoint(), timeouts)) {
            holder.set(c);
            EngineFacts facts = c.probe();
            return ProbeResult.reachable(node.name(), facts, started, Duration.ofNanos(System.nanoTime() - t0));
        } catch (EngineException | IllegalArgumentException e) {
            return ProbeResult.unreachable(node.name(), e.getMessage(), started, Duration.ofNanos(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            LOG.warn("probe of {} failed unexpectedly", node.name(), e);
            return ProbeResult.unreachable(node.name(), e.toString(), started, Duration.ofNanos(System.nanoTime() - t0));
        }
    }
}
