package io.slipway.core.audit;

import java.util.Optional;

/** The result of walking the hash chain: intact, or the first event whose hash or link does not hold. */
public record ChainVerification(long eventsChecked, Optional<Long> firstBrokenSeq, String reason) {
    public boolean intact() {
        return firstBrokenSeq.isEmpty();
    }

    static ChainVerification ok(long checked) {
        return new ChainVerification(checked, Optional.empty(), "");
    }

    static ChainVerification broken(long checked, long seq, String reason) {
        return new ChainVerification(checked, Optional.of(seq), reason);
    }
}
