package io.slipway.core.engine;

/**
 * An engine call failed. The message names the node's endpoint and says what failed; {@code retryable} is true when
 * the cause is transient (connection refused/reset, timeout, registry unreachable) so trying again may succeed.
 */
public class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public EngineException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
