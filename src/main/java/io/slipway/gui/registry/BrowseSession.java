package io.slipway.gui.registry;

import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.OciRegistryClient;
import io.slipway.core.registry.OciRegistryClient.LoginResult;
import io.slipway.core.registry.Registries;
import io.slipway.core.registry.RegistryConfig;
import java.util.List;

/**
 * An unlocked registry while the view browses it: the client, and the vault that opens its stored password per
 * request (the password itself is never held). {@link #close()} forgets the vault's key.
 *
 * @param vault null for a registry without stored credentials
 */
record BrowseSession(RegistryConfig config, OciRegistryClient client, CredentialVault vault, LoginResult login,
                     List<String> repositories) {
    BrowseSession {
        repositories = List.copyOf(repositories);
    }

    /**
     * Off the FX thread: unlocks the registry's credentials with {@code passphrase} (when it stores some), logs in
     * (audited as {@code registry.login}) and reads up to {@code maxRepositories} of the catalog. The passphrase is
     * wiped in every case; on failure the vault is closed again.
     */
    static BrowseSession open(Registries registries, RegistryConfig cfg, char[] passphrase, int maxRepositories) {
        CredentialVault vault = null;
        try {
            vault = cfg.hasCredentials() ? registries.unlock(passphrase) : null;
            LoginResult login = registries.login(cfg.name(), vault);
            OciRegistryClient client = registries.client(cfg.name(), vault);
            return new BrowseSession(cfg, client, vault, login, client.catalog(maxRepositories));
        } catch (RuntimeException e) {
            if (vault != null) {
                vault.destroy();
            }
            throw e;
        } finally {
            Registries.wipe(passphrase);
        }
    }

    BrowseSession withRepositories(List<String> fresh) {
        return new BrowseSession(config, client, vault, login, fresh);
    }

    void close() {
        if (vault != null) {
            vault.destroy();
        }
    }
}
