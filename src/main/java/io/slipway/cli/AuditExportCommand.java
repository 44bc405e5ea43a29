package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditFilter;
import io.slipway.core.audit.AuditTimes;
import io.slipway.core.audit.export.AuditExporter;
import io.slipway.core.audit.export.ExportFormat;
import io.slipway.core.audit.export.WorkspaceExports;
import io.slipway.core.common.Clock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code audit export}: write (part of) the trail as JSONL, CSV or HTML, signed with the workspace key. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export audit events as JSONL (verifiable offline), CSV (spreadsheets) or HTML (report).",
            "Signed with the workspace's Ed25519 key (FILE.sig), which needs the workspace passphrase."})
final class AuditExportCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    AuditCommand audit;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv|html",
            description = "jsonl (default), csv or html.")
    String format;

    @Option(names = "--since", paramLabel = "T", description = "Events at or after T (2026-11-23, 2026-11-23T10:00).")
    String since;

    @Option(names = "--until", paramLabel = "T", description = "Events before T.")
    String until;

    @Option(names = "--action", paramLabel = "A",
            description = "A group (deploy, upgrade, release, inventory, registry, workspace), a prefix ending in * "
                    + "or an exact action.")
    String action;

    @Option(names = "--subject", paramLabel = "S", description = "Events whose subject starts with S (exact case).")
    String subject;

    @Option(names = "--who", paramLabel = "USER", description = "Events by this OS user (or user@host).")
    String who;

    @Option(names = "--bom", description = "CSV: start with a UTF-8 byte-order mark (for spreadsheet programs).")
    boolean bom;

    @Option(names = "--unsigned", description = "Do not sign (no passphrase needed; the origin cannot be proven).")
    boolean unsigned;

    @Mixin
    PassphraseOptions passphrase;

    @Override
    public Integer call() {
        ExportFormat fmt = ExportFormat.parse(format);
        AuditFilter filter = new AuditFilter(AuditTimes.parse("--since", since), AuditTimes.parse("--until", until),
                action, subject, who, null);
        try (SlipwayCore core = audit.parent.workspace.open()) {
            WorkspaceExports exports = exports(core);
            Optional<char[]> pass = unsigned ? Optional.empty()
                    : Optional.of(passphrase.read(!exports.hasPassphrase()));
            AuditExporter.Result r = exports.export(out, fmt, filter, bom, pass);
            PrintWriter pw = spec.commandLine().getOut();
            pw.printf("exported %d events to %s (chain head %d)%n", r.events(), r.file(), r.head().seq());
            r.signature().ifPresent(s -> pw.printf("signed: %s (key %s)%n", s, r.keyFingerprint().orElseThrow()));
            return 0;
        }
    }

    static WorkspaceExports exports(SlipwayCore core) {
        return new WorkspaceExports(core.audit(), core.registries(), core.workspace().jdbc(), Clock.SYSTEM,
                core.workspace().directory());
    }
}
