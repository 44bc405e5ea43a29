package io.slipway.bench;

import io.slipway.core.audit.AuditFilter;
import io.slipway.core.audit.AuditTrail;
import io.slipway.core.audit.ChainVerification;
import io.slipway.core.audit.export.AuditExporter;
import io.slipway.core.audit.export.ExportFormat;
import io.slipway.core.audit.export.JsonlVerifier;
import io.slipway.core.common.Clock;
import io.slipway.core.store.Workspace;
import io.slipway.gui.audit.AuditViewModel;
import io.slipway.gui.tasks.SynchronousTaskExecutor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audit trail at scale (scripts/bench-audit.sh). Modes, each in its own JVM so heaps can differ:
 * <ul>
 *   <li>{@code generate DIR N}: appends N events through the trail's append (a hash link per event, a commit per
 *       100 events via {@link AuditTrail#inTransactionWith}) unless DIR already holds them;</li>
 *   <li>{@code view DIR}: opening the Audit view (count + first page) and filters, medians and max;</li>
 *   <li>{@code verify DIR FILE}: full chain verification, and JSONL export to FILE (whose size is the chain's size
 *       for the sha256sum comparison the script makes) and its offline verification;</li>
 *   <li>{@code csv DIR FILE}: CSV export of the full chain; prints the heap limit and the peak heap used.</li>
 * </ul>
 */
public final class AuditBench {
    private static final String[] ACTIONS = {"deploy.started", "deploy.node.built", "deploy.finished", "node.edited",
        "node.refreshed", "sbom.tag-changed", "registry.login", "upgrade.applied"};
    private static final String[] USERS = {"alice", "bob", "carol", "dave"};
    private static final int BATCH = 100;

    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> generate(dir, Long.parseLong(args[2]));
            case "view" -> view(dir);
            case "verify" -> verify(dir, Path.of(args[2]));
            case "csv" -> csv(dir, Path.of(args[2]));
            default -> throw new IllegalArgumentException("mode: generate|view|verify|csv");
        }
    }

    private static void generate(Path dir, long n) {
        try (Workspace ws = Workspace.open(dir)) {
            AtomicLong tick = new AtomicLong();
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            Clock clock = () -> start.plusSeconds(tick.incrementAndGet() * 20); // ~230 days for 1M events
            long have = new AuditTrail(ws.jdbc(), clock, "x").count();
            if (have >= n) {
                System.out.printf("generate: workspace already holds %,d events%n", have);
                return;
            }
            tick.set(have);
            AuditTrail[] trails = new AuditTrail[USERS.length];
            for (int u = 0; u < USERS.length; u++) {
                trails[u] = new AuditTrail(ws.jdbc(), clock, new io.slipway.core.audit.Actor(USERS[u], "laptop-" + u));
            }
            long t0 = System.nanoTime();
            // batches of events appended by the trail's normal append (hash link per event, one commit per batch,
            // as a deploy's journal does through inTransactionWith): 1M single commits take an hour on a busy disk
            for (long i = have; i < n; ) {
                AuditTrail t = trails[(int) ((i / BATCH) % USERS.length)];
                List<AuditTrail.Entry> batch = new ArrayList<>();
                long end = Math.min(n, i + BATCH);
                for (; i < end; i++) {
                    String action = ACTIONS[(int) (i % ACTIONS.length)];
                    String subject = action.startsWith("node") ? "node-" + (i % 500) : "software-" + (i % 300) + "@"
                            + (i % 7) + ".0";
                    batch.add(AuditTrail.Entry.of(action, subject, Map.of("id", i, "nodes", List.of("node-" + (i % 500),
                            "node-" + ((i + 1) % 500)), "state", i % 11 == 0 ? "FAILED" : "DONE", "durationMs",
                            i % 90_000)));
                }
                if (i % 97 < BATCH / 10) {
                    t.withReason("ticket OPS-" + (i % 5000), () -> t.inTransactionWith(batch, c -> null));
                } else {
                    t.inTransactionWith(batch, c -> null);
                }
                if (i % 100_000 == 0) {
                    System.out.printf("generate: %,d events (%.0f/s)%n", i, (i - have) / ((System.nanoTime() - t0) / 1e9));
                }
            }
            System.out.printf("generate: %,d events appended in %.1f s%n", n - have, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void view(Path dir) {
        try (Workspace ws = Workspace.open(dir)) {
            AuditTrail trail = new AuditTrail(ws.jdbc(), Clock.SYSTEM, "bench");
            List<Double> open = new ArrayList<>();
            for (int r = 0; r < 7; r++) {
                long t0 = System.nanoTime();
                AuditViewModel vm = new AuditViewModel(trail, new SynchronousTaskExecutor());
                vm.activate(); // count + first page, shown
                open.add(ms(t0));
                if (vm.events().size() != 200) {
                    throw new IllegalStateException("first page has " + vm.events().size() + " rows");
                }
            }
            System.out.printf("view open (count + first page of 200): median %.1f ms, max %.1f ms, over %,d events%n",
                    median(open), Collections.max(open), trail.count());
            AuditViewModel vm = new AuditViewModel(trail, new SynchronousTaskExecutor());
            vm.activate();
            String[][] filters = {
                {"action group", "action", "upgrade"}, {"subject", "subject", "node-42"}, {"who", "who", "carol"},
                {"time range", "since", "2026-03-01"}, {"search (rare)", "search", "OPS-4242"},
                {"subject (rare)", "subject", "software-299@"},
                {"search (common)", "search", "FAILED"}};
            List<Double> all = new ArrayList<>();
            for (String[] f : filters) {
                List<Double> times = new ArrayList<>();
                for (int r = 0; r < 5; r++) {
                    vm.clearFilter();
                    set(vm, f[1], f[2]);
                    long t0 = System.nanoTime();
                    vm.applyFilter();
                    times.add(ms(t0));
                }
                all.addAll(times);
                System.out.printf("filter %-16s median %7.1f ms  max %7.1f ms  (%s)%n", f[0], median(times),
                        Collections.max(times), vm.summaryProperty().get());
            }
            System.out.printf("filter overall: median %.1f ms, max %.1f ms%n", median(all), Collections.max(all));
        }
    }

    private static void set(AuditViewModel vm, String field, String value) {
        switch (field) {
            case "action" -> vm.actionProperty().set(value);
            case "subject" -> vm.subjectProperty().set(value);
            case "who" -> vm.whoProperty().set(value);
            case "since" -> vm.sinceProperty().set(value);
            default -> vm.searchProperty().set(value);
        }
    }

    private static void verify(Path dir, Path jsonl) {
        try (Workspace ws = Workspace.open(dir)) {
            AuditTrail trail = new AuditTrail(ws.jdbc(), Clock.SYSTEM, "bench");
            List<Double> times = new ArrayList<>();
            long n = 0;
            for (int r = 0; r < 2; r++) { // first run warms the JIT and the page cache; the second is reported
                long t0 = System.nanoTime();
                ChainVerification v = trail.verify();
                times.add(ms(t0));
                if (!v.intact()) {
                    throw new IllegalStateException("chain broken: " + v);
                }
                n = v.eventsChecked();
            }
            double last = times.get(times.size() - 1);
            System.out.printf("verify-ms %.0f%n", last);
            System.out.printf("audit verify (workspace): %,d events, %.0f ms warm (%.0f events/s); cold %.0f ms%n", n,
                    last, n / (last / 1000), times.get(0));
            long t0 = System.nanoTime();
            new AuditExporter(trail, Clock.SYSTEM, dir.toString()).write(new AuditExporter.Request(jsonl,
                    ExportFormat.JSONL, AuditFilter.ALL, false, Optional.empty()));
            System.out.printf("jsonl export: %.0f ms, %,d bytes%n", ms(t0), fileSize(jsonl));
            List<Double> file = new ArrayList<>();
            for (int r = 0; r < 1; r++) { // one run: this machine is shared, and the file walk takes minutes
                long t1 = System.nanoTime();
                JsonlVerifier.verify(jsonl, Optional.empty());
                file.add(ms(t1));
            }
            System.out.printf("verify-file-ms %.0f%n", median(file));
            System.out.printf("audit verify --file (offline, one run): %.0f ms%n", median(file));
        }
    }

    private static void csv(Path dir, Path out) {
        try (Workspace ws = Workspace.open(dir)) {
            AuditTrail trail = new AuditTrail(ws.jdbc(), Clock.SYSTEM, "bench");
            long t0 = System.nanoTime();
            AuditExporter.Written w = new AuditExporter(trail, Clock.SYSTEM, dir.toString()).write(
                    new AuditExporter.Request(out, ExportFormat.CSV, AuditFilter.ALL, true, Optional.empty()));
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "csv export: %,d events, %,d bytes in %.0f ms; heap limit %d MiB, peak heap "
                    + "used %d MiB%n", w.events(), fileSize(out), ms(t0),
                    Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        }
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
