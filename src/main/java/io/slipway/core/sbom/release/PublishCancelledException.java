package io.slipway.core.sbom.release;

import io.slipway.core.common.UserFacingException;

/** The publication was cancelled through {@link PublishProgress#cancelled()}; nothing was left behind. */
public final class PublishCancelledException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public PublishCancelledException(String message) {
        super(message);
    }
}
