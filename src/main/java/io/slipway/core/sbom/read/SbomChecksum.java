package io.slipway.core.sbom.read;

/** A checksum as SPDX writes it: algorithm (SHA1, SHA256, ...) and lower-case hex value. */
public record SbomChecksum(String algorithm, String value) {
}
