package io.slipway.core.sbom.read;

import java.util.List;

/** An SPDX file element. {@code line}: where it starts in the source file, 0 if unknown. */
public record SbomFile(String spdxId, String fileName, List<SbomChecksum> checksums, String concludedLicence,
                       String copyright, int line) {
    public SbomFile {
        checksums = List.copyOf(checksums);
    }
}
