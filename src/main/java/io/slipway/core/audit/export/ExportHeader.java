package io.slipway.core.audit.export;

import io.slipway.core.audit.ChainHead;
import io.slipway.core.audit.ChainVerification;
import java.time.Instant;
import java.util.Map;

/**
 * What an export says about itself: which Slipway and workspace wrote it when, with which filter, the chain head it
 * is anchored to, what verifying the workspace's chain gave at export time, and the signing key's fingerprint (null
 * when unsigned).
 */
public record ExportHeader(String createdBy, String workspace, Instant exportedAt, Map<String, String> filter,
                           ChainHead chainHead, ChainVerification verification, String signingKey) {
}
