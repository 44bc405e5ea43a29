package io.slipway.cli;

import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.Registries;
import io.slipway.core.registry.RegistryAccess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code deploy --registry-url URL --registry-user USER [--registry-ca FILE]} with the password in
 * {@code $SLIPWAY_REGISTRY_PASSWORD}: a registry used without storing it (scripts, CI). The password is never taken
 * from the command line.
 */
final class AdHocRegistry {
    static final String PASSWORD_ENV = "SLIPWAY_REGISTRY_PASSWORD";

    private AdHocRegistry() {
    }

    static RegistryAccess open(Registries registries, String url, String user, Path caFile, String password) {
        if (user == null || user.isBlank()) {
            throw new UserFacingException("--registry-url needs --registry-user too.");
        }
        if (password == null || password.isEmpty()) {
            throw new UserFacingException("Set the registry password in $" + PASSWORD_ENV
                    + " (it is never taken from the command line).");
        }
        URI uri = URI.create(url.contains("://") ? url : "https://" + url);
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new UserFacingException("--registry-url " + url + ": expected https://host[:port] (TLS is required).");
        }
        return registries.adHocAccess(uri, readCa(caFile), user, password.toCharArray());
    }

    private static String readCa(Path caFile) {
        if (caFile == null) {
            return null;
        }
        try {
            return Files.readString(caFile);
        } catch (IOException e) {
            throw new UserFacingException("--registry-ca " + caFile + ": cannot read it (" + e.getMessage() + ").", e);
        }
    }
}
