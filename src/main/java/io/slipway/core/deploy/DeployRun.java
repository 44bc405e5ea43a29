package io.slipway.core.deploy;

import io.slipway.core.common.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running deploy: its ids, the live state of each node, {@link #abort()}, and {@link #completion()} which
 * completes with the {@link DeploySummary} once every node has finished (also after an abort).
 */
public final class DeployRun {
    private final long id;
    private final String uid;
    private final DeployRequest request;
    private final List<NodePipeline> pipelines;
    private final StateMachine<DeployState> machine;
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final CompletableFuture<DeploySummary> completion = new CompletableFuture<>();

    DeployRun(long id, String uid, DeployRequest request, List<NodePipeline> pipelines, Clock clock) {
        this.id = id;
        this.uid = uid;
        this.request = request;
        this.pipelines = List.copyOf(pipelines);
        this.machine = new StateMachine<>("deploy " + id, DeployState.RUNNING, DeployState.TRANSITIONS);
    }

    /** The workspace id of the deploy (history, retry). */
    public long id() {
        return id;
    }

    /** The deploy id written into labels ({@code io.slipway.deploy-id}). */
    public String uid() {
        return uid;
    }

    public DeployRequest request() {
        return request;
    }

    public DeployState state() {
        return machine.current();
    }

    /** Node name → current state, in request order. */
    public Map<String, NodeDeployState> nodeStates() {
        Map<String, NodeDeployState> m = new LinkedHashMap<>();
        pipelines.forEach(p -> m.put(p.node(), p.state()));
        return m;
    }

    /**
     * Aborts: nodes not started yet end ABORTED at once; running nodes get their streams closed and their
     * environment container killed, then clean up and end ABORTED. Returns at once; wait on {@link #completion()}.
     */
    public void abort() {
        if (aborted.compareAndSet(false, true)) {
            pipelines.forEach(NodePipeline::abort);
        }
    }

    public boolean isAborted() {
        return aborted.get();
    }

    public CompletableFuture<DeploySummary> completion() {
        return completion;
    }

    /** Waits for the end of the deploy. */
    public DeploySummary await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return completion.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("deploy " + id + " ended abnormally", e.getCause());
        }
    }

    StateMachine<DeployState> machine() {
        return machine;
    }

    void complete(DeploySummary summary) {
        completion.complete(summary);
    }
}
