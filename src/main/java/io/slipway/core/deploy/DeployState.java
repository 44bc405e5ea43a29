package io.slipway.core.deploy;

import java.util.Map;
import java.util.Set;

/** Where a whole deploy stands. INTERRUPTED: it was running when the app stopped. */
public enum DeployState {
    RUNNING, SUCCEEDED, PARTIAL, FAILED, ABORTED, INTERRUPTED;

    /** A running deploy ends once; INTERRUPTED is set at start-up for runs a stopped app left behind. */
    public static final Map<DeployState, Set<DeployState>> TRANSITIONS = StateMachine.table(DeployState.class)
            .allow(RUNNING, SUCCEEDED, PARTIAL, FAILED, ABORTED)
            .build();
}
