package io.slipway.it.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A second CNCF distribution registry ({@code docker-registry}, the one Harbor runs underneath) configured for
 * token auth: TLS from {@link TestPki}'s CA, {@code auth.token} with the {@link TokenServer}'s realm, service and
 * issuer, and the token-signing certificate as {@code rootcertbundle}. Started and stopped by the test (its own
 * process, its own storage under a temp dir).
 */
public final class TokenAuthRegistry implements AutoCloseable {
    public static final String SERVICE = "slipway-token-registry";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path logFile;
    private final int port;
    private final TestPki pki;
    private final TokenServer tokens;
    private final HttpClient http;

    public TokenAuthRegistry(Path dir, TestPki pki, TokenServer tokens) throws Exception {
        this.pki = pki;
        this.tokens = tokens;
        Files.createDirectories(dir.resolve("data"));
        Path cert = TestPki.write(dir.resolve("server.crt"), pki.server.certPem() + pki.ca.certPem());
        Path key = TestPki.write(dir.resolve("server.key"), pki.server.keyPem());
        Path bundle = TestPki.write(dir.resolve("token-signer.crt"), pki.tokenSigner.certPem());
        this.http = HttpClient.newBuilder().sslContext(trusting(pki)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.logFile = dir.resolve("registry.log");
        Process started = null;
        int chosen = -1;
        for (int attempt = 0; attempt < 5 && started == null; attempt++) {
            chosen = freePort();
            Path config = TestPki.write(dir.resolve("config.yml"), """
                    version: 0.1
                    log:
                      level: info
                    storage:
                      filesystem:
                        rootdirectory: %s
                      delete:
                        enabled: true
                    http:
                      addr: 127.0.0.1:%d
                      secret: %s
                      tls:
                        certificate: %s
                        key: %s
                    auth:
                      token:
                        realm: %s
                        service: %s
                        issuer: %s
                        rootcertbundle: %s
                    """.formatted(dir.resolve("data"), chosen, Long.toHexString(System.nanoTime()), cert, key,
                    tokens.realm(), SERVICE, TokenServer.ISSUER, bundle));
            Process p;
            try {
                p = new ProcessBuilder("docker-registry", "serve", config.toString())
                        .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("docker-registry is not installed (scripts/test-env.sh install): "
                        + e.getMessage(), e);
            }
            if (waitReady(p, chosen)) {
                started = p;
            } else {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
                String log = Files.readString(logFile);
                if (!log.contains("address already in use")) {
                    throw new IllegalStateException("token-auth registry did not start:\n" + log);
                }
            }
        }
        if (started == null) {
            throw new IllegalStateException("token-auth registry found no free port");
        }
        this.process = started;
        this.port = chosen;
    }

    private boolean waitReady(Process p, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/v2/"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 401) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static SSLContext trusting(TestPki pki) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("ca", pki.ca.cert());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    public String url() {
        return "https://127.0.0.1:" + port;
    }

    public String host() {
        return "127.0.0.1:" + port;
    }

    public String log() throws IOException {
        return Files.readString(logFile);
    }

    /** The digest of what was pushed. */
    public record Pushed(String manifestDigest, String configDigest, long imageSize) {
    }

    /**
     * Pushes a small image (one gzip layer, a config with {@code labels}) as {@code repository:tag}, with a token
     * minted for push: the OCI upload protocol (POST, PUT ?digest=) and a manifest PUT.
     */
    public Pushed push(String repository, String tag, Map<String, String> labels) throws Exception {
        String token = tokens.mintFor(repository, "pull", "push");
        byte[] layer = gzip(("layer of " + repository + ":" + tag + "\n").getBytes(StandardCharsets.UTF_8));
        ObjectNode config = JSON.createObjectNode().put("architecture", "amd64").put("os", "linux");
        ObjectNode labelNode = config.putObject("config").putObject("Labels");
        labels.forEach(labelNode::put);
        config.putObject("rootfs").put("type", "layers").putArray("diff_ids").add("sha256:" + sha256(
                ("layer of " + repository + ":" + tag + "\n").getBytes(StandardCharsets.UTF_8)));
        byte[] configBytes = JSON.writeValueAsBytes(config);
        String layerDigest = uploadBlob(repository, token, layer);
        String configDigest = uploadBlob(repository, token, configBytes);
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json");
        manifest.putObject("config").put("mediaType", "application/vnd.oci.image.config.v1+json")
                .put("digest", configDigest).put("size", configBytes.length);
        manifest.putArray("layers").addObject().put("mediaType", "application/vnd.oci.image.layer.v1.tar+gzip")
                .put("digest", layerDigest).put("size", layer.length);
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/v2/" + repository
                        + "/manifests/" + tag)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifestBytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("manifest PUT: " + r.body()).isEqualTo(201);
        return new Pushed("sha256:" + sha256(manifestBytes), configDigest, layer.length + configBytes.length);
    }

    private String uploadBlob(String repository, String token, byte[] data) throws Exception {
        String digest = "sha256:" + sha256(data);
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(url() + "/v2/" + repository
                + "/blobs/uploads/")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).as("upload POST: " + start.body()).isEqualTo(202);
        URI location = URI.create(url()).resolve(start.headers().firstValue("Location").orElseThrow());
        String sep = location.getRawQuery() == null ? "?" : "&";
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(location + sep + "digest=" + digest))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as("upload PUT: " + put.body()).isEqualTo(201);
        return digest;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    static String sha256(byte[] data) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
