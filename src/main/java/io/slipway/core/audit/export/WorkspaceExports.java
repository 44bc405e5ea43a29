package io.slipway.core.audit.export;

import io.slipway.core.audit.AuditFilter;
import io.slipway.core.audit.AuditTrail;
import io.slipway.core.common.Clock;
import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.Registries;
import io.slipway.core.store.Jdbc;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Exports of one workspace's trail, signed with its key when a passphrase is given: what the CLI and the console's
 * Export action both call, so they sign the same way.
 */
public final class WorkspaceExports {
    private final AuditTrail audit;
    private final Registries registries;
    private final Jdbc jdbc;
    private final Clock clock;
    private final Path workspace;

    public WorkspaceExports(AuditTrail audit, Registries registries, Jdbc jdbc, Clock clock, Path workspace) {
        this.audit = audit;
        this.registries = registries;
        this.jdbc = jdbc;
        this.clock = clock;
        this.workspace = workspace;
    }

    /** True once the workspace has a passphrase (the first one given becomes it). */
    public boolean hasPassphrase() {
        return registries.hasPassphrase();
    }

    /**
     * The workspace key, unlocked with {@code passphrase} (wiped here); created and audited on first use. A wrong
     * passphrase is a {@link io.slipway.core.common.UserFacingException} that says so.
     */
    public SigningKey signingKey(char[] passphrase) {
        CredentialVault vault;
        try {
            vault = registries.unlock(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        try {
            return SigningKey.open(jdbc, vault, audit, clock);
        } finally {
            vault.destroy();
        }
    }

    public AuditExporter exporter() {
        return new AuditExporter(audit, clock, workspace.toString());
    }

    /** Exports what {@code filter} chooses; signed when {@code passphrase} is given (it is wiped). */
    public AuditExporter.Result export(Path out, ExportFormat format, AuditFilter filter, boolean csvBom,
                                       Optional<char[]> passphrase) {
        Optional<SigningKey> key = passphrase.map(this::signingKey);
        return exporter().export(new AuditExporter.Request(out, format, filter, csvBom, key));
    }
}
