package io.slipway.core.registry;

import io.slipway.core.common.UserFacingException;

/**
 * Opens a registry the user stored in the workspace (URL, CA, encrypted credentials), by name, as the
 * {@link RegistryAccess} a deploy uses. Implemented by the registry client; {@link #UNAVAILABLE} until it is wired
 * into {@code SlipwayCore}.
 */
@FunctionalInterface
public interface RegistryAccessFactory {
    RegistryAccessFactory UNAVAILABLE = name -> {
        throw new UserFacingException("Stored registries are not available in this build (registry '" + name
                + "'); give --registry-url and --registry-user, with the password in $SLIPWAY_REGISTRY_PASSWORD.");
    };

    /** The stored registry {@code name}; a {@link UserFacingException} naming it when there is none. */
    RegistryAccess open(String name);
}
