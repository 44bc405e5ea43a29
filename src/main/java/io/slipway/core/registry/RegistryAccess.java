package io.slipway.core.registry;

import java.util.List;

/**
 * The seam between the deploy pipeline and the registry ("master server"): authenticate, check access,
 * and hand the engine what it needs to pull and push. Implemented over the OCI distribution API.
 */
public interface RegistryAccess {
    /** Host[:port] as image references name it, e.g. {@code 127.0.0.1:5443}. */
    String host();

    /** Authenticates (following the registry's Basic or Bearer challenge) and checks pull/push on each repository. */
    AccessDecision requestAccess(List<String> repositories, boolean push);

    /**
     * The layers (digest, size) an engine will transfer to pull {@code image} ({@code host/repo:tag}) from this
     * registry, read from its manifest before the pull, so progress can count bytes where the engine reports only
     * layer states. Empty when they cannot be known; never a reason to fail a pull.
     */
    default List<ImageLayer> imageLayers(String image) {
        return List.of();
    }

    /**
     * Credentials for the engine's own pull/push (docker-java {@code AuthConfig} fields), decrypted only for the
     * call and never written into a container's environment, command line or image.
     */
    EngineCredentials engineCredentials();

    /** Username/password (or identity token) as the Docker Engine API's X-Registry-Auth expects. */
    record EngineCredentials(String serverAddress, String username, char[] password) {
        @Override
        public String toString() {
            return "EngineCredentials[" + serverAddress + ", " + username + ", password=***]";
        }
    }
}
