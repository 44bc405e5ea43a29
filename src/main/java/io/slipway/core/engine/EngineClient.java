package io.slipway.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.slipway.core.common.Cancellation;
import io.slipway.core.common.Json;
import io.slipway.core.common.Versions;
import io.slipway.core.registry.ImageLayer;
import io.slipway.core.registry.RegistryAccess.EngineCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Docker Engine API endpoint (Docker Engine or podman's compatible service) over docker-java with the
 * httpclient5 transport, API version pinned to {@value #API_VERSION}. Every call is bounded by the connect and
 * response timeouts given at {@link #connect}; streaming calls (pull, push, exec, build) register their stream with
 * a {@link Cancellation} so an abort closes them. Failures surface as {@link EngineException} naming the endpoint.
 * Time spent inside engine calls is summed in {@link #engineTime()} (to measure orchestration overhead).
 * Registry credentials go to the engine only as the X-Registry-Auth header of a pull/push and are never logged.
 */
public final class EngineClient implements AutoCloseable {
    public static final String API_VERSION = "1.41";
    private static final Logger LOG = LoggerFactory.getLogger(EngineClient.class);

    private final EngineEndpoint endpoint;
    private final DockerClient docker;
    private final BusyTime busy = new BusyTime();

    private EngineClient(EngineEndpoint endpoint, DockerClient docker) {
        this.endpoint = endpoint;
        this.docker = docker;
    }

    /** Creates a client; does not contact the engine (a {@link #probe()} or any call does). */
    public static EngineClient connect(EngineEndpoint endpoint, EngineTimeouts timeouts) {
        endpoint.checkTlsFiles();
        DefaultDockerClientConfig.Builder cfg = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.dockerHost())
                .withApiVersion(API_VERSION)
                // never read ~/.docker/config.json credentials: Slipway passes its own per call
                .withDockerConfig(null);
        if (endpoint.tlsCertDir() != null) {
            cfg.withDockerTlsVerify(true).withDockerCertPath(endpoint.tlsCertDir().toString());
        } else {
            cfg.withDockerTlsVerify(false);
        }
        DockerClientConfig config = cfg.build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(timeouts.connect())
                .responseTimeout(timeouts.response())
                .build();
        return new EngineClient(endpoint, DockerClientImpl.getInstance(new SharedMapperConfig(config), http));
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Time inside this client's engine calls so far: overlapping calls count once, and Slipway's own work inside them
     * (stream callbacks handing log lines and progress on) does not count ({@link BusyTime}).
     */
    public Duration engineTime() {
        return busy.engineTime();
    }

    // ------------------------------------------------------------------------------------------------ probe

    /** Ping, version, info and Slipway's software images. Throws {@link EngineException} when unreachable. */
    public EngineFacts probe() {
        return timed("probe", () -> {
            docker.pingCmd().exec();
            Version v = docker.versionCmd().exec();
            Info info = docker.infoCmd().exec();
            String kind = isPodman(v) ? "podman" : "docker";
            String os = firstNonBlank(info.getOsType(), v.getOperatingSystem(), "unknown");
            String arch = normalizeArch(firstNonBlank(info.getArchitecture(), v.getArch(), "unknown"));
            int cpus = info.getNCPU() == null ? 0 : info.getNCPU();
            long mem = info.getMemTotal() == null ? 0 : info.getMemTotal();
            return new EngineFacts(kind, firstNonBlank(v.getVersion(), "unknown"),
                    firstNonBlank(v.getApiVersion(), "unknown"), os, arch, cpus, mem, installedSoftwareRaw());
        });
    }

    /** Software name → highest installed version, read from {@link SlipwayLabels#SOFTWARE}/{@code VERSION} labels. */
    public Map<String, String> installedSoftware() {
        return timed("list software images", this::installedSoftwareRaw);
    }

    private Map<String, String> installedSoftwareRaw() {
        Map<String, String> out = new HashMap<>();
        for (Image img : docker.listImagesCmd().withLabelFilter(SlipwayLabels.SOFTWARE).exec()) {
            if (SlipwayLabels.isRolledBack(list(img.getRepoTags()))) {
                continue; // kept for inspection after an abnormal run check: not installed
            }
            Map<String, String> labels = img.getLabels() == null ? Map.of() : img.getLabels();
            String sw = labels.get(SlipwayLabels.SOFTWARE);
            String ver = labels.get(SlipwayLabels.VERSION);
            if (sw == null || sw.isBlank() || ver == null || ver.isBlank()) {
                continue;
            }
            out.merge(sw, ver, (a, b) -> Versions.compare(a, b) >= 0 ? a : b);
        }
        return out;
    }

    /** Docker reports the kernel's name (x86_64), podman Go's (amd64): one name per architecture. */
    static String normalizeArch(String arch) {
        return switch (arch) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "armv7l" -> "arm";
            default -> arch;
        };
    }

    private static boolean isPodman(Version v) {
        if (v.getComponents() != null) {
            for (VersionComponent c : v.getComponents()) {
                if (c.getName() != null && c.getName().toLowerCase(Locale.ROOT).contains("podman")) {
                    return true;
                }
            }
        }
        return v.getPlatform() != null && v.getPlatform().getName() != null
                && v.getPlatform().getName().toLowerCase(Locale.ROOT).contains("podman");
    }

    // ------------------------------------------------------------------------------------------------ images

    /**
     * Images carrying all of {@code labels} (exact values). The engine filters by one label only (podman 4.3 returns
     * nothing for several label filters at once); the rest is checked here.
     */
    public List<ImageDetails> imagesLabelled(Map<String, String> labels) {
        return timed("list images", () -> {
            List<ImageDetails> out = new ArrayList<>();
            String key = labels.containsKey(SlipwayLabels.SOFTWARE) ? SlipwayLabels.SOFTWARE
                    : labels.keySet().iterator().next();
            for (Image img : docker.listImagesCmd().withLabelFilter(Map.of(key, labels.get(key))).exec()) {
                Map<String, String> l = img.getLabels() == null ? Map.of() : img.getLabels();
                // a filter the engine ignored must not turn into a false match
                if (labels.entrySet().stream().allMatch(e -> e.getValue().equals(l.get(e.getKey())))) {
                    out.add(new ImageDetails(img.getId(), list(img.getRepoTags()), list(img.getRepoDigests()), l,
                            img.getSize() == null ? -1 : img.getSize()));
                }
            }
            return out;
        });
    }

    public Optional<ImageDetails> inspectImage(String ref) {
        return timed("inspect image " + ref, () -> {
            try {
                InspectImageResponse r = docker.inspectImageCmd(ref).exec();
                Map<String, String> labels = r.getConfig() == null || r.getConfig().getLabels() == null ? Map.of()
                        : r.getConfig().getLabels();
                return Optional.of(new ImageDetails(r.getId(), r.getRepoTags(), r.getRepoDigests(), labels,
                        r.getSize() == null ? -1 : r.getSize()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    public void removeImage(String ref, boolean force) {
        timed("remove image " + ref, () -> {
            try {
                docker.removeImageCmd(ref).withForce(force).exec();
            } catch (NotFoundException e) {
                // gone already
            }
            return null;
        });
    }

    /**
     * Pulls {@code ref} with the registry credentials (X-Registry-Auth only). {@code layers} (from the registry's
     * manifest; may be empty) let progress count bytes on engines that report only layer states.
     */
    public void pull(String ref, EngineCredentials credentials, List<ImageLayer> layers, TransferListener listener,
                     Cancellation cancel) {
        timed("pull " + ref, () -> {
            ImageRef r = ImageRef.parse(ref);
            TransferTracker tracker = TransferTracker.forPull(layers);
            tracker.started("pulling").ifPresent(p -> busy.own(() -> listener.progress(p)));
            StreamCallbacks.Progress<PullResponseItem> cb = new StreamCallbacks.Progress<>(tracker, listener, cancel, "pull " + ref + " on " + endpoint, busy);
            docker.pullImageCmd(r.repository()).withTag(r.tagOrDefault()).withAuthConfig(auth(credentials)).exec(cb);
            cb.await();
            busy.own(() -> listener.progress(tracker.completed()));
            return null;
        });
    }

    /**
     * Pushes {@code ref}; returns the pushed manifest digest ({@code sha256:...}). Progress counts against the image's
     * size as the engine lists it (podman reports nothing per layer while pushing; Docker reports bytes).
     */
    public String push(String ref, EngineCredentials credentials, TransferListener listener, Cancellation cancel) {
        return timed("push " + ref, () -> {
            ImageRef r = ImageRef.parse(ref);
            TransferTracker tracker = pushTracker(ref);
            tracker.started("pushing").ifPresent(p -> busy.own(() -> listener.progress(p)));
            StreamCallbacks.Progress<PushResponseItem> cb = new StreamCallbacks.Progress<>(tracker, listener, cancel, "push " + ref + " on " + endpoint, busy);
            docker.pushImageCmd(r.repository()).withTag(r.tagOrDefault()).withAuthConfig(auth(credentials)).exec(cb);
            cb.await();
            busy.own(() -> listener.progress(tracker.completed()));
            String digest = cb.digest.get();
            if (digest == null) {
                // engines that report no digest in the stream still record it as a RepoDigest
                digest = inspectImageRaw(ref).flatMap(d -> d.digestIn(r.repository())).orElseThrow(() ->
                        new EngineException("push " + ref + " on " + endpoint + " reported no digest", false, null));
            }
            return digest;
        });
    }

    private TransferTracker pushTracker(String ref) {
        try {
            InspectImageResponse img = docker.inspectImageCmd(ref).exec();
            int layers = img.getRootFS() == null || img.getRootFS().getLayers() == null ? 0
                    : img.getRootFS().getLayers().size();
            return TransferTracker.forPush(img.getSize() == null ? -1 : img.getSize(), layers);
        } catch (NotFoundException e) {
            return TransferTracker.forPush(-1, 0); // the push itself will say what is missing
        }
    }

    private Optional<ImageDetails> inspectImageRaw(String ref) {
        try {
            InspectImageResponse r = docker.inspectImageCmd(ref).exec();
            return Optional.of(new ImageDetails(r.getId(), r.getRepoTags(), r.getRepoDigests(), Map.of(), -1));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Builds an image from a tar build context ({@code Dockerfile} at its root), tagged {@code tag}, with
     * {@code labels}; returns the image id.
     */
    public String buildImage(Path contextTar, String tag, Map<String, String> labels, LineListener lines,
                             Cancellation cancel) {
        try (InputStream in = Files.newInputStream(contextTar)) {
            return buildImage(in, tag, labels, lines, cancel);
        } catch (IOException e) {
            throw new EngineException("build image " + tag + ": cannot read its context " + contextTar + ": "
                    + e.getMessage(), false, e);
        }
    }

    /** As {@link #buildImage(Path, String, Map, LineListener, Cancellation)}, the context read from a stream. */
    public String buildImage(InputStream contextTar, String tag, Map<String, String> labels, LineListener lines,
                             Cancellation cancel) {
        return timed("build image " + tag, () -> {
            StreamCallbacks.Build cb = new StreamCallbacks.Build(lines, cancel, "build image " + tag + " on " + endpoint,
                    busy);
            docker.buildImageCmd(contextTar).withTags(Set.of(tag)).withLabels(labels).withPull(false)
                    .withNoCache(false).withRemove(true).exec(cb);
            String id = cb.awaitImageId();
            cancel.throwIfCancelled();
            return id;
        });
    }

    // ------------------------------------------------------------------------------------------------ containers

    public void createVolume(String name, Map<String, String> labels) {
        timed("create volume " + name, () -> docker.createVolumeCmd().withName(name).withLabels(labels).exec());
    }

    public void removeVolume(String name) {
        timed("remove volume " + name, () -> {
            try {
                docker.removeVolumeCmd(name).exec();
            } catch (NotFoundException e) {
                // gone already
            }
            return null;
        });
    }

    /** Creates (does not start) a container; returns its id. */
    public String createContainer(ContainerSpec spec) {
        return timed("create container from " + spec.image(), () -> {
            HostConfig host = HostConfig.newHostConfig();
            CreateContainerCmd cmd = docker.createContainerCmd(spec.image()).withLabels(spec.labels());
            if (spec.name() != null) {
                cmd.withName(spec.name());
            }
            if (spec.entrypoint() != null) {
                cmd.withEntrypoint(spec.entrypoint());
            }
            if (!spec.cmd().isEmpty()) {
                cmd.withCmd(spec.cmd());
            }
            if (spec.volumeName() != null) {
                host.withBinds(new Bind(spec.volumeName(), new Volume(spec.volumeMount())));
            }
            if (spec.workdir() != null) {
                cmd.withWorkingDir(spec.workdir());
            }
            if (spec.health() != null) {
                cmd.withHealthcheck(ContainerWatch.healthCheck(spec.health()));
            }
            if (spec.publishPort() != null) {
                ExposedPort port = ExposedPort.parse(spec.publishPort());
                cmd.withExposedPorts(port);
                host.withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), port));
            }
            return cmd.withHostConfig(host).exec().getId();
        });
    }

    public void startContainer(String id) {
        timed("start container " + shortId(id), () -> {
            docker.startContainerCmd(id).exec();
            return null;
        });
    }

    /**
     * Where the engine published {@code containerPort} ({@code 8080/tcp}) of a running container: one entry per host
     * binding, empty when it published none (e.g. dockerd with {@code --bridge=none} ignores port bindings).
     */
    public List<PublishedPort> publishedPorts(String id, String containerPort) {
        return timed("inspect container " + shortId(id), () -> {
            InspectContainerResponse r = docker.inspectContainerCmd(id).exec();
            if (r.getNetworkSettings() == null || r.getNetworkSettings().getPorts() == null) {
                return List.of();
            }
            Ports.Binding[] bindings = r.getNetworkSettings().getPorts().getBindings()
                    .get(ExposedPort.parse(containerPort));
            List<PublishedPort> out = new ArrayList<>();
            for (Ports.Binding b : bindings == null ? new Ports.Binding[0] : bindings) {
                if (b.getHostPortSpec() != null && !b.getHostPortSpec().isBlank()) {
                    out.add(new PublishedPort(firstNonBlank(b.getHostIp(), "0.0.0.0"),
                            Integer.parseInt(b.getHostPortSpec())));
                }
            }
            return out;
        });
    }

    /** Kills a running container (abort); absent or stopped is fine. */
    public void killContainer(String id) {
        timed("kill container " + shortId(id), () -> {
            try {
                docker.killContainerCmd(id).exec();
            } catch (NotFoundException e) {
                // gone already
            } catch (DockerException e) {
                if (e.getHttpStatus() != 409 && e.getHttpStatus() != 304) { // not running
                    throw e;
                }
            }
            return null;
        });
    }

    public void removeContainer(String id) {
        timed("remove container " + shortId(id), () -> {
            try {
                docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                // gone already
            }
            return null;
        });
    }

    /** Ids of containers (running or not) labelled {@code key=value}. */
    public List<String> containersLabelled(String key, String value) {
        return timed("list containers", () -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(key, value)).exec().stream()
                .filter(c -> c.getLabels() != null && value.equals(c.getLabels().get(key)))
                .map(Container::getId).toList());
    }

    /**
     * Runs {@code cmd} in a running container, streaming its output lines; returns the exit code. Cancelling closes
     * the stream (kill the container to stop the process itself).
     */
    public ExecResult exec(String containerId, List<String> cmd, String workdir, LineListener lines,
                           Cancellation cancel) {
        String execId = timed("exec in " + shortId(containerId), () -> {
            String id = docker.execCreateCmd(containerId).withCmd(cmd.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).withWorkingDir(workdir).exec().getId();
            StreamCallbacks.Exec cb = new StreamCallbacks.Exec(lines, cancel, "exec on " + endpoint, busy);
            docker.execStartCmd(id).exec(cb);
            cb.await();
            return id;
        });
        return exitCode(containerId, execId);
    }

    /**
     * The exit code of an exec whose output has ended. The engine may record it a moment after the stream ends, so it
     * is asked again after 2, 4, 8 … ms (at most 100 ms apart, 30 s in all); the pauses are Slipway's choice, not
     * engine calls, and do not count as engine time.
     */
    private ExecResult exitCode(String containerId, String execId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (long pause = 2; ; pause = Math.min(2 * pause, 100)) {
            InspectExecResponse r = timed("inspect exec in " + shortId(containerId),
                    () -> docker.inspectExecCmd(execId).exec());
            if (!Boolean.TRUE.equals(r.isRunning()) && r.getExitCodeLong() != null) {
                return new ExecResult(r.getExitCodeLong());
            }
            if (System.nanoTime() > deadline) {
                throw new EngineException("exec in " + shortId(containerId) + " on " + endpoint
                        + ": output ended but the engine reports no exit code", true, null);
            }
            sleep(pause);
        }
    }

    /**
     * Tar stream of {@code path} in a container (its last path element is the tar's top entry). The caller closes it;
     * it is registered with {@code cancel}.
     */
    public InputStream archiveFrom(String containerId, String path, Cancellation cancel) {
        return timed("copy " + path + " from " + shortId(containerId), () -> {
            InputStream in = docker.copyArchiveFromContainerCmd(containerId, path).exec();
            Cancellation.Registration reg = cancel.register(in);
            return new java.io.FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    busy.enter(); // read outside a call (into a build context) or inside one (a copy): counted once
                    try {
                        return super.read(b, off, len);
                    } finally {
                        busy.exit();
                    }
                }

                @Override
                public void close() throws IOException {
                    reg.close();
                    busy.enter(); // closing drains what the engine still sends (a tar's trailing blocks)
                    try {
                        super.close();
                    } finally {
                        busy.exit();
                    }
                }
            };
        });
    }

    /** Extracts a tar stream into directory {@code dir} of a container. */
    public void archiveTo(String containerId, String dir, InputStream tar) {
        timed("copy into " + dir + " of " + shortId(containerId), () -> {
            docker.copyArchiveToContainerCmd(containerId).withRemotePath(dir).withTarInputStream(tar).exec();
            return null;
        });
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException e) {
            LOG.debug("closing engine client for {}: {}", endpoint, e.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static AuthConfig auth(EngineCredentials c) {
        if (c == null) {
            return null;
        }
        return new AuthConfig().withRegistryAddress(c.serverAddress()).withUsername(c.username())
                .withPassword(new String(c.password()));
    }

    /** The docker-java client, for the engine package's helpers ({@link ContainerWatch}). */
    DockerClient docker() {
        return docker;
    }

    BusyTime busy() {
        return busy;
    }

    <T> T timed(String what, Supplier<T> call) {
        busy.enter();
        try {
            return call.get();
        } catch (EngineException | Cancellation.CancellationSignal e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(what, e);
        } finally {
            busy.exit();
        }
    }

    /** Turns docker-java's exceptions into a message naming the endpoint, classified retryable or not. */
    EngineException translate(String what, RuntimeException e) {
        Throwable io = causeOf(e, IOException.class);
        if (e instanceof DockerException de) {
            int status = de.getHttpStatus();
            String msg = engineMessage(de.getMessage());
            return new EngineException(what + " on " + endpoint + " failed (HTTP " + status + "): " + msg,
                    status >= 500 && !looksPermanent(msg), e);
        }
        if (io != null) {
            return new EngineException("cannot reach engine " + endpoint + " (" + what + "): " + describe(io), true, e);
        }
        return new EngineException(what + " on " + endpoint + " failed: " + describe(e), false, e);
    }

    static boolean looksPermanent(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("unauthorized") || m.contains("authentication required") || m.contains("denied")
                || m.contains("manifest unknown") || m.contains("not found") || m.contains("no such image");
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        String name = t.getClass().getSimpleName();
        if (t instanceof InterruptedIOException && (m == null || m.isBlank())) {
            return "timed out";
        }
        return m == null || m.isBlank() ? name : name + ": " + m;
    }

    /** The engine's JSON error body ({@code {"message": "..."}}) reduced to its message. */
    static String engineMessage(String raw) {
        if (raw == null) {
            return "no message";
        }
        String s = raw.trim();
        int brace = s.indexOf('{');
        if (brace >= 0) {
            try {
                JsonNode n = Json.MAPPER.readTree(s.substring(brace));
                if (n.hasNonNull("message")) {
                    return n.get("message").asText();
                }
            } catch (IOException | RuntimeException ignored) {
                // not JSON after all
            }
        }
        return s.startsWith("Status ") && s.contains(":") ? s.substring(s.indexOf(':') + 1).trim() : s;
    }

    private static Throwable causeOf(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    static String shortId(String id) {
        return id == null ? "?" : id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static <T> List<T> list(T[] array) {
        return array == null ? List.of() : List.of(array);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.CancellationSignal();
        }
    }
}
