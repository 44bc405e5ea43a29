package io.slipway.core.engine;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a Docker Engine API listens: {@code unix:///path/to.sock}, {@code tcp://host:port}, or {@code tcp://host:port}
 * with TLS client certificates ({@code tlsCertDir} holding {@code ca.pem}, {@code cert.pem}, {@code key.pem}, the
 * layout {@code DOCKER_CERT_PATH} uses).
 */
public record EngineEndpoint(String dockerHost, Path tlsCertDir) {
    public EngineEndpoint {
        dockerHost = validate(dockerHost);
        if (tlsCertDir != null && !dockerHost.startsWith("tcp://")) {
            throw new IllegalArgumentException("TLS client certificates only apply to tcp:// endpoints, not " + dockerHost);
        }
    }

    public static EngineEndpoint of(String dockerHost) {
        return new EngineEndpoint(dockerHost, null);
    }

    public Optional<Path> tls() {
        return Optional.ofNullable(tlsCertDir);
    }

    /** Checks the form of an endpoint; the message is meant for the user. */
    public static String validate(String dockerHost) {
        if (dockerHost == null || dockerHost.isBlank()) {
            throw new IllegalArgumentException("endpoint is empty; use unix:///path/docker.sock or tcp://host:port");
        }
        String h = dockerHost.trim();
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("unix://")) {
            if (!h.startsWith("unix:///") || h.length() <= "unix:///".length()) {
                throw new IllegalArgumentException("endpoint " + h + ": a unix socket needs an absolute path, "
                        + "e.g. unix:///var/run/docker.sock");
            }
            return h;
        }
        if (lower.startsWith("tcp://")) {
            URI uri;
            try {
                uri = URI.create(h);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("endpoint " + h + " is not a valid tcp://host:port address", e);
            }
            if (uri.getHost() == null || uri.getPort() < 1) {
                throw new IllegalArgumentException("endpoint " + h + " needs a host and a port, e.g. tcp://10.0.0.5:2376");
            }
            return h;
        }
        throw new IllegalArgumentException("endpoint " + h + " must start with unix:// or tcp://");
    }

    /** Checks that the TLS directory holds the three files the Docker client expects. */
    public void checkTlsFiles() {
        if (tlsCertDir == null) {
            return;
        }
        for (String f : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
            if (!Files.isReadable(tlsCertDir.resolve(f))) {
                throw new IllegalArgumentException("TLS directory " + tlsCertDir + " of " + dockerHost + " lacks a readable "
                        + f + " (expected ca.pem, cert.pem, key.pem)");
            }
        }
    }

    @Override
    public String toString() {
        return tlsCertDir == null ? dockerHost : dockerHost + " (TLS " + tlsCertDir + ")";
    }
}
