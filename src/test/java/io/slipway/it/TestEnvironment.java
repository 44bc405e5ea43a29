package io.slipway.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The integration-test environment started by {@code scripts/test-env.sh start}, read from its
 * {@code SLIPWAY_TEST_*} variables. A missing variable is a failure, never a skip: an integration
 * test that silently does not run proves nothing.
 */
public final class TestEnvironment {

    /** The API version the client pins: Docker Engine 20.10 and podman 4.x both serve it. */
    public static final String DOCKER_API_VERSION = "1.41";

    private TestEnvironment() {
    }

    static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set: the integration-test"
                    + " environment is not running. Run `bash scripts/test.sh` (installs, starts the engines and"
                    + " the registry, runs `mvn verify`), or `eval \"$(scripts/test-env.sh start)\"` before"
                    + " running the ITs by hand.");
        }
        return value;
    }

    /** Docker hosts of every engine node, e.g. {@code unix:///tmp/slipway-testenv/n1/api.sock}. */
    public static List<String> nodes() {
        return Arrays.stream(require("SLIPWAY_TEST_NODES").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The node that is a real Docker Engine (dockerd), also listed in {@link #nodes()}. */
    public static String dockerdNode() {
        return require("SLIPWAY_TEST_DOCKERD_NODE");
    }

    /** {@code host:port} of the TLS registry. */
    public static String registry() {
        return require("SLIPWAY_TEST_REGISTRY");
    }

    /** PEM file of the CA that signed the registry's certificate. */
    public static Path registryCa() {
        Path ca = Path.of(require("SLIPWAY_TEST_REGISTRY_CA"));
        if (!Files.isReadable(ca)) {
            throw new IllegalStateException("SLIPWAY_TEST_REGISTRY_CA=" + ca + " is not readable: the environment"
                    + " was stopped? Restart it with `eval \"$(scripts/test-env.sh start)\"`.");
        }
        return ca;
    }

    public static String registryUser() {
        return require("SLIPWAY_TEST_REGISTRY_USER");
    }

    public static String registryPassword() {
        return require("SLIPWAY_TEST_REGISTRY_PASSWORD");
    }

    /** Busybox base image in the registry, {@code host:port/slipway/base:1}. */
    public static String baseImage() {
        return require("SLIPWAY_TEST_BASE_IMAGE");
    }

    public static AuthConfig registryAuth() {
        return new AuthConfig()
                .withRegistryAddress(registry())
                .withUsername(registryUser())
                .withPassword(registryPassword());
    }

    /** A docker-java client for one node, API version pinned. Close it after use. */
    public static DockerClient docker(String dockerHost) {
        DockerClientConfig cfg = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost)
                .withApiVersion(DOCKER_API_VERSION)
                .build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(cfg.getDockerHost())
                .sslConfig(cfg.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofSeconds(120))
                .build();
        return DockerClientImpl.getInstance(cfg, http);
    }

    /** TLS context that trusts the registry's CA and nothing else. */
    public static SSLContext registrySslContext() {
        try (InputStream in = Files.newInputStream(registryCa())) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("slipway-test-registry-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context from " + registryCa(), e);
        }
    }
}
