package io.slipway.core.common;

/**
 * Time the current thread spends waiting on another system's answer (a registry's HTTP exchange), summed while an
 * {@link Account} is open on that thread. Lets a caller tell time inside such exchanges from its own work even when the
 * call it makes does some of its work too (an access request also writes the audit trail): orchestration overhead is
 * measured honestly only if Slipway's own work never counts as the other system's time.
 */
public final class WaitTime {
    private static final ThreadLocal<Account> OPEN = new ThreadLocal<>();

    private WaitTime() {
    }

    /** Adds {@code nanos} of waiting to the account open on this thread, if any. */
    public static void add(long nanos) {
        Account a = OPEN.get();
        if (a != null) {
            a.nanos += nanos;
        }
    }

    /** Opens an account on this thread (the previous one, if any, is restored by {@link Account#close()}). */
    public static Account open() {
        Account a = new Account(OPEN.get());
        OPEN.set(a);
        return a;
    }

    /** Waiting time summed on one thread; not shared between threads. */
    public static final class Account implements AutoCloseable {
        private final Account outer;
        private long nanos;

        private Account(Account outer) {
            this.outer = outer;
        }

        public long nanos() {
            return nanos;
        }

        /** Stops counting here; an enclosing account gets this one's time too. */
        @Override
        public void close() {
            if (outer != null) {
                outer.nanos += nanos;
                OPEN.set(outer);
            } else {
                OPEN.remove();
            }
        }
    }
}
