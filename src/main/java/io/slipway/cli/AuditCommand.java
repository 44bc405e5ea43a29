package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.audit.ChainVerification;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code audit verify|log}: check the hash chain, list recent events. */
@Command(name = "audit", description = "Audit trail: verify the hash chain, list events.", mixinStandardHelpOptions = true)
public final class AuditCommand {
    /** Exit code when the chain is broken: distinct from bad input (1) and usage errors (2). */
    static final int CHAIN_BROKEN = ExitCodes.AUDIT_BROKEN;

    @ParentCommand
    SlipwayCommand parent;

    @Spec
    CommandSpec spec;

    @Command(name = "verify", description = "Recompute the hash chain; exit 0 if intact, 3 naming the first broken event.")
    int verify() {
        try (SlipwayCore core = parent.workspace.open()) {
            ChainVerification v = core.audit().verify();
            if (v.intact()) {
                spec.commandLine().getOut().printf("audit chain intact: %d events verified%n", v.eventsChecked());
                return 0;
            }
            spec.commandLine().getErr().printf("audit chain BROKEN at event %d: %s (%d events before it verified)%n",
                    v.firstBrokenSeq().orElseThrow(), v.reason(), v.eventsChecked());
            return CHAIN_BROKEN;
        }
    }

    @Command(name = "log", description = "List the latest audit events, newest first.")
    int log(@Option(names = "--limit", defaultValue = "50", description = "How many events (default ${DEFAULT-VALUE}).")
            int limit,
            @Option(names = "--json", description = "Print the events as a JSON array.") boolean json) {
        try (SlipwayCore core = parent.workspace.open()) {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JsonViews.write(core.audit().latest(limit).stream().map(JsonViews::auditEvent).toList()));
                return 0;
            }
            for (AuditEvent e : core.audit().latest(limit)) {
                out.printf("%6d  %s  %-10s %-28s %s  %s%n", e.seq(), e.at(), e.who(), e.action(), e.subject(),
                        e.detailsJson());
            }
            return 0;
        }
    }
}
