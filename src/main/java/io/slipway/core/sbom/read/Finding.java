package io.slipway.core.sbom.read;

/**
 * A problem found while reading an SBOM. Errors refuse the document; warnings are kept with it and shown.
 * {@code where} names the line and/or field (e.g. {@code "line 41, packages[3]"}), or is empty.
 */
public record Finding(Severity severity, String where, String message) {
    public enum Severity { ERROR, WARNING }

    public static Finding error(String where, String message) {
        return new Finding(Severity.ERROR, where, message);
    }

    public static Finding warning(String where, String message) {
        return new Finding(Severity.WARNING, where, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code where: message}, on one line. */
    @Override
    public String toString() {
        return (where == null || where.isEmpty() ? "" : where + ": ") + message;
    }
}
