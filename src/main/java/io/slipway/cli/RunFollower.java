package io.slipway.cli;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What deploy and upgrade commands share while they follow a run: timestamped lines, and waiting for the run's end
 * with Ctrl-C (a shutdown hook) aborting it and giving it 30 s to clean up.
 */
final class RunFollower {
    private final PrintWriter out;
    private final long t0 = System.nanoTime();

    RunFollower(PrintWriter out) {
        this.out = out;
    }

    /** {@code [  12.3s] line}; thread-safe. */
    synchronized void say(String line) {
        out.printf("[%6.1fs] %s%n", (System.nanoTime() - t0) / 1e9, line);
        out.flush();
    }

    /** A raw line (build output); thread-safe. */
    synchronized void raw(String line) {
        out.println(line);
        out.flush();
    }

    /**
     * Waits for {@code completion}; Ctrl-C (or the wait being interrupted) calls {@code abort}. Shuts {@code pool}
     * down at the end. Returns the result, or null when interrupted.
     */
    static <T> T await(CompletableFuture<T> completion, Runnable abort, String what, RunFollower printer,
                       ExecutorService pool) {
        Thread hook = CliExecutors.named(what + "-abort").newThread(() -> {
            if (!completion.isDone()) {
                printer.say("interrupted: aborting " + what + " (streams closed, containers stopped)");
                abort.run();
                try {
                    completion.get(30, TimeUnit.SECONDS);
                } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
                    // exiting anyway
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return completion.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort.run();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
            pool.shutdownNow();
        }
    }
}
