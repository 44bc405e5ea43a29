package io.slipway.core.sbom.release;

/** How a release-gate finding weighs: FAIL blocks publishing, WARN is reported (some need confirmation). */
public enum Severity {
    FAIL, WARN, OFF
}
