package io.slipway.core.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import java.net.URI;

/**
 * A docker-java client configuration whose JSON mapper is shared by every client. docker-java hands each client a
 * fresh copy of its mapper, so each new client (one per node per deploy) builds Jackson's serializers and
 * deserializers for the API model again: measured as the largest CPU cost of a deploy's client side, taken from the
 * engines on the same machine. An {@link ObjectMapper} is thread-safe once configured.
 */
record SharedMapperConfig(DockerClientConfig config) implements DockerClientConfig {
    private static final ObjectMapper MAPPER = DockerClientConfig.getDefaultObjectMapper();

    @Override
    public ObjectMapper getObjectMapper() {
        return MAPPER;
    }

    @Override
    public URI getDockerHost() {
        return config.getDockerHost();
    }

    @Override
    public RemoteApiVersion getApiVersion() {
        return config.getApiVersion();
    }

    @Override
    public String getRegistryUsername() {
        return config.getRegistryUsername();
    }

    @Override
    public String getRegistryPassword() {
        return config.getRegistryPassword();
    }

    @Override
    public String getRegistryEmail() {
        return config.getRegistryEmail();
    }

    @Override
    public String getRegistryUrl() {
        return config.getRegistryUrl();
    }

    @Override
    public AuthConfig effectiveAuthConfig(String imageName) {
        return config.effectiveAuthConfig(imageName);
    }

    @Override
    public AuthConfigurations getAuthConfigurations() {
        return config.getAuthConfigurations();
    }

    @Override
    public SSLConfig getSSLConfig() {
        return config.getSSLConfig();
    }
}
