package io.slipway.core.sbom.read;

/**
 * One relationship {@code from TYPE to}. {@code line} is where it starts in the source file (1-based), 0 when the
 * reader cannot tell (spdx-java-library, CycloneDX).
 */
public record SbomRelationship(String from, String type, String to, int line) {
    @Override
    public String toString() {
        return from + " " + type + " " + to;
    }
}
