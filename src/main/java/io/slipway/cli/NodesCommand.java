package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeInventory;
import io.slipway.core.inventory.NodeSpec;
import io.slipway.core.inventory.ProbeResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nodes add|edit|list|refresh|remove}: the node inventory. */
@Command(name = "nodes", description = "Node inventory: Docker Engine API endpoints Slipway deploys to.",
        mixinStandardHelpOptions = true)
public final class NodesCommand {
    private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @ParentCommand
    SlipwayCommand parent;

    @Spec
    CommandSpec spec;

    @Command(name = "add", description = "Add a node.")
    int add(@Parameters(index = "0", paramLabel = "NAME", description = "Unique node name.") String name,
            @Parameters(index = "1", paramLabel = "ENDPOINT",
                    description = "unix:///path/docker.sock or tcp://host:port") String endpoint,
            @Option(names = "--tls-cert-dir", paramLabel = "DIR",
                    description = "For tcp:// with TLS: directory with ca.pem, cert.pem, key.pem.") String tls,
            @Option(names = {"--group", "-g"}, paramLabel = "GROUP", split = ",",
                    description = "Group(s), repeatable or comma-separated.") List<String> groups,
            @Option(names = {"--label", "-l"}, paramLabel = "KEY=VALUE", description = "Label(s), repeatable.")
            Map<String, String> labels,
            @Option(names = "--notes", paramLabel = "TEXT", defaultValue = "") String notes) {
        try (SlipwayCore core = parent.workspace.open()) {
            Node n = core.inventory().add(new NodeSpec(name, endpoint, tls, orEmpty(groups), orEmpty(labels), notes));
            out().printf("added node %s (%s)%n", n.name(), n.engineEndpoint());
            return 0;
        }
    }

    @Command(name = "edit", description = "Change a node; options not given stay as they are.")
    int edit(@Parameters(index = "0", paramLabel = "NAME") String name,
             @Option(names = "--name", paramLabel = "NEW_NAME", description = "Rename.") String newName,
             @Option(names = "--endpoint", paramLabel = "ENDPOINT") String endpoint,
             @Option(names = "--tls-cert-dir", paramLabel = "DIR", description = "Set; an empty value removes it.")
             String tls,
             @Option(names = {"--group", "-g"}, paramLabel = "GROUP", split = ",",
                     description = "Replace the groups.") List<String> groups,
             @Option(names = {"--label", "-l"}, paramLabel = "KEY=VALUE", description = "Replace the labels.")
             Map<String, String> labels,
             @Option(names = "--notes", paramLabel = "TEXT") String notes) {
        try (SlipwayCore core = parent.workspace.open()) {
            Node old = core.inventory().require(name);
            NodeSpec s = NodeSpec.of(old);
            Node n = core.inventory().update(name, new NodeSpec(newName != null ? newName : s.name(),
                    endpoint != null ? endpoint : s.endpoint(), tls != null ? tls : s.tlsCertDir(),
                    groups != null ? groups : s.groups(), labels != null ? labels : s.labels(),
                    notes != null ? notes : s.notes()));
            out().printf("updated node %s (%s)%n", n.name(), n.engineEndpoint());
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a node from the inventory (its deploy history stays).")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        try (SlipwayCore core = parent.workspace.open()) {
            core.inventory().remove(name);
            out().printf("removed node %s%n", name);
            return 0;
        }
    }

    @Command(name = "list", description = "List nodes with what the last refresh found.")
    int list(@Option(names = {"--group", "-g"}, paramLabel = "GROUP") String group,
             @Option(names = "--status", paramLabel = "STATUS", description = "UNKNOWN, REACHABLE or UNREACHABLE.")
             String status,
             @Option(names = "--json", description = "Print the nodes as a JSON array.") boolean json) {
        try (SlipwayCore core = parent.workspace.open()) {
            PrintWriter out = out();
            List<Node> shown = core.inventory().all().stream().filter(n -> (group == null || n.inGroup(group))
                    && (status == null || n.status().name().equalsIgnoreCase(status))).toList();
            if (json) {
                out.println(JsonViews.write(shown.stream().map(JsonViews::node).toList()));
                return 0;
            }
            out.printf("%-16s %-11s %-16s %-13s %5s %9s  %-16s %-19s %s%n", "NAME", "STATUS", "ENGINE", "OS/ARCH", "CPUS",
                    "MEMORY", "GROUPS", "LAST SEEN", "INSTALLED");
            for (Node n : shown) {
                String engine = n.engineVersion() == null ? "-"
                        : (n.engineKind() == null ? "" : n.engineKind() + " ") + n.engineVersion();
                out.printf("%-16s %-11s %-16s %-13s %5s %9s  %-16s %-19s %s%n", n.name(), n.status(), engine,
                        orDash(n.osArch()), n.cpus() == null ? "-" : n.cpus().toString(), memory(n.memoryBytes()),
                        n.groups().isEmpty() ? "-" : String.join(",", n.groups()),
                        n.lastSeen() == null ? "never" : SEEN.format(n.lastSeen()), installed(n.installed()));
                if (n.statusReason() != null) {
                    out.printf("%-16s   reason: %s%n", "", n.statusReason());
                }
            }
            return 0;
        }
    }

    @Command(name = "refresh", description = "Probe nodes concurrently (all, or the ones named); prints each as it answers.")
    int refresh(@Parameters(paramLabel = "NAME", arity = "0..*") List<String> names,
                @Option(names = {"--group", "-g"}, paramLabel = "GROUP") String group,
                @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "8",
                        description = "How long a node may take to answer at all, counted from when it is "
                                + "contacted (default ${DEFAULT-VALUE} s); one that answers gets 4 times that to "
                                + "report its facts.") int timeoutSeconds,
                @Option(names = "--parallel", paramLabel = "N", defaultValue = "16") int parallel) {
        if (timeoutSeconds < 1) {
            throw new UserFacingException("--timeout must be at least 1 second");
        }
        try (SlipwayCore core = parent.workspace.open()) {
            NodeInventory inv = core.inventory();
            List<Node> targets = names == null || names.isEmpty()
                    ? (group == null ? inv.all() : inv.select(List.of(), group)) : inv.select(names, null);
            if (targets.isEmpty()) {
                out().println("no nodes (add one with 'slipway nodes add NAME ENDPOINT')");
                return 0;
            }
            ExecutorService pool = CliExecutors.fixed("probe", Math.min(parallel, targets.size()));
            try {
                PrintWriter out = out();
                List<ProbeResult> results = inv.refresh(targets, pool, Duration.ofSeconds(timeoutSeconds), r -> {
                    synchronized (out) {
                        out.println(describe(r));
                        out.flush();
                    }
                }).get();
                long up = results.stream().filter(ProbeResult::reachable).count();
                out.printf("%d of %d node(s) reachable%n", up, results.size());
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.INTERRUPTED;
            } catch (ExecutionException e) {
                throw new IllegalStateException("refresh failed", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static String describe(ProbeResult r) {
        if (!r.reachable()) {
            return String.format("%-16s UNREACHABLE  %s (%d ms)", r.node(), r.reason(), r.took().toMillis());
        }
        var f = r.facts();
        return String.format("%-16s REACHABLE    %s %s, API %s, %s, %d CPUs, %s, installed: %s (%d ms)", r.node(),
                f.kind(), f.engineVersion(), f.apiVersion(), f.osArch(), f.cpus(), memory(f.memoryBytes()),
                installed(f.installed()), r.took().toMillis());
    }

    private static String installed(Map<String, String> installed) {
        return installed.isEmpty() ? "-" : new java.util.TreeMap<>(installed).entrySet().stream()
                .map(e -> e.getKey() + "@" + e.getValue()).collect(Collectors.joining(","));
    }

    static String memory(Long bytes) {
        if (bytes == null || bytes <= 0) {
            return "-";
        }
        return String.format("%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? new ArrayList<>() : l;
    }

    private static Map<String, String> orEmpty(Map<String, String> m) {
        return m == null ? new LinkedHashMap<>() : m;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
