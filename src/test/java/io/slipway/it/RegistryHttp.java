package io.slipway.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads manifests and image configs straight from the test registry, to check what a deploy pushed. */
final class RegistryHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPT = "application/vnd.docker.distribution.manifest.v2+json,"
            + "application/vnd.oci.image.manifest.v1+json";
    private static final String INDEX_ACCEPT = "application/vnd.oci.image.index.v1+json,"
            + "application/vnd.docker.distribution.manifest.list.v2+json";

    record Manifest(String digest, JsonNode body, Map<String, String> labels) {
    }

    private final HttpClient http = HttpClient.newBuilder().sslContext(TestEnvironment.registrySslContext())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString((TestEnvironment.registryUser() + ":"
            + TestEnvironment.registryPassword()).getBytes(StandardCharsets.UTF_8));

    /** The manifest of {@code repo:tag} with its digest and the image config's labels, if the tag exists. */
    Optional<Manifest> manifest(String repo, String tag) throws Exception {
        HttpResponse<String> m = get("/v2/" + repo + "/manifests/" + tag, ACCEPT);
        if (m.statusCode() == 404) {
            return Optional.empty();
        }
        if (m.statusCode() != 200) {
            throw new IllegalStateException("manifest " + repo + ":" + tag + ": HTTP " + m.statusCode() + " " + m.body());
        }
        JsonNode body = JSON.readTree(m.body());
        String digest = m.headers().firstValue("Docker-Content-Digest").orElseThrow();
        String config = body.path("config").path("digest").asText();
        HttpResponse<String> c = get("/v2/" + repo + "/blobs/" + config, "*/*");
        Map<String, String> labels = new LinkedHashMap<>();
        JSON.readTree(c.body()).path("config").path("Labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return Optional.of(new Manifest(digest, body, labels));
    }

    /** What the registry reports as the digest of {@code repo:reference} ({@code Docker-Content-Digest} of a HEAD). */
    String digest(String repo, String reference) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://" + TestEnvironment.registry() + "/v2/" + repo
                        + "/manifests/" + reference)).timeout(Duration.ofSeconds(20)).header("Authorization", auth)
                .header("Accept", ACCEPT + "," + INDEX_ACCEPT).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<Void> r = http.send(req, HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HEAD manifest " + repo + ":" + reference + ": HTTP " + r.statusCode());
        }
        return r.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://" + TestEnvironment.registry() + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", auth).header("Accept", accept).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }
}
