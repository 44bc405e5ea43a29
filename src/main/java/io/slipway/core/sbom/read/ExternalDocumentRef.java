package io.slipway.core.sbom.read;

/** An {@code externalDocumentRefs} entry: the id used in this document, the other document's namespace, its checksum. */
public record ExternalDocumentRef(String id, String documentNamespace, SbomChecksum checksum) {
}
