package io.slipway.core.sbom.read;

/**
 * How bad a {@link ReadFinding} is. ERROR: the document breaks a rule of its spec (it still opens for browsing;
 * the release side refuses it, {@code sbom inspect --strict} too); WARNING: allowed but likely wrong, or loses
 * information; INFO: worth knowing (counts, how something was mapped). Ordered from worst to mildest.
 */
public enum FindingSeverity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
