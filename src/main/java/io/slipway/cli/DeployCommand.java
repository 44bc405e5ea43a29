package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.deploy.DeployListener;
import io.slipway.core.deploy.DeployRequest;
import io.slipway.core.deploy.DeployRun;
import io.slipway.core.deploy.DeploySummary;
import io.slipway.core.deploy.NodeDeployState;
import io.slipway.core.deploy.NodeOutcome;
import io.slipway.core.engine.TransferProgress;
import io.slipway.core.inventory.Node;
import io.slipway.core.registry.RegistryAccess;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code deploy}: build software@version on nodes in their build environment and push the software images;
 * streams one line per node step, ends with a summary. Exit 0 when every node is done or skipped, 1 otherwise.
 */
@Command(name = "deploy",
        description = {"Deploy software@version to nodes: per node check version, request access, pull the build "
                + "environment, fetch the package, build, push the software image, record.",
                "Exit code 0 when every node is done or skipped, 1 otherwise."})
public final class DeployCommand implements Callable<Integer> {
    @ParentCommand
    SlipwayCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.") boolean help;
    @Option(names = "--software", paramLabel = "S", description = "Software name.") String software;
    @Option(names = "--version", paramLabel = "V", description = "Version to deploy.") String version;

    static final class Targets {
        @Option(names = "--nodes", paramLabel = "a,b,c", split = ",", description = "Nodes by name.") List<String> nodes;
        @Option(names = "--group", paramLabel = "G", description = "Every node of a group.") String group;
    }

    @ArgGroup(exclusive = true) Targets targets;

    @Option(names = "--retry", paramLabel = "DEPLOY_ID",
            description = "Retry the failed, denied, aborted or interrupted nodes of an earlier deploy.") Long retry;
    @Option(names = "--force", description = "Rebuild even where the node already has the version.") boolean force;
    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Nodes at once (default ${DEFAULT-VALUE}).") int parallel;
    @Option(names = "--env-image", paramLabel = "REF",
            description = "Build-environment image (default <registry>/slipway/buildenv/<software>:<version>).")
    String envImage;
    @Option(names = "--keep-failed", description = "Keep a failed node's environment container for debugging.")
    boolean keepFailed;
    @Option(names = "--log", description = "Also print the build output lines (prefixed with the node).") boolean showLog;

    @picocli.CommandLine.Mixin RegistryOptions registryOptions;

    @Override
    public Integer call() {
        if (parallel < 1) {
            throw new UserFacingException("--parallel must be at least 1");
        }
        try (SlipwayCore core = parent.workspace.open()) {
            DeployRequest request = request(core);
            RegistryAccess registry = registryOptions.open(core, "deploy");
            PrintWriter out = spec.commandLine().getOut();
            // the node workers, and one thread for the deploy's workspace writer
            ExecutorService pool = CliExecutors.fixed("deploy", Math.min(parallel, request.nodes().size()) + 1);
            ProgressPrinter printer = new ProgressPrinter(out, showLog);
            DeployRun run = core.deployService().start(request, registry, pool, printer);
            DeploySummary summary = RunFollower.await(run.completion(), run::abort, "deploy " + run.id(),
                    printer.lines, pool);
            if (summary == null) {
                return 130;
            }
            printer.summary(summary);
            return summary.allSucceeded() ? 0 : 1;
        }
    }

    private DeployRequest request(SlipwayCore core) {
        if (retry != null) {
            if (software != null || version != null || targets != null) {
                throw new UserFacingException("--retry takes the software, version and nodes from deploy " + retry
                        + "; do not give --software, --version, --nodes or --group with it.");
            }
            DeployRequest r = core.deployService().retryRequest(retry, parallel);
            return r.withKeepFailedContainers(keepFailed).withForced(r.forced() || force);
        }
        if (software == null || version == null) {
            throw new UserFacingException("deploy needs --software S and --version V (or --retry DEPLOY_ID).");
        }
        if (targets == null) {
            throw new UserFacingException("deploy needs --nodes a,b,c or --group G.");
        }
        List<Node> nodes = core.inventory().select(targets.nodes == null ? List.of() : targets.nodes, targets.group);
        return new DeployRequest(software, version, nodes, force, parallel, envImage, null, keepFailed, null);
    }

    /** One line per node step, throttled transfer progress, optional build output; thread-safe. */
    static final class ProgressPrinter implements DeployListener {
        final RunFollower lines;
        private final boolean showLog;
        private final Map<String, Long> lastProgress = new ConcurrentHashMap<>();

        ProgressPrinter(PrintWriter out, boolean showLog) {
            this.lines = new RunFollower(out);
            this.showLog = showLog;
        }

        void say(String line) {
            lines.say(line);
        }

        @Override
        public void deployStarted(DeployStarted e) {
            say("deploy " + e.deployId() + " (id " + e.uid() + "): " + e.software() + "@" + e.version() + " on "
                    + e.nodes().size() + " node(s), " + e.parallelism() + " at once"
                    + (e.forced() ? ", forced" : "") + (e.retryOf() != null ? ", retrying deploy " + e.retryOf() : ""));
        }

        @Override
        public void nodeStateChanged(NodeStateChanged e) {
            if (!e.to().isTerminal()) {
                say(String.format("%-12s %s", e.node(), e.to().label()));
            }
        }

        @Override
        public void stepFinished(StepFinished e) {
            if (!e.outcome().equals("ok") || e.step() == NodeDeployState.PUSHING) {
                say(String.format("%-12s %s %s (%d ms): %s", e.node(), e.step().label(), e.outcome(),
                        e.duration().toMillis(), firstLine(e.detail())));
            }
        }

        @Override
        public void transferProgress(TransferProgressed e) {
            long now = System.nanoTime();
            Long last = lastProgress.get(e.node());
            if (last != null && now - last < Duration.ofSeconds(2).toNanos()) {
                return;
            }
            lastProgress.put(e.node(), now);
            TransferProgress p = e.progress();
            String amount = p.bytesTotal() > 0 ? mb(p.bytesDone()) + " / " + mb(p.bytesTotal()) + " MB"
                    : p.layersDone() + "/" + p.layersTotal() + " layers";
            say(String.format("%-12s %s %s", e.node(), e.step().label(), amount));
        }

        @Override
        public void logLine(LogLine e) {
            if (showLog) {
                lines.raw(String.format("%-12s | %s", e.node(), e.line()));
            }
        }

        @Override
        public void nodeFinished(NodeOutcome o) {
            say(String.format("%-12s %s in %.1f s: %s", o.node(), o.state(), o.duration().toMillis() / 1000.0,
                    o.detail()));
        }

        void summary(DeploySummary s) {
            Map<NodeDeployState, Integer> c = s.counts();
            say(String.format("summary: %d done, %d skipped, %d failed, %d denied, %d aborted of %d node(s) in %.1f s"
                            + " -- deploy %d %s", n(c, NodeDeployState.DONE), n(c, NodeDeployState.SKIPPED),
                    n(c, NodeDeployState.FAILED), n(c, NodeDeployState.DENIED), n(c, NodeDeployState.ABORTED),
                    s.nodes().size(), s.duration().toMillis() / 1000.0, s.deployId(), s.state()));
            if (s.nodes().stream().anyMatch(o -> o.state().isRetriable())) {
                say("retry the failed nodes with: slipway deploy --retry " + s.deployId() + " --registry...");
            }
        }

        private static int n(Map<NodeDeployState, Integer> c, NodeDeployState s) {
            return c.getOrDefault(s, 0);
        }

        private static String mb(long bytes) {
            return String.format("%.1f", bytes / 1e6);
        }

        private static String firstLine(String s) {
            if (s == null) {
                return "";
            }
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl) + " ...";
        }
    }
}
