package io.slipway.core.store;

/** A failure of the workspace store that is not the user's input. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
