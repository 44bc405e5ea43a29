package io.slipway.core.deploy;

/** Where a whole deploy stands. INTERRUPTED: it was running when the app stopped. */
public enum DeployState {
    RUNNING, SUCCEEDED, PARTIAL, FAILED, ABORTED, INTERRUPTED
}
