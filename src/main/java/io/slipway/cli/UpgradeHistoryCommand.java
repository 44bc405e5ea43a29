package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.upgrade.UpgradeHistoryEntry;
import io.slipway.core.upgrade.UpgradeRunRecord;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upgrade history}: runs and, per node × software, every target with both statuses, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Upgrade history: the runs (state, waves, thresholds, who, why) and every target per node × "
                + "software with its upgrade status, run status and basis, action, images and evidence.")
final class UpgradeHistoryCommand implements Callable<Integer> {
    @ParentCommand UpgradeCommand upgrade;
    @Spec CommandSpec spec;
    @Option(names = "--node", paramLabel = "N", description = "Only this node.") String node;
    @Option(names = "--software", paramLabel = "S", description = "Only this software.") String software;
    @Option(names = "--json", description = "Print the targets as JSON.") boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SlipwayCore core = upgrade.open()) {
            List<UpgradeHistoryEntry> entries = core.upgradeService().history(node, software);
            if (json) {
                UpgradeCommand.printJson(out, entries);
                return 0;
            }
            if (node == null && software == null) {
                for (UpgradeRunRecord r : core.upgradeService().runs()) {
                    out.printf("run %d  %-11s offer '%s'  %s by %s  waves %s (wave %d of %d)  max failures %s / %s  "
                                    + "watch %d s%s%n", r.id(), r.state().label(), r.offerName(),
                            DateTimeFormatter.ISO_INSTANT.format(r.startedAt()), r.who(), r.waves(), r.currentWave(),
                            r.waveCount(), pct(r.canaryMaxFailures()), pct(r.maxFailures()), r.watch().toSeconds(),
                            r.reason() == null ? "" : "  reason: " + r.reason());
                    if (r.pauseReason() != null) {
                        out.printf("        %s%n", r.pauseReason());
                    }
                }
            }
            if (entries.isEmpty()) {
                out.println("No upgrade targets recorded" + (node == null && software == null ? "." : " for this filter."));
            }
            for (UpgradeHistoryEntry e : entries) {
                out.printf("run %-4d %-28s %s%n", e.runId(), e.target().key(), UpgradePrinter.verdicts(e.target()));
            }
            out.flush();
        }
        return 0;
    }

    private static String pct(double share) {
        return io.slipway.core.upgrade.FailureShare.format(share);
    }
}
