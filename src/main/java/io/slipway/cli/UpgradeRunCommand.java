package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.RegistryAccess;
import io.slipway.core.upgrade.FailureShare;
import io.slipway.core.upgrade.UpgradeRequest;
import io.slipway.core.upgrade.UpgradeRun;
import io.slipway.core.upgrade.UpgradeService;
import io.slipway.core.upgrade.UpgradeSummary;
import io.slipway.core.upgrade.WavePlan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code upgrade run OFFER}, {@code upgrade resume RUN}, {@code upgrade retry RUN}: run (or go on with) an upgrade,
 * streaming one line per target step and run-check verdict, ending with a summary of both statuses. Ctrl-C aborts.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Upgrade the offer's targets on the nodes in waves: build + push each in its own environment "
                + "container, run-check it for the watch window, commit or roll back.",
                "Exit code 0 when every target succeeded and is healthy or not checked (or was skipped), 1 when any "
                        + "failed or was abnormal, 5 when the run paused on a failure threshold."})
final class UpgradeRunCommand implements Callable<Integer> {
    @ParentCommand UpgradeCommand upgrade;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "OFFER", description = "The offer's name or number.") String offerRef;
    @Mixin UpgradeCommand.ScopeGroup scope;
    @Mixin RegistryOptions registry;
    @Option(names = "--waves", paramLabel = "1,25%,100%", defaultValue = WavePlan.DEFAULT,
            description = "Nodes reached by the end of each wave, counts or shares (default ${DEFAULT-VALUE}); the "
                    + "first wave is the canary.") String waves;
    @Option(names = "--max-failures", paramLabel = "SHARE", defaultValue = "10%",
            description = "Failed or abnormal targets a wave after the canary may have (default ${DEFAULT-VALUE}).")
    String maxFailures;
    @Option(names = "--canary-max-failures", paramLabel = "SHARE", defaultValue = "0%",
            description = "The same for the canary wave (default ${DEFAULT-VALUE}).") String canaryMaxFailures;
    @Option(names = "--watch", paramLabel = "DURATION", defaultValue = "120s",
            description = "Run-check watch window: 90s, 2m (default ${DEFAULT-VALUE}).") String watch;
    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Nodes building at once (default ${DEFAULT-VALUE}).") int parallel;
    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (stored with the run and audited).")
    String reason;
    @Option(names = "--install-missing", description = "Also install where the node does not have the software.")
    boolean installMissing;
    @Option(names = "--log", description = "Also print the build output lines.") boolean showLog;

    @Override
    public Integer call() {
        if (parallel < 1) {
            throw new UserFacingException("--parallel must be at least 1");
        }
        try (SlipwayCore core = upgrade.open()) {
            UpgradeRequest request = UpgradeRequest.of(core.upgradeService().offer(offerRef),
                            UpgradeCommand.Scope.select(core, scope.scope))
                    .withWaves(WavePlan.parse(waves))
                    .withThresholds(FailureShare.parse("--canary-max-failures", canaryMaxFailures),
                            FailureShare.parse("--max-failures", maxFailures))
                    .withWatch(parseDuration(watch)).withParallelism(parallel).withReason(reason)
                    .withInstallMissing(installMissing);
            RegistryAccess access = registry.open(core, "upgrade run");
            try {
                return follow(spec.commandLine().getOut(), parallel, showLog,
                        (pool, printer) -> core.upgradeService().start(request, access, pool, printer));
            } catch (UpgradeService.NoTargetsException e) {
                spec.commandLine().getOut().println(e.getMessage());
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    /** Starts a run with a pool and a printer, follows it to its end; returns the exit code. */
    static int follow(PrintWriter out, int parallel, boolean showLog,
                      java.util.function.BiFunction<ExecutorService, UpgradePrinter, UpgradeRun> start) {
        // the deploy workers of a wave's software, and one thread for the deploy's workspace writer
        ExecutorService pool = CliExecutors.fixed("upgrade", parallel + 1);
        UpgradePrinter printer = new UpgradePrinter(out, showLog);
        UpgradeRun run = start.apply(pool, printer);
        UpgradeSummary summary = RunFollower.await(run.completion(), run::abort, "upgrade run " + run.id(),
                printer.lines, pool);
        if (summary == null) {
            return 130;
        }
        printer.summary(summary);
        return summary.exitCode();
    }

    /** {@code 120s}, {@code 2m}, {@code 90} (seconds), or ISO-8601 {@code PT2M}. */
    static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (s.startsWith("pt")) {
                return Duration.parse(s.toUpperCase(java.util.Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(s.endsWith("s") ? s.substring(0, s.length() - 1) : s));
        } catch (RuntimeException e) {
            throw new UserFacingException("--watch '" + text + "': expected a duration such as 120s or 2m");
        }
    }

    /** The options resume and retry share: the run, the registry, parallelism, build output. */
    abstract static class GoOn implements Callable<Integer> {
        @ParentCommand UpgradeCommand upgrade;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "RUN", description = "The run's number (see 'upgrade history').")
        long runId;
        @Mixin RegistryOptions registry;
        @Option(names = "--log", description = "Also print the build output lines.") boolean showLog;

        abstract UpgradeRun start(UpgradeService service, RegistryAccess access, ExecutorService pool,
                                  UpgradePrinter printer);

        @Override
        public Integer call() {
            try (SlipwayCore core = upgrade.open()) {
                int parallel = core.upgradeService().run(runId).orElseThrow(() ->
                        new UserFacingException("No upgrade run " + runId + ".")).parallelism();
                RegistryAccess access = registry.open(core, spec.qualifiedName().replace("slipway ", ""));
                return follow(spec.commandLine().getOut(), parallel, showLog,
                        (pool, printer) -> start(core.upgradeService(), access, pool, printer));
            }
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = {"Go on with a paused run (next wave) or an interrupted one (its unfinished targets first).",
                    "Exit codes as for 'upgrade run'."})
    static final class Resume extends GoOn {
        @Override
        UpgradeRun start(UpgradeService service, RegistryAccess access, ExecutorService pool, UpgradePrinter printer) {
            return service.resume(runId, access, pool, printer);
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Run the failed, abnormal (rolled back), aborted and interrupted targets of a run again, "
                    + "then hold the wave against its threshold again and go on.", "Exit codes as for 'upgrade run'."})
    static final class Retry extends GoOn {
        @Override
        UpgradeRun start(UpgradeService service, RegistryAccess access, ExecutorService pool, UpgradePrinter printer) {
            return service.retry(runId, access, pool, printer);
        }
    }

}
