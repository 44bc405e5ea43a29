package io.slipway.core.audit.evidence;

/**
 * The files of a release evidence pack.
 *
 * <pre>
 * DIR/
 *   README.txt              what is here and how to check it
 *   release.json            the release, where and when it was published, policy, gate result, findings and plan
 *                           (as the sbom.published audit event recorded them)
 *   sbom/                   the published SBOM index and every component's SPDX document (published layout)
 *   audit-events.jsonl      every audit event about the release, as a filtered JSONL export (chain-checked)
 *   deployments.json        per node: the release's software installed there (inventory), and the deploys
 *                           that put that version there
 *   SHA256SUMS              sha256sum -c format, every file above
 *   SHA256SUMS.sig          Ed25519 signature by the workspace key (DetachedSignature)
 * </pre>
 */
final class EvidenceLayout {
    static final String README = "README.txt";
    static final String RELEASE = "release.json";
    static final String SBOM_DIR = "sbom";
    static final String EVENTS = "audit-events.jsonl";
    static final String DEPLOYMENTS = "deployments.json";
    static final String SUMS = "SHA256SUMS";
    static final String SUMS_SIG = SUMS + ".sig";

    private EvidenceLayout() {
    }
}
