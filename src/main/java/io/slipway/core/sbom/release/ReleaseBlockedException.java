package io.slipway.core.sbom.release;

import io.slipway.core.common.UserFacingException;

/** Publishing refused by the release gate: FAIL findings, or findings that need confirmation. */
public final class ReleaseBlockedException extends UserFacingException {
    private static final long serialVersionUID = 1L;
    private final transient GateResult gate;

    public ReleaseBlockedException(String message, GateResult gate) {
        super(message);
        this.gate = gate;
    }

    public GateResult gate() {
        return gate;
    }
}
