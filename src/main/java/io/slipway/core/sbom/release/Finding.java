package io.slipway.core.sbom.release;

/**
 * One release-gate finding: which component, which rule, what is wrong and how to fix it. A WARN with
 * {@code needsConfirmation} blocks publishing until it is explicitly confirmed.
 */
public record Finding(String componentId, String componentName, String rule, Severity severity, String message,
                      String fix, boolean needsConfirmation) {

    /** One line: "FAIL can-utils-adas [copyleft-derivative-source] message; fix: ...". */
    public String line() {
        return severity + " " + componentId + " [" + rule + "] " + message + "; fix: " + fix;
    }
}
