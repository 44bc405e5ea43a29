package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.audit.evidence.EvidencePack;
import io.slipway.core.audit.export.WorkspaceExports;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code audit evidence RELEASE --out DIR}: the signed evidence pack of a published release. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = {"Write the evidence pack of a published release: SBOM, plan and findings, its audit events, "
            + "where its components run now, SHA256SUMS and a signature.",
            "Check it anywhere with: slipway audit verify --evidence DIR"})
final class AuditEvidenceCommand implements Callable<Integer> {
    @ParentCommand
    AuditCommand audit;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RELEASE", description = "NAME@VERSION, \"NAME VERSION\" or the published folder.")
    String release;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new (or empty) folder.")
    Path out;

    @Mixin
    PassphraseOptions passphrase;

    @Override
    public Integer call() {
        try (SlipwayCore core = audit.parent.workspace.open()) {
            WorkspaceExports exports = AuditExportCommand.exports(core);
            var key = exports.signingKey(passphrase.read(!exports.hasPassphrase()));
            EvidencePack pack = new EvidencePack(core.audit(), core.sbomRelease(), core.nodes(), core.deploys(),
                    exports.exporter());
            EvidencePack.Result r = pack.write(release, out, key);
            spec.commandLine().getOut().printf("evidence for %s written to %s: %d files, %d audit events, signed by "
                    + "key %s%n", r.release(), r.dir(), r.files(), r.events(), r.keyFingerprint());
            return 0;
        }
    }
}
