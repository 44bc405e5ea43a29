package io.slipway.it;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Stops and restarts services of the running test environment (scripts/test-env.sh), for the failure scenarios:
 * a node's API service, the registry. Pids come from the environment's {@code pids} file; a restarted service is
 * appended there in the same format, so {@code test-env.sh stop} still stops it. Only processes whose command line
 * names the environment's state directory are touched.
 */
final class TestEnvControl {
    record Service(String name, long pid, Path log) {
    }

    private TestEnvControl() {
    }

    static Path stateDir() {
        return Path.of(TestEnvironment.require("SLIPWAY_TESTENV_DIR"));
    }

    /** The latest entry of {@code name} (e.g. {@code podman-n2}, {@code registry}) in the pids file. */
    static Service service(String name) throws IOException {
        List<String> lines = Files.readAllLines(stateDir().resolve("pids"));
        Service found = null;
        for (String l : lines) {
            String[] f = l.trim().split("\\s+");
            if (f.length == 3 && f[0].equals(name)) {
                found = new Service(f[0], Long.parseLong(f[1]), Path.of(f[2]));
            }
        }
        if (found == null) {
            throw new IllegalStateException("no service " + name + " in " + stateDir().resolve("pids"));
        }
        return found;
    }

    /** Stops a service (TERM, then KILL after 15 s) and waits until it is gone. */
    static void stop(String name) throws Exception {
        Service s = service(name);
        Optional<ProcessHandle> h = ProcessHandle.of(s.pid()).filter(TestEnvControl::ours);
        if (h.isEmpty()) {
            return;
        }
        h.get().destroy();
        if (!waitGone(h.get(), Duration.ofSeconds(15))) {
            h.get().destroyForcibly();
            waitGone(h.get(), Duration.ofSeconds(10));
        }
    }

    /** Starts the podman API service of {@code node} again (same storage and socket) and waits for it. */
    static void restartPodmanNode(String node) throws Exception {
        Path d = stateDir().resolve(node);
        Path sock = d.resolve("api.sock");
        Files.deleteIfExists(sock);
        spawn("podman-" + node, d.resolve("service.log"), "podman", "--root", d.resolve("root").toString(),
                "--runroot", d.resolve("run").toString(), "system", "service", "--time=0", "unix://" + sock);
        waitUntil(Duration.ofSeconds(60), () -> answers("unix://" + sock), "podman service of " + node);
    }

    /**
     * Starts an extra Docker Engine {@code node} whose containers get no bridge ({@code --bridge=none}), so it cannot
     * publish ports: the kind of node the transfer-port check must name. Registered in the pids file (so
     * {@code test-env.sh stop} stops it too); returns its endpoint. {@link #removeEngine} takes it away again.
     */
    static String startBridgelessDockerd(String node) throws Exception {
        Path d = stateDir().resolve(node);
        Files.createDirectories(d.resolve("data"));
        Files.createDirectories(d.resolve("exec"));
        Files.writeString(d.resolve("daemon.json"), "{}");
        Path sock = d.resolve("docker.sock");
        spawn("dockerd-" + node, d.resolve("dockerd.log"), "dockerd", "--config-file", d.resolve("daemon.json")
                .toString(), "--host", "unix://" + sock, "--data-root", d.resolve("data").toString(), "--exec-root",
                d.resolve("exec").toString(), "--pidfile", d.resolve("dockerd.pid").toString(), "--iptables=false",
                "--ip6tables=false", "--ip-forward=false", "--bridge=none", "--storage-driver=vfs",
                "--containerd-namespace", "slipway-" + node, "--containerd-plugins-namespace",
                "slipway-" + node + "-plugins");
        waitUntil(Duration.ofSeconds(60), () -> answers("unix://" + sock), "dockerd of " + node);
        return "unix://" + sock;
    }

    /** Stops the engine service {@code service} of {@code node} and deletes its storage (its logs stay). */
    static void removeEngine(String service, String node) throws Exception {
        stop(service);
        Path d = stateDir().resolve(node);
        for (String dir : List.of("data", "exec")) {
            Path p = d.resolve(dir);
            if (Files.exists(p)) {
                try (var walk = Files.walk(p)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private static boolean answers(String endpoint) {
        try (var docker = TestEnvironment.docker(endpoint)) {
            docker.pingCmd().exec();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Starts the registry again on its port, with its storage and config, and waits until it answers. */
    static void restartRegistry() throws Exception {
        Path r = stateDir().resolve("registry");
        spawn("registry", r.resolve("registry.log"), "docker-registry", "serve", r.resolve("config.yml").toString());
        waitUntil(Duration.ofSeconds(60), TestEnvControl::registryListening, "registry");
    }

    static boolean registryListening() {
        String[] hp = TestEnvironment.registry().split(":");
        try (Socket s = new Socket(hp[0], Integer.parseInt(hp[1]))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void spawn(String name, Path log, String... command) throws IOException {
        String[] cmd = new String[command.length + 1];
        cmd[0] = "setsid";
        System.arraycopy(command, 0, cmd, 1, command.length);
        Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true).start();
        Files.writeString(stateDir().resolve("pids"), name + " " + p.pid() + " " + log + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    private static boolean ours(ProcessHandle h) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
            return cmdline.contains(stateDir() + "/");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitGone(ProcessHandle h, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (h.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !h.isAlive();
    }

    private static void waitUntil(Duration max, java.util.function.BooleanSupplier ready, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not ready after " + max.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }
}
