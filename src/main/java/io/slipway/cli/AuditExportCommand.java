package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditFilter;
import io.slipway.core.audit.AuditTimes;
import io.slipway.core.audit.export.AuditExporter;
import io.slipway.core.audit.export.ExportFormat;
import io.slipway.core.audit.export.SigningKey;
import io.slipway.core.common.Clock;
import io.slipway.core.registry.CredentialVault;
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

    @Option(names = "--subject", paramLabel = "S", description = "Events whose subject contains S.")
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
            Optional<SigningKey> key = unsigned ? Optional.empty() : Optional.of(signingKey(core));
            AuditExporter.Result r = new AuditExporter(core.audit(), Clock.SYSTEM,
                    core.workspace().directory().toString())
                    .export(new AuditExporter.Request(out, fmt, filter, bom, key));
            PrintWriter pw = spec.commandLine().getOut();
            pw.printf("exported %d events to %s (chain head %d)%n", r.events(), r.file(), r.head().seq());
            r.signature().ifPresent(s -> pw.printf("signed: %s (key %s)%n", s, r.keyFingerprint().orElseThrow()));
            return 0;
        }
    }

    /** Opens (creating on first use) the workspace key; the passphrase unlocks its sealed private half. */
    static SigningKey signingKey(SlipwayCore core, PassphraseOptions passphrase) {
        char[] p = passphrase.read(!core.registries().hasPassphrase());
        CredentialVault vault;
        try {
            vault = core.registries().unlock(p);
        } finally {
            java.util.Arrays.fill(p, '\0');
        }
        try {
            return SigningKey.open(core.workspace().jdbc(), vault, core.audit(), Clock.SYSTEM);
        } finally {
            vault.destroy();
        }
    }

    private SigningKey signingKey(SlipwayCore core) {
        return signingKey(core, passphrase);
    }
}
