package io.slipway.cli;

import io.slipway.core.common.UserFacingException;
import io.slipway.core.registry.AccessDecision;
import io.slipway.core.registry.RegistryAccess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Interim registry access for {@code deploy --registry-url URL --registry-user USER} until stored registries arrive:
 * HTTPS with Basic auth (the password from {@code $SLIPWAY_REGISTRY_PASSWORD}, never on the command line), TLS
 * verified against the system trust store or {@code --registry-ca FILE}. Access to a repository is checked with
 * {@code GET /v2/<repo>/tags/list}: 200 approved, 401/403 denied; for a push a 404 (not created yet) is approved.
 */
final class EnvPasswordRegistryAccess implements RegistryAccess {
    static final String PASSWORD_ENV = "SLIPWAY_REGISTRY_PASSWORD";

    private final String host;
    private final String user;
    private final char[] password;
    private final HttpClient http;

    private EnvPasswordRegistryAccess(String host, String user, char[] password, SSLContext ssl) {
        this.host = host;
        this.user = user;
        this.password = password;
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static EnvPasswordRegistryAccess create(String url, String user, Path caFile, String password) {
        if (user == null || user.isBlank()) {
            throw new UserFacingException("--registry-url needs --registry-user too.");
        }
        if (password == null || password.isEmpty()) {
            throw new UserFacingException("Set the registry password in $" + PASSWORD_ENV
                    + " (it is never taken from the command line).");
        }
        String u = url.contains("://") ? url : "https://" + url;
        URI uri = URI.create(u);
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new UserFacingException("--registry-url " + url + ": expected https://host[:port] (TLS is required).");
        }
        String host = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        return new EnvPasswordRegistryAccess(host, user, password.toCharArray(), ssl(caFile));
    }

    private static SSLContext ssl(Path caFile) {
        try {
            if (caFile == null) {
                return SSLContext.getDefault();
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(caFile)) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trust.setCertificateEntry("ca-" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new UserFacingException("Cannot use --registry-ca " + caFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public AccessDecision requestAccess(List<String> repositories, boolean push) {
        List<String> problems = new ArrayList<>();
        for (String repo : repositories) {
            int status = status(repo);
            if (status == 200 || push && status == 404) {
                continue;
            }
            problems.add(repo + ": " + switch (status) {
                case 401 -> "401 unauthorized (credentials rejected)";
                case 403 -> "403 forbidden";
                case 404 -> "404 repository not found";
                default -> "HTTP " + status;
            });
        }
        return problems.isEmpty() ? AccessDecision.approved(repositories)
                : AccessDecision.denied(repositories, String.join("; ", problems));
    }

    private int status(String repo) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + new String(password))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://" + host + "/v2/" + repo + "/tags/list"))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Basic " + basic).GET().build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("registry " + host + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking registry " + host, e);
        }
    }

    @Override
    public EngineCredentials engineCredentials() {
        return new EngineCredentials(host, user, password.clone());
    }
}
