package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.upgrade.CellState;
import io.slipway.core.upgrade.UpgradeCell;
import io.slipway.core.upgrade.UpgradeDiff;
import io.slipway.core.upgrade.UpgradeOffer;
import io.slipway.core.upgrade.UpgradePlan;
import io.slipway.core.upgrade.WavePlan;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upgrade plan OFFER}: the diff of an offer with the nodes — targets, current, not installed — and the waves. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what a run of the offer would touch: per node × software the target (installed → "
                + "offered), current, or not installed; and the waves.")
final class UpgradePlanCommand implements Callable<Integer> {
    @ParentCommand UpgradeCommand upgrade;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "OFFER", description = "The offer's name or number.") String offerRef;
    @Mixin UpgradeCommand.ScopeGroup scope;
    @Option(names = "--waves", paramLabel = "1,25%,100%", defaultValue = WavePlan.DEFAULT,
            description = "Waves (default ${DEFAULT-VALUE}).") String waves;
    @Option(names = "--install-missing", description = "Also install where the node does not have the software.")
    boolean installMissing;
    @Option(names = "--json", description = "Print the plan as JSON.") boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SlipwayCore core = upgrade.open()) {
            UpgradeOffer offer = core.upgradeService().offer(offerRef);
            UpgradePlan plan = core.upgradeService().plan(offer, UpgradeCommand.Scope.select(core, scope.scope),
                    installMissing, WavePlan.parse(waves));
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("offer", offer);
                doc.put("targets", plan.targets());
                doc.put("waves", plan.waves());
                doc.put("rows", plan.diff().rows());
                UpgradeCommand.printJson(out, doc);
                return 0;
            }
            out.printf("offer %d '%s': %d target(s) on %d node(s)%n", offer.id(), offer.name(), plan.targets().size(),
                    plan.waves().stream().mapToInt(List::size).sum());
            for (UpgradeDiff.Row r : plan.diff().rows()) {
                int wave = plan.waveOf(r.node());
                out.printf("  %-14s %s%n", r.node(), wave == 0 ? "(no target)" : "wave " + wave);
                for (UpgradeCell c : r.cells()) {
                    out.printf("      %-24s %-13s %s%n", c.software(), c.state().label(),
                            c.state() == CellState.NOT_INSTALLED ? "" : c.display());
                }
            }
            for (int i = 0; i < plan.waves().size(); i++) {
                out.printf("wave %d%s: %s%n", i + 1, i == 0 ? " (canary)" : "", String.join(", ", plan.waves().get(i)));
            }
            long notInstalled = plan.diff().rows().stream().flatMap(r -> r.cells().stream())
                    .filter(c -> c.state() == CellState.NOT_INSTALLED).count();
            if (notInstalled > 0) {
                out.printf("%d cell(s) not installed: not targets (--install-missing turns them into installs)%n",
                        notInstalled);
            }
            out.flush();
        }
        return 0;
    }
}
