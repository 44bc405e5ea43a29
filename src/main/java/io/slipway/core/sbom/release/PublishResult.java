package io.slipway.core.sbom.release;

import java.nio.file.Path;

/** A finished publication: where it is, how much it holds, its index, NOTICE and SHA256SUMS. */
public record PublishResult(Path out, int files, long bytes, Path index, Path notice, Path sha256sums) {
}
