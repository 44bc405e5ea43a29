package io.slipway.core.sbom.release;

import java.nio.file.Path;

/**
 * One file a release plan publishes. {@code target} is relative to the output folder ('/'-separated);
 * {@code source} is where it is read from (null when the release set is not at hand); {@code sha256} is what the
 * SBOM says the content must hash to (null if it does not say).
 */
public record Artefact(Kind kind, String target, Path source, String sha256) {
    public enum Kind {
        SPDX, SOURCE, BINARY, LICENCE
    }
}
