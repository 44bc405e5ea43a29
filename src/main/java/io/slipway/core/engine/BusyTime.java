package io.slipway.core.engine;

import java.time.Duration;

/**
 * Time inside the calls to one engine: the union of the intervals in which at least one call is in flight (a tar
 * stream read inside a copy, or an abort's kill during an exec, counts once), minus the time spent in Slipway's own
 * code during them (stream callbacks handing log lines and progress on). That remainder is the engine's time; the rest
 * of a node's time is orchestration overhead.
 */
final class BusyTime {
    private int inFlight;
    private long since;
    private long busyNanos;
    private long ownNanos;

    synchronized void enter() {
        if (inFlight++ == 0) {
            since = System.nanoTime();
        }
    }

    synchronized void exit() {
        if (--inFlight == 0) {
            busyNanos += System.nanoTime() - since;
        }
    }

    /** Slipway's own work done inside a call (a callback on the stream's thread). */
    synchronized void own(long nanos) {
        ownNanos += nanos;
    }

    /** Runs Slipway's own code inside an engine call and counts its time as such. */
    void own(Runnable work) {
        long t0 = System.nanoTime();
        try {
            work.run();
        } finally {
            own(System.nanoTime() - t0);
        }
    }

    synchronized Duration engineTime() {
        long busy = busyNanos + (inFlight > 0 ? System.nanoTime() - since : 0);
        return Duration.ofNanos(Math.max(0, busy - ownNanos));
    }
}
