package io.slipway.core.common;

/**
 * An error whose message is written for the user: it names the file, field or node and says what to do.
 * The CLI prints only the message (no stack trace) and the UI shows it in a dialog.
 */
public class UserFacingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
