package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.AuditEvent;
import io.slipway.core.audit.ChainVerification;
import io.slipway.core.audit.export.JsonlVerifier;
import io.slipway.core.audit.export.ProofException;
import io.slipway.core.audit.export.SigningKey;
import io.slipway.core.audit.evidence.EvidenceVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code audit verify|log|key|export|evidence}: check the hash chain or an export, list events, export. */
@Command(name = "audit", description = "Audit trail: verify the hash chain or an export, list and export events.",
        mixinStandardHelpOptions = true, subcommands = {AuditExportCommand.class, AuditEvidenceCommand.class})
public final class AuditCommand {
    /** Exit code when the chain is broken: distinct from bad input (1) and usage errors (2). */
    static final int CHAIN_BROKEN = ExitCodes.AUDIT_BROKEN;

    @ParentCommand
    SlipwayCommand parent;

    @Spec
    CommandSpec spec;

    /** What {@code verify} checks: the workspace's chain (default), an export, or an evidence folder. */
    static final class VerifyTarget {
        @Option(names = "--file", paramLabel = "EXPORT",
                description = "Check an exported file (JSONL: chain + signature; CSV/HTML: signature) without the "
                        + "workspace.")
        Path file;

        @Option(names = "--evidence", paramLabel = "DIR",
                description = "Check a release evidence folder (SHA256SUMS, signature, its audit events) offline.")
        Path evidence;
    }

    @Command(name = "verify", description = {"Recompute the workspace's hash chain, or check an export or evidence "
            + "folder offline.", "Exit 0 if it holds, 3 naming the first problem."})
    int verify(@ArgGroup(exclusive = true) VerifyTarget target,
               @Option(names = "--key", paramLabel = "FINGERPRINT",
                       description = "Require the export to be signed by this key (SHA256:...).") String key) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (target != null && target.file != null) {
                return verifyFile(out, target.file, Optional.ofNullable(key));
            }
            if (target != null && target.evidence != null) {
                EvidenceVerifier.Verified v = EvidenceVerifier.verify(target.evidence, Optional.ofNullable(key));
                out.printf("evidence %s intact: %d files checked, %d audit events verified, signed by key %s%n",
                        v.dir(), v.files(), v.events(), v.keyFingerprint());
                return 0;
            }
        } catch (ProofException e) {
            spec.commandLine().getErr().println("slipway: NOT VERIFIED: " + e.getMessage());
            return CHAIN_BROKEN;
        }
        try (SlipwayCore core = parent.workspace.open()) {
            ChainVerification v = core.audit().verify();
            if (v.intact()) {
                out.printf("audit chain intact: %d events verified%n", v.eventsChecked());
                return 0;
            }
            spec.commandLine().getErr().printf("audit chain BROKEN at event %d: %s (%d events before it verified)%n",
                    v.firstBrokenSeq().orElseThrow(), v.reason(), v.eventsChecked());
            return CHAIN_BROKEN;
        }
    }

    private static int verifyFile(PrintWriter out, Path file, Optional<String> key) {
        if (file.getFileName().toString().endsWith(".jsonl")) {
            JsonlVerifier.Verified v = JsonlVerifier.verify(file, key);
            out.printf("export %s intact: %d events verified against chain head %d (%s), %d left out by the filter "
                    + "%s%n", file, v.events(), v.head().seq(), v.head().hash(), v.leftOut(), v.filter());
            out.printf("exported by %s from %s at %s%n", v.createdBy(), v.workspace(), v.exportedAt());
            out.println(v.keyFingerprint().map(fp -> "signed by key " + fp).orElse("NOT signed: origin unproven"));
            return 0;
        }
        String fp = io.slipway.core.audit.export.DetachedSignature.check(file);
        if (key.isPresent() && !key.get().equals(fp)) {
            throw new ProofException(file + " is signed by key " + fp + ", not by the required key " + key.get() + ".");
        }
        out.printf("%s unchanged since it was signed by key %s%n", file, fp);
        return 0;
    }

    @Command(name = "key", description = "Show the fingerprint of the workspace key that signs exports.")
    int key() {
        try (SlipwayCore core = parent.workspace.open()) {
            Optional<String> fp = SigningKey.publicKey(core.workspace().jdbc()).map(SigningKey::fingerprint);
            spec.commandLine().getOut().println(fp.map(f -> "workspace signing key " + f + " (Ed25519)")
                    .orElse("no signing key yet: the first signed export creates it"));
            return 0;
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
                out.printf("%6d  %s  %-16s %-28s %s  %s%s%n", e.seq(), e.at(), e.whoAndWhere(), e.action(),
                        e.subject(), e.detailsJson(), e.reason() == null ? "" : "  reason: " + e.reason());
            }
            return 0;
        }
    }
}
