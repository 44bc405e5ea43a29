package io.slipway.core.audit;

/**
 * Checks events handed to it in chain order: each must follow the previous sequence number, link to the previous
 * hash, and hash to what it claims. Used on the workspace's trail and on exported files alike. A skipped run of
 * events (a filtered export) is declared with {@link #skip}, which moves the expected link to the hash the run ended
 * on.
 */
public final class ChainWalker {
    /** Told how many events were checked, every {@link #EVERY} events. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void checked(long done, long total);
    }

    static final int EVERY = 10_000;

    private final Progress progress;
    private final long total;
    private long expectedSeq = 1;
    private String expectedPrev = AuditHashing.GENESIS;
    private long checked;
    private ChainVerification broken;

    public ChainWalker(Progress progress, long total) {
        this.progress = progress;
        this.total = total;
    }

    /** Checks {@code e}; false once the chain is broken (here or before), so a caller can stop reading. */
    public boolean accept(AuditEvent e) {
        if (broken != null) {
            return false;
        }
        if (e.seq() != expectedSeq) {
            broken = e.seq() > expectedSeq
                    ? ChainVerification.broken(checked, expectedSeq, "event " + expectedSeq + " is missing (event "
                            + e.seq() + " comes next: events were removed or reordered)")
                    : ChainVerification.broken(checked, e.seq(), "it comes after event " + (expectedSeq - 1)
                            + " (events are out of order or repeated)");
            return false;
        }
        if (e.hashVersion() > AuditHashing.CURRENT) {
            broken = ChainVerification.broken(checked, e.seq(), "it was written by a newer Slipway (hash version "
                    + e.hashVersion() + ", this one knows up to " + AuditHashing.CURRENT + ")");
            return false;
        }
        if (!e.prevHash().equals(expectedPrev)) {
            broken = ChainVerification.broken(checked, e.seq(), "its link (previous hash " + abbrev(e.prevHash())
                    + ") does not match the previous event's hash " + abbrev(expectedPrev));
            return false;
        }
        String actual = AuditHashing.hash(e);
        if (!actual.equals(e.hash())) {
            broken = ChainVerification.broken(checked, e.seq(), "its content does not match its hash (stored "
                    + abbrev(e.hash()) + ", fields give " + abbrev(actual) + ")");
            return false;
        }
        expectedPrev = e.hash();
        expectedSeq++;
        checked++;
        if (checked % EVERY == 0) {
            progress.checked(checked, total);
        }
        return true;
    }

    /** Events {@code fromSeq..toSeq} are not present; the last of them hashed to {@code lastHash}. */
    public boolean skip(long fromSeq, long toSeq, String lastHash) {
        if (broken != null) {
            return false;
        }
        if (fromSeq != expectedSeq || toSeq < fromSeq) {
            broken = ChainVerification.broken(checked, expectedSeq, "the left-out events " + fromSeq + ".." + toSeq
                    + " do not follow event " + (expectedSeq - 1));
            return false;
        }
        expectedSeq = toSeq + 1;
        expectedPrev = lastHash;
        return true;
    }

    /** The chain so far ends at {@code head}: false (and broken) if it does not. */
    public boolean endsAt(ChainHead head) {
        if (broken != null) {
            return false;
        }
        if (head.seq() != expectedSeq - 1 || !head.hash().equals(expectedPrev)) {
            broken = ChainVerification.broken(checked, expectedSeq, "the chain ends at event " + (expectedSeq - 1)
                    + " (" + abbrev(expectedPrev) + ") but the recorded head is event " + head.seq() + " ("
                    + abbrev(head.hash()) + ")");
            return false;
        }
        return true;
    }

    public ChainHead head() {
        return new ChainHead(expectedSeq - 1, expectedPrev);
    }

    public ChainVerification result() {
        return broken != null ? broken : ChainVerification.ok(checked);
    }

    static String abbrev(String hash) {
        return hash == null ? "none" : hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
