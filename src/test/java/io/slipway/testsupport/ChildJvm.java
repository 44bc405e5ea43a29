package io.slipway.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM running a main class of the test class path, for tests that kill a process mid-work: its
 * output lines are collected so a test can wait for the point to kill it at, then {@link #kill9()} it.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder transcript = new StringBuilder();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        reader = new Thread(this::pump, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(Class<?> main, String... args) throws IOException {
        return start(java.util.Map.of(), main, args);
    }

    /** With extra environment variables (e.g. a password the child reads from its environment). */
    public static ChildJvm start(java.util.Map<String, String> env, Class<?> main, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(main, args)).redirectErrorStream(true);
        pb.environment().putAll(env);
        return new ChildJvm(pb.start());
    }

    /** Waits for the child to end by itself; returns its exit code. */
    public int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not end within " + seconds + " s; its output:\n" + transcript());
        }
        reader.join(5000); // the last lines
        return process.exitValue();
    }

    /** Runs the child under a given umask (through {@code sh}, since a JVM cannot set its own). */
    public static ChildJvm startWithUmask(String umask, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        cmd.addAll(command(main, args));
        return new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    private static List<String> command(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Closes the child's standard input and waits for it to end; returns its exit code. */
    public int finish(long seconds) throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not end within " + seconds + " s; its output:\n" + transcript());
        }
        return process.exitValue();
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (transcript) {
                    transcript.append(line).append('\n');
                }
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process died: that is what these tests do
        }
    }

    /** Waits until the child prints a line starting with {@code prefix}; fails with its output otherwise. */
    public String awaitLine(String prefix, long seconds) throws InterruptedException {
        return await(line -> line.startsWith(prefix), "a line starting with '" + prefix + "'", seconds);
    }

    /** Waits until the child prints a line containing {@code text} (e.g. after a log line's time stamp). */
    public String awaitLineContaining(String text, long seconds) throws InterruptedException {
        return await(line -> line.contains(text), "a line containing '" + text + "'", seconds);
    }

    private String await(java.util.function.Predicate<String> wanted, String what, long seconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
            if (line == null && !process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("child never printed " + what + "; its output:\n" + transcript());
    }

    /** SIGKILL: the JVM gets no chance to run shutdown hooks or close files. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child survived SIGKILL");
        }
    }

    public String transcript() {
        synchronized (transcript) {
            return transcript.toString();
        }
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
