package io.slipway.core.deploy;

import io.slipway.core.engine.TransferProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Live events of a deploy, for the progress view and the CLI. Called on pipeline threads (several nodes at once),
 * never on a UI thread: a JavaFX listener hands them over with {@code Platform.runLater}. A listener that throws is
 * logged and otherwise ignored. All methods default to doing nothing.
 */
public interface DeployListener {
    DeployListener NONE = new DeployListener() {
    };

    /** The deploy was recorded and its nodes are about to start (all in {@link NodeDeployState#PENDING}). */
    default void deployStarted(DeployStarted event) {
    }

    /** A node moved to another state (a step began, or it finished). */
    default void nodeStateChanged(NodeStateChanged event) {
    }

    /** A step ended (ok, failed, denied, skipped, aborted), with its duration. */
    default void stepFinished(StepFinished event) {
    }

    /** Byte/layer progress of a pull or push (throttled to a few per second per node). */
    default void transferProgress(TransferProgressed event) {
    }

    /** One line of the toolchain/build output (also stored with the deploy). */
    default void logLine(LogLine event) {
    }

    /** A node reached its final state. */
    default void nodeFinished(NodeOutcome outcome) {
    }

    /** Every node finished; the deploy's final state is stored. */
    default void deployFinished(DeploySummary summary) {
    }

    record DeployStarted(long deployId, String uid, String software, String version, boolean forced, int parallelism,
                         List<String> nodes, Long retryOf, Instant at) {
        public DeployStarted {
            nodes = List.copyOf(nodes);
        }
    }

    record NodeStateChanged(long deployId, String node, NodeDeployState from, NodeDeployState to, Instant at,
                            String detail) {
    }

    /** {@code outcome}: {@code ok}, {@code failed}, {@code denied}, {@code skipped} or {@code aborted}. */
    record StepFinished(long deployId, String node, NodeDeployState step, Instant startedAt, Duration duration,
                        String outcome, String detail) {
    }

    record TransferProgressed(long deployId, String node, NodeDeployState step, TransferProgress progress) {
    }

    record LogLine(long deployId, String node, String line, boolean stderr) {
    }
}
