package io.slipway.core.audit;

/** The newest event of a chain: its sequence number and hash (the genesis hash for an empty chain). */
public record ChainHead(long seq, String hash) {
    public static final ChainHead EMPTY = new ChainHead(0, AuditHashing.GENESIS);
}
