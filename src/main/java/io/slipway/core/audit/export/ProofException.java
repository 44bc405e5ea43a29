package io.slipway.core.audit.export;

import io.slipway.core.common.UserFacingException;

/**
 * An export, signature or evidence pack that does not prove what it claims: changed, cut short, reordered, signed by
 * another key, or written by a newer Slipway. The message names the first problem; the CLI exits 3 on it.
 */
public final class ProofException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public ProofException(String message) {
        super(message);
    }

    public ProofException(String message, Throwable cause) {
        super(message, cause);
    }
}
