package io.slipway.core.sbom.release;

import java.util.List;

/** The release gate's verdict: its findings and whether they let a publication through. */
public record GateResult(List<Finding> findings) {
    public enum Status {
        PASS, WARN, FAIL
    }

    public Status status() {
        if (findings.stream().anyMatch(f -> f.severity() == Severity.FAIL)) {
            return Status.FAIL;
        }
        return findings.isEmpty() ? Status.PASS : Status.WARN;
    }

    public boolean hasFail() {
        return status() == Status.FAIL;
    }

    public List<Finding> needingConfirmation() {
        return findings.stream().filter(Finding::needsConfirmation).toList();
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** True when publishing must be refused: any FAIL, or an unconfirmed finding that needs confirmation. */
    public boolean blocksPublishing(boolean confirmed) {
        return hasFail() || (!confirmed && !needingConfirmation().isEmpty());
    }

    /** Why publishing is refused (for messages), or empty text when it is not. */
    public String refusal(boolean confirmed) {
        if (hasFail()) {
            return count(Severity.FAIL) + " release-gate FAIL finding(s) stand; publishing is refused until they are "
                    + "fixed";
        }
        if (!confirmed && !needingConfirmation().isEmpty()) {
            return needingConfirmation().size() + " finding(s) need explicit confirmation ("
                    + String.join(", ", needingConfirmation().stream().map(Finding::componentId).toList())
                    + "): confirm publishing owned source (--confirm-owned-source)";
        }
        return "";
    }
}
