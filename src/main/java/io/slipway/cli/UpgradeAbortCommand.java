package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.upgrade.UpgradeRunRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upgrade abort RUN}: end a paused or interrupted run; its waiting targets end aborted. */
@Command(name = "abort", mixinStandardHelpOptions = true,
        description = {"Abort a paused or interrupted upgrade run: its waiting targets end aborted (skipped); what an "
                + "interrupted target left on its node is removed. (A run in progress is aborted with Ctrl-C.)"})
final class UpgradeAbortCommand implements Callable<Integer> {
    @ParentCommand UpgradeCommand upgrade;
    @Spec CommandSpec spec;
    @Parameters(index = "0", paramLabel = "RUN", description = "The run's number.") long runId;

    @Override
    public Integer call() {
        try (SlipwayCore core = upgrade.open()) {
            UpgradeRunRecord r = core.upgradeService().abort(runId);
            spec.commandLine().getOut().printf("upgrade run %d %s: %d target(s) aborted%n", r.id(), r.state().label(),
                    r.targets().stream().filter(t -> t.phase() == io.slipway.core.upgrade.TargetPhase.ABORTED).count());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
