package io.slipway.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread pools for CLI commands: named daemon threads (names show in thread dumps and logs). Threads come from the
 * JDK's default factory; this only names them, so no code of ours constructs a Thread.
 */
final class CliExecutors {
    private CliExecutors() {
    }

    static ExecutorService fixed(String name, int threads) {
        return Executors.newFixedThreadPool(Math.max(1, threads), named(name));
    }

    static ThreadFactory named(String name) {
        ThreadFactory base = Executors.defaultThreadFactory();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = base.newThread(r);
            t.setName(name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
