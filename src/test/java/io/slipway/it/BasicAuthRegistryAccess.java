package io.slipway.it;

import io.slipway.core.registry.AccessDecision;
import io.slipway.core.registry.RegistryAccess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * A small but real {@link RegistryAccess} for the tests (the registry client proper is another branch): Basic auth
 * against the TLS test registry with java.net.http. Access to a repository = {@code GET /v2/<repo>/tags/list} with
 * the credentials: 200 approved, 401 denied; for a push, 404 (repository not created yet) with accepted
 * credentials is approved too.
 */
public final class BasicAuthRegistryAccess implements RegistryAccess {
    private final String host;
    private final String user;
    private final char[] password;
    private final HttpClient http;

    public BasicAuthRegistryAccess(String host, String user, char[] password, SSLContext ssl) {
        this.host = host;
        this.user = user;
        this.password = password.clone();
        this.http = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The test registry with the test credentials. */
    public static BasicAuthRegistryAccess testRegistry() {
        return new BasicAuthRegistryAccess(TestEnvironment.registry(), TestEnvironment.registryUser(),
                TestEnvironment.registryPassword().toCharArray(), TestEnvironment.registrySslContext());
    }

    /** The test registry with a wrong password. */
    public static BasicAuthRegistryAccess wrongPassword() {
        return new BasicAuthRegistryAccess(TestEnvironment.registry(), TestEnvironment.registryUser(),
                (TestEnvironment.registryPassword() + "-wrong").toCharArray(), TestEnvironment.registrySslContext());
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public AccessDecision requestAccess(List<String> repositories, boolean push) {
        List<String> problems = new ArrayList<>();
        for (String repo : repositories) {
            int status = tagsList(repo);
            if (status == 200 || push && status == 404) {
                continue;
            }
            problems.add(repo + ": " + (status == 401 ? "401 unauthorized (credentials rejected)"
                    : status == 404 ? "404 repository not found" : "HTTP " + status));
        }
        return problems.isEmpty() ? AccessDecision.approved(repositories)
                : AccessDecision.denied(repositories, String.join("; ", problems));
    }

    private int tagsList(String repo) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + new String(password))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://" + host + "/v2/" + repo + "/tags/list"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic).GET().build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("registry " + host + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public EngineCredentials engineCredentials() {
        return new EngineCredentials(host, user, password.clone());
    }
}
