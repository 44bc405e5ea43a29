package io.slipway.core.deploy;

import io.slipway.core.common.Cancellation;
import io.slipway.core.common.Clock;
import io.slipway.core.common.WaitTime;
import io.slipway.core.engine.ContainerSpec;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineException;
import io.slipway.core.engine.EngineTimeouts;
import io.slipway.core.engine.ExecResult;
import io.slipway.core.engine.ImageDetails;
import io.slipway.core.engine.ImageRef;
import io.slipway.core.engine.LineListener;
import io.slipway.core.engine.PublishedPort;
import io.slipway.core.engine.SlipwayLabels;
import io.slipway.core.engine.TransferListener;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.core.registry.AccessDecision;
import io.slipway.core.registry.ImageLayer;
import io.slipway.core.registry.RegistryAccess;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deploy of software@version on one node, as an explicit state machine ({@link NodeDeployState}): check version
 * → access → pull build environment → start environment → fetch package → toolchain + compile → software image →
 * push → record → clean up. Every step is timed and stored; events go to the {@link DeployListener}. Runs on one
 * thread; {@link #abort()} may be called from any other (it closes the streams and kills the container).
 */
final class NodePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(NodePipeline.class);
    private static final int LOG_TAIL_LINES = 15;
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(200).toNanos();
    /** Keeps the environment container alive for the execs; stops at once on TERM. */
    static final List<String> KEEPALIVE = List.of("trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done");

    private final long deployId;
    private final String uid;
    private final DeployRequest request;
    private final Node node;
    private final RegistryAccess registry;
    private final SharedAccess sharedAccess;
    private final List<String> leftoverUids;
    private final DeployRepository deploys;
    private final Clock clock;
    private final DeployListener listener;
    /** An upgrade's run check after the push (null for a plain deploy). */
    private final PushedImageCheck check;

    private final StateMachine<NodeDeployState> machine;
    private final Cancellation cancel = new Cancellation();
    private final BuildLog log = new BuildLog();
    private final ImageRef envRef;
    private final ImageRef softwareRef;
    private final AtomicLong registryNanos = new AtomicLong();
    private final AtomicLong lastProgress = new AtomicLong();

    private volatile EngineClient engine;
    private String envDigest;
    private BuildEnvContract contract;
    private String containerId;
    private String volumeName;
    private String packageContainerId;
    private String softwareDigest;
    private String softwareImageId;
    private boolean resume;
    private boolean rolledBack;
    private String softwareDetail;
    private int stepSeq;
    private NodeDeployState currentStep;
    /** Steps, audit events and records not stored yet: they go with the next state change (one commit). */
    private final NodeJournal journal;
    private Instant startedAt;
    private Instant stepStartedAt;
    private long stepT0;

    NodePipeline(long deployId, String uid, DeployRequest request, Node node, RegistryAccess registry,
                 SharedAccess sharedAccess, List<String> leftoverUids, DeployRepository deploys,
                 NodeRepository nodes, DeployWrites writes, Clock clock, DeployListener listener,
                 PushedImageCheck check) {
        this.deployId = deployId;
        this.uid = uid;
        this.request = request;
        this.node = node;
        this.registry = registry;
        this.sharedAccess = sharedAccess;
        this.leftoverUids = List.copyOf(leftoverUids);
        this.deploys = deploys;
        this.clock = clock;
        this.listener = listener;
        this.check = check;
        this.machine = NodeDeployState.machine(node.name());
        this.journal = new NodeJournal(deployId, node.name(), deploys, nodes, writes);
        this.envRef = request.envImageOn(registry.host());
        this.softwareRef = request.softwareImageOn(registry.host(), node.name());
    }

    String node() {
        return node.name();
    }

    NodeDeployState state() {
        return machine.current();
    }

    /** Cancels this node: closes its streams, kills its container; the pipeline thread then ends it as ABORTED. */
    void abort() {
        cancel.cancel();
    }

    /** Runs the pipeline to a final state; never throws. */
    NodeOutcome run() {
        try {
            return runSteps();
        } catch (RuntimeException | Error e) {
            // the pipeline's own machinery failed (e.g. the workspace store): end the node rather than the deploy
            LOG.error("node {}: deploy {} broke off", node.name(), deployId, e);
            EngineClient c = engine;
            if (c != null) {
                c.close();
            }
            return new NodeOutcome(node.name(), NodeDeployState.FAILED, "internal error: " + e, currentStep, true,
                    envRef.toString(), envDigest, null, null, clock.now(), Duration.ZERO, Duration.ZERO, log.tail(LOG_TAIL_LINES));
        }
    }

    private NodeOutcome runSteps() {
        startedAt = clock.now();
        long t0 = System.nanoTime();
        Failure failure = null;
        String doneDetail = null;
        try {
            if (cancel.isCancelled()) {
                failure = new Failure(NodeDeployState.ABORTED, "aborted before it started", false);
            } else {
                doneDetail = steps();
            }
        } catch (Throwable e) {
            failure = classify(e);
            endStep(failure.state == NodeDeployState.DENIED ? "denied"
                    : failure.state == NodeDeployState.ABORTED ? "aborted" : "failed", failure.message);
            if (e instanceof Error err && !(e instanceof AssertionError)) {
                LOG.error("node {}: unexpected error", node.name(), err);
            }
        }
        NodeDeployState failedAt = failure == null ? null : currentStep;
        if (failure != null || machine.current() == NodeDeployState.RECORDING
                || machine.current() == NodeDeployState.ROLLING_BACK) {
            cleanUp(failure);
        }
        NodeDeployState terminal;
        String detail;
        if (failure != null) {
            terminal = failure.state;
            detail = failure.message;
        } else if (rolledBack) {
            terminal = NodeDeployState.ROLLED_BACK;
            detail = doneDetail;
        } else if (machine.current() == NodeDeployState.SKIPPED) {
            terminal = NodeDeployState.SKIPPED;
            detail = doneDetail;
        } else {
            terminal = NodeDeployState.DONE;
            detail = doneDetail;
        }
        if (machine.current() != terminal) {
            move(terminal, detail);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        EngineClient e = engine;
        Duration engineTime = (e == null ? Duration.ZERO : e.engineTime()).plusNanos(registryNanos.get());
        NodeOutcome outcome = new NodeOutcome(node.name(), terminal, detail, failedAt, failure != null && failure.retryable,
                envRef.toString(), envDigest, softwareDigest == null && terminal != NodeDeployState.SKIPPED ? null
                : softwareRef.toString(), softwareDigest, startedAt, took, engineTime, log.tail(LOG_TAIL_LINES));
        try {
            journal.outcome(outcome, kept(failure) ? containerId : null, log.isEmpty() ? null : log.text(),
                    clock.now());
        } catch (RuntimeException ex) {
            LOG.error("node {}: storing the outcome of deploy {} failed", node.name(), deployId, ex);
        }
        if (e != null) {
            e.close();
        }
        // the node's time includes storing its outcome (the stored duration cannot include its own commit)
        Duration total = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("node {}: {} in {} ms, {} ms in engine/registry calls, {} ms storing", node.name(), terminal,
                total.toMillis(), engineTime.toMillis(), journal.nanos() / 1_000_000);
        return outcome.withDuration(total);
    }

    /** The happy path; returns the final detail. A skip returns with the machine in SKIPPED. */
    private String steps() throws IOException {
        enter(NodeDeployState.CHECKING_VERSION);
        engine = EngineClient.connect(node.engineEndpoint(), EngineTimeouts.DEPLOY);
        Optional<String> skip = checkVersion();
        if (skip.isPresent()) {
            endStep("skipped", skip.get());
            move(NodeDeployState.SKIPPED, skip.get());
            return skip.get();
        }
        endStep("ok", resume ? "image built earlier but not pushed: resuming at the push"
                : request.forced() ? "forced" : "not installed");

        enter(NodeDeployState.REQUESTING_ACCESS);
        endStep("ok", requestAccess());

        if (!resume) {
            enter(NodeDeployState.PULLING_ENV);
            endStep("ok", pullEnvironment());
            enter(NodeDeployState.STARTING_ENV);
            endStep("ok", startEnvironment());
            enter(NodeDeployState.FETCHING_PACKAGE);
            endStep("ok", fetchPackage());
            enter(NodeDeployState.BUILDING);
            endStep("ok", build());
            enter(NodeDeployState.CREATING_IMAGE);
            endStep("ok", createSoftwareImage());
        }
        enter(NodeDeployState.PUSHING);
        endStep("ok", push());
        if (check != null && !runCheck()) {
            enter(NodeDeployState.ROLLING_BACK);
            String marked = UpgradeRollback.mark(engine, softwareRef, softwareImageId);
            journal.rolledBack(envRef.toString(), envDigest, softwareRef.toString(), softwareDigest);
            journal.audit("deploy.node.rolled-back", Map.of("deploy", uid, "software", request.software(),
                    "version", request.version(), "softwareImage", softwareRef.toString(), "keptAs", marked));
            endStep("ok", "kept as " + marked + "; " + node.name() + " keeps its installed version");
            rolledBack = true;
            return "rolled back: run check abnormal; image kept as " + marked;
        }
        enter(NodeDeployState.RECORDING);
        endStep("ok", record());
        return "built and pushed " + softwareRef + "@" + softwareDigest;
    }

    // ------------------------------------------------------------------------------------------------ steps

    /** The upgrade's run check, with the environment container still holding the build output; true: commit. */
    private boolean runCheck() {
        enter(NodeDeployState.RUN_CHECKING);
        PushedImageCheck.Verdict v = check.check(new PushedImageCheck.Context(node.name(), engine, uid,
                envRef.toString(), containerId, contract, request.software(), request.version(), softwareRef.toString(),
                cancel));
        cancel.throwIfCancelled();
        endStep(v.commit() ? "ok" : "abnormal", v.detail());
        return v.commit();
    }

    private Optional<String> checkVersion() {
        // an image kept after an abnormal run check does not count: the node never took that version
        List<ImageDetails> images = engine.imagesLabelled(Map.of(SlipwayLabels.SOFTWARE, request.software(),
                SlipwayLabels.VERSION, request.version())).stream()
                .filter(img -> !SlipwayLabels.isRolledBack(img.repoTags())).toList();
        if (images.isEmpty() || request.forced()) {
            return Optional.empty();
        }
        for (ImageDetails img : images) {
            Optional<String> digest = pushedDigest(img);
            if (digest.isPresent()) {
                envDigest = img.label(SlipwayLabels.BUILD_ENV_DIGEST);
                softwareDigest = digest.get();
                return Optional.of("already at " + request.version() + " (" + softwareRef.repository() + "@"
                        + softwareDigest + ")");
            }
        }
        // built but never pushed (e.g. Slipway stopped during the push): push that image instead of rebuilding
        for (ImageDetails img : images) {
            if (img.repoTags().contains(softwareRef.toString())) {
                resume = true;
                softwareImageId = img.id();
                envDigest = img.label(SlipwayLabels.BUILD_ENV_DIGEST);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The registry digest of a software image on this node, if it was pushed. When this workspace ran the deploy
     * named by the image's deploy-id label, its record decides (podman lists a RepoDigest even for a push that
     * failed, and the digest of its local manifest rather than the pushed one); otherwise the engine's RepoDigests.
     */
    private Optional<String> pushedDigest(ImageDetails img) {
        String builtOn = img.label(SlipwayLabels.NODE) == null ? node.name() : img.label(SlipwayLabels.NODE);
        Optional<NodeDeployRecord> rec = deploys.nodeRecord(img.label(SlipwayLabels.DEPLOY_ID), builtOn);
        if (rec.isPresent()) {
            return Optional.ofNullable(rec.get().softwareDigest())
                    .filter(d -> softwareRef.repository().equals(ImageRef.parse(rec.get().softwareImage()).repository()));
        }
        return img.digestIn(softwareRef.repository());
    }

    private String requestAccess() {
        StringBuilder detail = new StringBuilder();
        if (!resume) {
            AccessDecision pull = access(List.of(envRef.path()), false);
            detail.append("pull ").append(envRef.path()).append(": ").append(pull.reason());
        }
        AccessDecision push = access(List.of(softwareRef.path()), true);
        if (detail.length() > 0) {
            detail.append("; ");
        }
        return detail.append("push ").append(softwareRef.path()).append(": ").append(push.reason()).toString();
    }

    private AccessDecision access(List<String> repositories, boolean push) {
        AccessDecision d;
        long t0 = System.nanoTime();
        try {
            SharedAccess.Answer a = sharedAccess.decide(repositories, push);
            registryNanos.addAndGet(a.registryNanos(System.nanoTime() - t0));
            d = a.decision();
        } catch (RuntimeException e) {
            throw new EngineException("access request to registry " + registry.host() + " failed: " + e.getMessage(),
                    true, e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deploy", uid);
        details.put("registry", registry.host());
        details.put("repositories", repositories);
        details.put("push", push);
        details.put("approved", d.approved());
        details.put("reason", d.reason());
        journal.audit("deploy.access", details);
        if (!d.approved()) {
            throw new AccessDeniedException("access denied by registry " + registry.host() + " for "
                    + (push ? "push to " : "pull of ") + String.join(", ", repositories) + ": " + d.reason());
        }
        return d;
    }

    private String pullEnvironment() {
        List<ImageLayer> layers = registryCall(() -> registry.imageLayers(envRef.toString()));
        withCredentials(c -> engine.pull(envRef.toString(), c, layers, progress(NodeDeployState.PULLING_ENV), cancel));
        ImageDetails env = engine.inspectImage(envRef.toString()).orElseThrow(() -> new EngineException(
                "pulled " + envRef + " but " + node.name() + " does not list it", true, null));
        envDigest = env.digestIn(envRef.repository()).orElse(env.id());
        contract = BuildEnvContract.parse(envRef.toString(), env.labels(), registry.host());
        return envRef + "@" + envDigest;
    }

    private String startEnvironment() {
        removeLeftovers();
        String base = DeployLeftovers.baseName(uid, node.name());
        volumeName = DeployLeftovers.volumeName(uid, node.name());
        Map<String, String> labels = ownLabels(SlipwayLabels.ROLE_DATA);
        engine.createVolume(volumeName, labels);
        containerId = engine.createContainer(new ContainerSpec(envRef.toString(), base, List.of("/bin/sh", "-c"),
                KEEPALIVE, ownLabels(SlipwayLabels.ROLE_BUILD_ENV), volumeName, contract.dataVolume(),
                contract.transferPort()));
        String id = containerId;
        EngineClient e = engine;
        cancel.onCancel(() -> e.killContainer(id));
        engine.startContainer(containerId);
        PublishedPort port = TransferPortCheck.require(node.name(), contract.transferPort(),
                engine.publishedPorts(containerId, contract.transferPort()));
        return "container " + shortId(containerId) + ", volume " + volumeName + " at " + contract.dataVolume()
                + ", transfer port " + contract.transferPort() + " -> " + port;
    }

    private void removeLeftovers() {
        for (String old : leftoverUids) {
            DeployLeftovers.remove(engine, old, node.name());
        }
    }

    private String fetchPackage() throws IOException {
        ImageRef pkg = contract.packageRef();
        access(List.of(pkg.path()), false);
        List<ImageLayer> layers = registryCall(() -> registry.imageLayers(pkg.toString()));
        withCredentials(c -> engine.pull(pkg.toString(), c, layers, progress(NodeDeployState.FETCHING_PACKAGE), cancel));
        packageContainerId = engine.createContainer(new ContainerSpec(pkg.toString(),
                DeployLeftovers.baseName(uid, node.name()) + "-pkg", null, List.of("/slipway-package-holder"),
                ownLabels(SlipwayLabels.ROLE_PACKAGE), null, null, null));
        long bytes;
        InputStream tar;
        try {
            tar = engine.archiveFrom(packageContainerId, contract.packagePath(), cancel);
        } catch (EngineException e) {
            throw new EngineException("package " + pkg + " has no " + contract.packagePath() + " to copy (label "
                    + SlipwayLabels.ENV_PACKAGE_PATH + "): " + e.getMessage(), false, e);
        }
        try (CountingStream counted = new CountingStream(tar)) {
            engine.archiveTo(containerId, contract.dataVolume(), counted);
            bytes = counted.count.get();
        }
        engine.removeContainer(packageContainerId);
        packageContainerId = null;
        String last = contract.packagePath().substring(contract.packagePath().lastIndexOf('/') + 1);
        return pkg + " -> " + contract.dataVolume() + "/" + last + " (" + bytes + " bytes of tar)";
    }

    private String build() {
        LineListener lines = (line, stderr) -> {
            log.add(line);
            listener.logLine(new DeployListener.LogLine(deployId, node.name(), line, stderr));
        };
        runCommand("toolchain install", contract.toolchainInstall(), lines);
        runCommand("build command", contract.buildCommand(), lines);
        return "toolchain installed, build succeeded";
    }

    private void runCommand(String what, String command, LineListener lines) {
        lines.line("$ " + command, false);
        long t0 = System.nanoTime();
        ExecResult r = engine.exec(containerId, List.of("/bin/sh", "-c", command), contract.dataVolume(), lines, cancel);
        cancel.throwIfCancelled();
        if (!r.succeeded()) {
            List<String> tail = log.tail(LOG_TAIL_LINES);
            throw new BuildFailedException(what + " exited with " + r.exitCode() + " after "
                    + Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms; last lines:\n  "
                    + String.join("\n  ", tail));
        }
    }

    private String createSoftwareImage() throws IOException {
        try (ContextBuffer ctx = new ContextBuffer()) {
            SoftwareImageContext.Stats stats;
            InputStream out;
            try {
                out = engine.archiveFrom(containerId, contract.outputPath(), cancel);
            } catch (EngineException e) {
                throw new BuildFailedException("the build left no output at " + contract.outputPath() + " (label "
                        + SlipwayLabels.ENV_OUTPUT_PATH + "): " + e.getMessage());
            }
            try (InputStream in = out) {
                stats = SoftwareImageContext.write(in, ctx, installDir());
            }
            if (stats.files() == 0) {
                throw new BuildFailedException("the build left no files in " + contract.outputPath() + " (label "
                        + SlipwayLabels.ENV_OUTPUT_PATH + ")");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(SlipwayLabels.SOFTWARE, request.software());
            labels.put(SlipwayLabels.VERSION, request.version());
            labels.put(SlipwayLabels.BUILD_ENV, envRef.toString());
            labels.put(SlipwayLabels.BUILD_ENV_DIGEST, envDigest);
            labels.put(SlipwayLabels.DEPLOY_ID, uid);
            labels.put(SlipwayLabels.NODE, node.name());
            try (InputStream context = ctx.open()) {
                softwareImageId = engine.buildImage(context, softwareRef.toString(), labels,
                        (l, err) -> LOG.debug("node {}: image build: {}", node.name(), l), cancel);
            }
            softwareDetail = stats.files() + " files, " + stats.bytes() + " bytes";
            return softwareRef + " (" + softwareDetail + " under " + installDir() + ")";
        }
    }

    private String installDir() {
        return "/opt/slipway/" + ImageRef.sanitizePath(request.software());
    }

    private String push() {
        String[] digest = new String[1];
        withCredentials(c -> digest[0] = engine.push(softwareRef.toString(), c, progress(NodeDeployState.PUSHING), cancel));
        softwareDigest = digest[0];
        return "pushed " + softwareRef + "@" + softwareDigest;
    }

    private String record() {
        journal.recorded(envRef.toString(), envDigest, softwareRef.toString(), softwareDigest, request.software(),
                request.version());
        if (request.forced()) {
            removeSuperseded();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("deploy", uid);
        details.put("software", request.software());
        details.put("version", request.version());
        details.put("forced", request.forced());
        details.put("envImage", envRef.toString());
        details.put("envDigest", envDigest);
        details.put("softwareImage", softwareRef.toString());
        details.put("softwareDigest", softwareDigest);
        journal.audit("deploy.node.built", details);
        return "recorded " + softwareRef + "@" + softwareDigest;
    }

    /** After a forced rebuild: this node's older images of the same software@version. */
    private void removeSuperseded() {
        for (ImageDetails img : engine.imagesLabelled(Map.of(SlipwayLabels.SOFTWARE, request.software(),
                SlipwayLabels.VERSION, request.version(), SlipwayLabels.NODE, node.name()))) {
            if (softwareImageId != null && !sameImage(img.id(), softwareImageId)) {
                try {
                    engine.removeImage(img.id(), true);
                } catch (EngineException e) {
                    LOG.info("node {}: could not remove superseded image {}: {}", node.name(), shortId(img.id()),
                            e.getMessage());
                }
            }
        }
    }

    /** Image ids as engines give them: {@code sha256:<64 hex>}, bare hex, or a short (12+) prefix of it. */
    static boolean sameImage(String a, String b) {
        String x = a.startsWith("sha256:") ? a.substring(7) : a;
        String y = b.startsWith("sha256:") ? b.substring(7) : b;
        return x.length() >= 12 && y.length() >= 12 && (x.startsWith(y) || y.startsWith(x));
    }

    private void cleanUp(Failure failure) {
        if (machine.current().isTerminal() || !machine.canMove(machine.current(), NodeDeployState.CLEANING_UP)) {
            return; // nothing was created on the node yet
        }
        enter(NodeDeployState.CLEANING_UP);
        StringBuilder detail = new StringBuilder();
        EngineClient e = engine;
        try {
            if (packageContainerId != null) {
                e.removeContainer(packageContainerId);
            }
            if (containerId != null) {
                if (kept(failure)) {
                    detail.append("kept container ").append(shortId(containerId)).append(" and volume ")
                            .append(volumeName).append(" for debugging");
                } else {
                    removeWithRetry(e, containerId);
                    e.removeVolume(volumeName);
                    detail.append("removed container ").append(shortId(containerId)).append(" and volume ")
                            .append(volumeName);
                }
            } else {
                detail.append("nothing to remove");
            }
            endStep("ok", detail.toString());
        } catch (RuntimeException ex) {
            LOG.warn("node {}: clean-up failed: {}", node.name(), ex.getMessage());
            endStep("failed", "clean-up failed (" + ex.getMessage() + "); leftovers carry label "
                    + SlipwayLabels.DEPLOY_ID + "=" + uid);
        }
    }

    /** podman may refuse a forced remove while a kill of the same container is still settling: try again. */
    private static void removeWithRetry(EngineClient e, String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                e.removeContainer(id);
                return;
            } catch (EngineException ex) {
                if (attempt == 3) {
                    throw ex;
                }
                try {
                    Thread.sleep(500L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
            }
        }
    }

    private boolean kept(Failure failure) {
        return failure != null && failure.state == NodeDeployState.FAILED && request.keepFailedContainers()
                && containerId != null;
    }

    // ------------------------------------------------------------------------------------------------ machinery

    private void enter(NodeDeployState step) {
        move(step, null);
        currentStep = step;
        stepStartedAt = clock.now();
        stepT0 = System.nanoTime();
    }

    private void move(NodeDeployState to, String detail) {
        NodeDeployState from = machine.advance(to);
        Instant at = clock.now();
        if (to.committedOnEntry()) {
            journal.state(to, startedAt);
        }
        listener.nodeStateChanged(new DeployListener.NodeStateChanged(deployId, node.name(), from, to, at, detail));
    }

    private void endStep(String outcome, String detail) {
        if (currentStep == null || stepStartedAt == null) {
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - stepT0);
        NodeDeployState step = currentStep;
        stepStartedAt = null;
        journal.stepEnded(new StepRecord(node.name(), ++stepSeq, step.name(), clock.now().minus(took),
                took.toMillis(), outcome, detail));
        listener.stepFinished(new DeployListener.StepFinished(deployId, node.name(), step, clock.now().minus(took), took,
                outcome, detail));
    }

    private TransferListener progress(NodeDeployState step) {
        return p -> {
            long now = System.nanoTime();
            long last = lastProgress.get();
            boolean complete = p.layersTotal() > 0 && p.layersDone() == p.layersTotal();
            if (complete || now - last >= PROGRESS_EVERY_NANOS) {
                lastProgress.set(now);
                listener.transferProgress(new DeployListener.TransferProgressed(deployId, node.name(), step, p));
            }
        };
    }

    /**
     * A call to the registry. Only its HTTP exchanges count as registry time ({@link WaitTime}): what the access does
     * besides (its audit record, logging) is Slipway's own work, i.e. orchestration.
     */
    private <T> T registryCall(java.util.function.Supplier<T> call) {
        WaitTime.Account waited = WaitTime.open();
        try {
            return call.get();
        } finally {
            waited.close();
            registryNanos.addAndGet(waited.nanos());
        }
    }

    private void withCredentials(java.util.function.Consumer<RegistryAccess.EngineCredentials> call) {
        RegistryAccess.EngineCredentials c = registry.engineCredentials();
        try {
            call.accept(c);
        } finally {
            if (c != null && c.password() != null) {
                Arrays.fill(c.password(), '\0');
            }
        }
    }

    private Map<String, String> ownLabels(String role) {
        return Map.of(SlipwayLabels.DEPLOY_ID, uid, SlipwayLabels.NODE, node.name(), SlipwayLabels.ROLE, role);
    }

    private Failure classify(Throwable e) {
        if (e instanceof Cancellation.CancellationSignal || cancel.isCancelled()) {
            return new Failure(NodeDeployState.ABORTED, "aborted during " + stepLabel(), false);
        }
        if (e instanceof AccessDeniedException) {
            return new Failure(NodeDeployState.DENIED, e.getMessage(), false);
        }
        if (e instanceof EngineException ee) {
            return new Failure(NodeDeployState.FAILED, stepLabel() + ": " + ee.getMessage(), ee.retryable());
        }
        if (e instanceof LabelContractException || e instanceof BuildFailedException) {
            return new Failure(NodeDeployState.FAILED, stepLabel() + ": " + e.getMessage(), false);
        }
        if (e instanceof IOException) {
            return new Failure(NodeDeployState.FAILED, stepLabel() + ": " + e, true);
        }
        LOG.warn("node {}: unexpected failure in {}", node.name(), stepLabel(), e);
        return new Failure(NodeDeployState.FAILED, stepLabel() + ": " + e, false);
    }

    private String stepLabel() {
        return currentStep == null ? "start" : currentStep.label();
    }

    private static String shortId(String id) {
        String s = id.startsWith("sha256:") ? id.substring(7) : id;
        return s.length() > 12 ? s.substring(0, 12) : s;
    }

    private record Failure(NodeDeployState state, String message, boolean retryable) {
    }

    /** The registry said no: the node ends DENIED, nothing (more) is pulled. */
    static final class AccessDeniedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AccessDeniedException(String message) {
            super(message);
        }
    }

    /** A toolchain/build command failed or left no output: not retryable without a change. */
    static final class BuildFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BuildFailedException(String message) {
            super(message);
        }
    }
}
