package io.slipway.core.deploy;

import java.util.Map;
import java.util.Set;

/**
 * Where one node stands in a deploy. The working states are the pipeline's steps in order; from {@link #DONE} on they
 * are terminal. Allowed transitions are in {@link #TRANSITIONS}; every working state may also fail or be aborted, through
 * {@link #CLEANING_UP} once something may exist on the node (from {@link #PULLING_ENV} on).
 */
public enum NodeDeployState {
    PENDING("waiting"),
    CHECKING_VERSION("check version"),
    REQUESTING_ACCESS("access request"),
    PULLING_ENV("pull build environment"),
    STARTING_ENV("start environment"),
    FETCHING_PACKAGE("fetch package"),
    BUILDING("toolchain + compile"),
    CREATING_IMAGE("software image"),
    PUSHING("push"),
    /** An upgrade's run check ({@link PushedImageCheck}): the new build is run and watched. */
    RUN_CHECKING("run check"),
    /** The run check said abnormal: the new image is marked rolled back, the node keeps its old version. */
    ROLLING_BACK("roll back"),
    RECORDING("record"),
    CLEANING_UP("clean up"),
    /** Built, pushed and recorded. */
    DONE("done"),
    /** The node already had software@version (or its image with the same digest). */
    SKIPPED("skipped"),
    /** The registry refused access; nothing was pulled. */
    DENIED("access denied"),
    FAILED("failed"),
    ABORTED("aborted"),
    /** Slipway stopped while the node was running; set at the next start-up, never by a running pipeline. */
    INTERRUPTED("interrupted"),
    /** Built and pushed, but its run check was abnormal: the image is kept marked rolled back, nothing recorded. */
    ROLLED_BACK("rolled back");

    private final String label;

    NodeDeployState(String label) {
        this.label = label;
    }

    /** Short human text ("pull build environment"). */
    public String label() {
        return label;
    }

    public boolean isTerminal() {
        return ordinal() >= DONE.ordinal();
    }

    /** Done or skipped: the node has the software. */
    public boolean isSuccess() {
        return this == DONE || this == SKIPPED;
    }

    /**
     * Whether a pipeline commits this state as it enters it. The steps that act on the node or push to the registry
     * are committed at once (after a crash the node shows where it was, and what may be left there); the bookkeeping
     * steps (check version reads, access request asks, record notes) are written with the next state change, which
     * follows within moments: one commit fewer each, and a crash in them shows the node where its last commit left it.
     * Terminal states are committed with the node's outcome.
     */
    public boolean committedOnEntry() {
        return !isTerminal() && this != PENDING && this != CHECKING_VERSION && this != REQUESTING_ACCESS
                && this != RECORDING;
    }

    /** A node in this final state is picked up by "retry failed nodes". */
    public boolean isRetriable() {
        return this == FAILED || this == ABORTED || this == INTERRUPTED || this == DENIED;
    }

    public static final Map<NodeDeployState, Set<NodeDeployState>> TRANSITIONS = StateMachine.table(NodeDeployState.class)
            // FAILED straight from PENDING: the workspace could not even record the first step
            .allow(PENDING, CHECKING_VERSION, FAILED, ABORTED)
            .allow(CHECKING_VERSION, REQUESTING_ACCESS, SKIPPED, FAILED, ABORTED)
            // resuming a node whose image was built but not pushed goes straight to the push
            .allow(REQUESTING_ACCESS, PULLING_ENV, PUSHING, DENIED, FAILED, ABORTED)
            .allow(PULLING_ENV, STARTING_ENV, CLEANING_UP)
            .allow(STARTING_ENV, FETCHING_PACKAGE, CLEANING_UP)
            .allow(FETCHING_PACKAGE, BUILDING, CLEANING_UP)
            .allow(BUILDING, CREATING_IMAGE, CLEANING_UP)
            .allow(CREATING_IMAGE, PUSHING, CLEANING_UP)
            .allow(PUSHING, RECORDING, RUN_CHECKING, CLEANING_UP)
            .allow(RUN_CHECKING, RECORDING, ROLLING_BACK, CLEANING_UP)
            .allow(ROLLING_BACK, CLEANING_UP)
            .allow(RECORDING, CLEANING_UP)
            .allow(CLEANING_UP, DONE, ROLLED_BACK, FAILED, DENIED, ABORTED)
            .build();

    public static StateMachine<NodeDeployState> machine(String node) {
        return new StateMachine<>("node " + node, PENDING, TRANSITIONS);
    }
}
