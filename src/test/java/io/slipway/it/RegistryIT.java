package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

/** The registry behaves like Harbor's core: TLS from its own CA, Basic auth, the base image inside. */
class RegistryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static HttpClient client(SSLContext ssl) {
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(TIMEOUT).build();
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("https://" + TestEnvironment.registry() + path)).timeout(TIMEOUT).GET();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anonymousRequestIsChallengedWithBasicAuth() throws Exception {
        HttpResponse<String> r = client(TestEnvironment.registrySslContext())
                .send(get("/v2/").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Basic realm="));
    }

    @Test
    void credentialsOpenTheCatalogWhichHoldsTheBaseImage() throws Exception {
        HttpClient http = client(TestEnvironment.registrySslContext());
        String auth = basic(TestEnvironment.registryUser(), TestEnvironment.registryPassword());

        HttpResponse<String> base = http.send(get("/v2/").header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(base.statusCode()).isEqualTo(200);
        assertThat(base.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");

        HttpResponse<String> catalog = http.send(get("/v2/_catalog").header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(strings(new ObjectMapper().readTree(catalog.body()).path("repositories")))
                .contains("slipway/base");

        // the tag the environment announces is the one stored
        String image = TestEnvironment.baseImage();
        String tag = image.substring(image.lastIndexOf(':') + 1);
        HttpResponse<String> tags = http.send(get("/v2/slipway/base/tags/list").header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tags.statusCode()).isEqualTo(200);
        assertThat(strings(new ObjectMapper().readTree(tags.body()).path("tags"))).contains(tag);
    }

    @Test
    void wrongPasswordIsRejected() throws Exception {
        HttpResponse<String> r = client(TestEnvironment.registrySslContext())
                .send(get("/v2/_catalog")
                        .header("Authorization", basic(TestEnvironment.registryUser(),
                                TestEnvironment.registryPassword() + "-wrong"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void defaultTrustStoreRefusesTheHandshake() throws Exception {
        // The registry's CA is private: a client that has not been given it must not connect.
        HttpClient http = client(SSLContext.getDefault());
        assertThatThrownBy(() -> http.send(get("/v2/").build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class)
                .hasStackTraceContaining("PKIX path building failed");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
