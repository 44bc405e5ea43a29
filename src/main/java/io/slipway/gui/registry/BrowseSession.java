package io.slipway.gui.registry;

import io.slipway.core.registry.CredentialVault;
import io.slipway.core.registry.OciRegistryClient;
import io.slipway.core.registry.OciRegistryClient.LoginResult;
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

    BrowseSession withRepositories(List<String> fresh) {
        return new BrowseSession(config, client, vault, login, fresh);
    }

    void close() {
        if (vault != null) {
            vault.destroy();
        }
    }
}
