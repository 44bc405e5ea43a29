package io.slipway.core.sbom.release;

import java.nio.file.Path;
import java.util.List;

/** What {@code sbom generate} wrote: the index, one document per component, and notes worth a look. */
public record GenerateResult(Path index, List<Path> documents, int files, List<String> notes) {
}
