package io.slipway.core.deploy;

import io.slipway.core.audit.AuditTrail;
import io.slipway.core.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace writes of all nodes of one deploy, written off the nodes' paths. A node hands a change (what its
 * journal noted, with its new state or its outcome) to this queue and goes on with its next step: on a machine whose
 * CPUs the engines keep busy a commit waits long for a CPU, and measured, those waits were most of a node's own time.
 * The writer is one task on the deploy's executor ({@link #startOn}): it writes what is queued, one transaction per
 * batch, and sleeps until more comes (no polling). When the executor has no thread for it, each node writes what is
 * queued when it hands a change in, one writer at a time. {@link #close()} returns once everything handed in is
 * stored: the deploy's end is recorded after it.
 *
 * <p>One node's changes are applied in the order it handed them in (one queue, one writer at a time). A change that
 * cannot be written fails only its own node: the failure is thrown at that node's next hand-in (logged in any case).
 */
final class DeployWrites {
    private static final Logger LOG = LoggerFactory.getLogger(DeployWrites.class);

    /** One node's change: audit events to append and rows to write, in one transaction with other changes. */
    interface Change {
        String node();

        List<AuditTrail.Entry> events();

        void apply(Connection c) throws SQLException;
    }

    private final AuditTrail audit;
    private final Queue<Change> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final Map<String, StoreException> failed = new ConcurrentHashMap<>();
    private volatile Thread writer;
    private volatile boolean closed;
    // what was written, for the log line at close (read there under the lock)
    private int changes;
    private int commits;
    private long writingNanos;

    DeployWrites(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * Starts the writer as a task on {@code executor}. An executor that would run it on this very thread (a pool
     * saturated with a caller-runs policy) or refuses it gets no writer: the nodes then write their own changes.
     */
    void startOn(Executor executor) {
        Thread caller = Thread.currentThread();
        try {
            executor.execute(() -> {
                if (Thread.currentThread() != caller) {
                    writeUntilClosed();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("no thread for the deploy's workspace writer; the nodes write their own changes");
        }
    }

    /** The writer: writes what is queued until {@link #close()}; an interrupt hands the writing back to the nodes. */
    private void writeUntilClosed() {
        writer = Thread.currentThread();
        try {
            while (!closed && !Thread.currentThread().isInterrupted()) {
                writeWhileFree();
                if (queue.isEmpty() && !closed) {
                    LockSupport.park(this); // submit() and close() unpark; a permit given meanwhile is not lost
                }
            }
        } finally {
            writer = null;
            writeWhileFree(); // a change queued while this thread was the writer is not left behind
        }
    }

    /** Queues a change: the writer is woken, or, when there is none, this thread writes what is queued. */
    void submit(Change change) {
        StoreException e = failed.remove(change.node());
        if (e != null) {
            throw e;
        }
        queue.add(change);
        Thread w = writer;
        if (w != null) {
            LockSupport.unpark(w);
        } else {
            writeWhileFree();
        }
    }

    /** Stops the writer and returns once everything handed in is stored. */
    void close() {
        closed = true;
        Thread w = writer;
        if (w != null) {
            LockSupport.unpark(w);
        }
        writing.lock(); // waits for a batch being written, then writes the rest here
        try {
            writeQueued();
            LOG.info("deploy workspace writes: {} changes in {} commits, {} ms writing", changes, commits,
                    writingNanos / 1_000_000);
        } finally {
            writing.unlock();
        }
    }

    /** Re-checks the queue after each unlock: a change queued while the lock was held is not left behind. */
    private void writeWhileFree() {
        while (!queue.isEmpty() && writing.tryLock()) {
            try {
                writeQueued();
            } finally {
                writing.unlock();
            }
        }
    }

    /** Holding {@link #writing}: everything queued in one transaction; if that fails, each change on its own. */
    private void writeQueued() {
        List<Change> batch = new ArrayList<>();
        for (Change c; (c = queue.poll()) != null; ) {
            batch.add(c);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            write(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.get(0), e);
                return;
            }
            for (Change c : batch) {
                try {
                    write(List.of(c));
                } catch (RuntimeException single) {
                    fail(c, single);
                }
            }
        }
    }

    private void write(List<Change> batch) {
        long t0 = System.nanoTime();
        List<AuditTrail.Entry> events = new ArrayList<>();
        batch.forEach(c -> events.addAll(c.events()));
        try {
            audit.inTransactionWith(events, conn -> {
                for (Change c : batch) {
                    c.apply(conn);
                }
                return batch.size();
            });
            changes += batch.size();
            commits++;
        } finally {
            writingNanos += System.nanoTime() - t0;
        }
    }

    private void fail(Change c, RuntimeException e) {
        LOG.error("node {}: a workspace write of the deploy failed", c.node(), e);
        failed.merge(c.node(), e instanceof StoreException s ? s : new StoreException("workspace write failed: " + e,
                e), (first, later) -> first);
    }
}
