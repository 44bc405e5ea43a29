package io.slipway.core.engine;

/** How an exec ended. */
public record ExecResult(long exitCode) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
