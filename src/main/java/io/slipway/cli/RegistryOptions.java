package io.slipway.cli;

import io.slipway.core.SlipwayCore;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.RegistryAccess;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The registry a command builds against (deploy, upgrade): a stored one ({@code --registry NAME}, its credentials
 * unlocked with the workspace passphrase), or one given by URL with {@code --registry-user} and the password in
 * {@code $SLIPWAY_REGISTRY_PASSWORD}.
 */
public final class RegistryOptions {
    @Option(names = "--registry", paramLabel = "NAME", description = "A stored registry.") String registryName;
    @Mixin PassphraseOptions passphrase;
    @Option(names = "--registry-url", paramLabel = "URL",
            description = "Registry https://host[:port] (until stored registries: with --registry-user and "
                    + "$" + AdHocRegistry.PASSWORD_ENV + ").") String registryUrl;
    @Option(names = "--registry-user", paramLabel = "USER") String registryUser;
    @Option(names = "--registry-ca", paramLabel = "FILE", description = "PEM CA(s) the registry's TLS certificate "
            + "is checked against (default: the system trust store).") Path registryCa;

    /** Opens the registry; {@code command} names the command in the message when none was given. */
    RegistryAccess open(SlipwayCore core, String command) {
        if (registryUrl != null) {
            if (registryName != null) {
                throw new UserFacingException("Give either --registry NAME or --registry-url, not both.");
            }
            return AdHocRegistry.open(core.registries(), registryUrl, registryUser, registryCa,
                    System.getenv(AdHocRegistry.PASSWORD_ENV));
        }
        if (registryName != null) {
            boolean sealed = core.registries().get(registryName).hasCredentials();
            char[] secret = sealed ? passphrase.read(false) : null;
            try {
                return core.registries().access(registryName, secret);
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
        }
        throw new UserFacingException(command + " needs a registry: --registry NAME, or --registry-url URL with "
                + "--registry-user USER and the password in $" + AdHocRegistry.PASSWORD_ENV + ".");
    }
}
