package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.Json;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.inventory.Node;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The {@code upgrade} command group: offers, the plan (diff), runs in waves with run checks, resume / retry / abort,
 * and history. Exit codes of run, resume and retry: 0 every target succeeded and is healthy or not checked (or was
 * skipped), 1 any failed or abnormal, 5 the run paused on a failure threshold.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Upgrade the fleet to an offer: each target (node × software where the node has the software "
                + "and the offer is strictly newer) is built in its own environment container, pushed, run-checked "
                + "and committed or rolled back, in waves.",
                "Exit codes (run, resume, retry): 0 all succeeded and healthy / not checked, 1 a target failed or was "
                        + "abnormal, 5 paused on a failure threshold (resume, retry or abort it)."},
        subcommands = {UpgradeOfferCommand.class, UpgradeOfferCommand.Offers.class, UpgradePlanCommand.class,
            UpgradeRunCommand.class, UpgradeRunCommand.Resume.class, UpgradeRunCommand.Retry.class,
            UpgradeAbortCommand.class, UpgradeHistoryCommand.class})
public final class UpgradeCommand {
    /** Exit code of a run paused on a failure threshold (agreed for all commands: issue 10). */
    static final int PAUSED = 5;

    @ParentCommand
    SlipwayCommand parent;

    SlipwayCore open() {
        return parent.workspace.open();
    }

    /** {@code --nodes a,b | --group G}; neither: every node. */
    static final class Scope {
        @Option(names = "--nodes", paramLabel = "a,b", split = ",", description = "Nodes by name.") List<String> nodes;
        @Option(names = "--group", paramLabel = "G", description = "Every node of a group.") String group;

        static List<Node> select(SlipwayCore core, Scope scope) {
            if (scope == null) {
                List<Node> all = core.inventory().all();
                if (all.isEmpty()) {
                    throw new UserFacingException("No nodes in this workspace (see 'slipway nodes add').");
                }
                return all;
            }
            return core.inventory().select(scope.nodes == null ? List.of() : scope.nodes, scope.group);
        }
    }

    /** The node scope as a picocli argument group (one of the two options). */
    static final class ScopeGroup {
        @ArgGroup(exclusive = true) Scope scope;
    }

    static void printJson(PrintWriter out, Object value) {
        try {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not serialisable as JSON", e);
        }
        out.flush();
    }
}
