package io.slipway.it;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import io.slipway.core.common.Cancellation;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.EngineEndpoint;
import io.slipway.core.engine.EngineTimeouts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Captures, byte for byte, the pull and push event streams of the real engines of the test environment (podman 4.3's
 * compatible API and Docker Engine) for a three-layer image, with the registry's manifest of each image, into
 * {@code src/test/resources/transfer-events/}. {@code TransferTrackerTest} replays them. Re-run (test environment
 * up, from the project directory) with:
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/test-classes:target/classes:$(cat cp.txt) io.slipway.it.TransferEventCapture
 * </pre>
 */
public final class TransferEventCapture {
    private static final Path OUT = Path.of("src/test/resources/transfer-events");

    private TransferEventCapture() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT);
        String podman = TestEnvironment.nodes().get(0);
        String otherPodman = TestEnvironment.nodes().get(1);
        String dockerd = TestEnvironment.dockerdNode();
        String tag = Long.toString(System.currentTimeMillis(), 36);
        String fromPodman = TestEnvironment.registry() + "/capture/from-podman:" + tag;
        String fromDockerd = TestEnvironment.registry() + "/capture/from-dockerd:" + tag;

        // podman builds and pushes; dockerd pulls that (new layers for it), builds its own and pushes; podman pulls it
        build(podman, fromPodman, 1);
        capture(podman, "POST", "/images/" + fromPodman.replace(":" + tag, "") + "/push?tag=" + tag, "podman-push");
        manifest("capture/from-podman", tag, "podman-push");
        capture(dockerd, "POST", "/images/create?fromImage=" + enc(fromPodman.replace(":" + tag, "")) + "&tag=" + tag,
                "dockerd-pull");
        manifest("capture/from-podman", tag, "dockerd-pull");
        build(dockerd, fromDockerd, 2);
        capture(dockerd, "POST", "/images/" + fromDockerd.replace(":" + tag, "") + "/push?tag=" + tag, "dockerd-push");
        manifest("capture/from-dockerd", tag, "dockerd-push");
        capture(otherPodman, "POST", "/images/create?fromImage=" + enc(fromDockerd.replace(":" + tag, "")) + "&tag="
                + tag, "podman-pull");
        manifest("capture/from-dockerd", tag, "podman-pull");
    }

    /** base + a 300 kB and a 3 MB layer of random bytes (incompressible, so transfers take several events). */
    private static void build(String endpoint, String tag, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(System.nanoTime() ^ seed);
        Map<String, byte[]> ctx = new LinkedHashMap<>();
        ctx.put("Dockerfile", ("FROM " + TestEnvironment.baseImage() + "\nCOPY small.bin /small.bin\nCOPY big.bin "
                + "/big.bin\n").getBytes(StandardCharsets.UTF_8));
        ctx.put("small.bin", random(rnd, 300_000));
        ctx.put("big.bin", random(rnd, 3_000_000));
        Path tar = Files.createTempFile("capture-ctx", ".tar");
        try (EngineClient engine = EngineClient.connect(EngineEndpoint.of(endpoint), EngineTimeouts.DEPLOY)) {
            Files.write(tar, DeployFixtures.tar(ctx, false));
            String base = TestEnvironment.baseImage();
            capture(endpoint, "POST", "/images/create?fromImage=" + enc(base.substring(0, base.lastIndexOf(':')))
                    + "&tag=" + base.substring(base.lastIndexOf(':') + 1), null);
            engine.buildImage(tar, tag, Map.of(), (l, err) -> { }, Cancellation.none());
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private static byte[] random(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return b;
    }

    /** One raw API call with the registry credentials in X-Registry-Auth; the answer is written as it came. */
    private static void capture(String endpoint, String method, String path, String name) throws IOException {
        DefaultDockerClientConfig cfg = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint).withApiVersion(TestEnvironment.DOCKER_API_VERSION).build();
        String auth = Base64.getUrlEncoder().encodeToString(("{\"username\":\"" + TestEnvironment.registryUser()
                + "\",\"password\":\"" + TestEnvironment.registryPassword() + "\",\"serveraddress\":\""
                + TestEnvironment.registry() + "\"}").getBytes(StandardCharsets.UTF_8));
        try (DockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(cfg.getDockerHost())
                .responseTimeout(Duration.ofMinutes(5)).build();
             DockerHttpClient.Response r = http.execute(DockerHttpClient.Request.builder()
                     .method(DockerHttpClient.Request.Method.valueOf(method)).path("/v1.41" + path)
                     .putHeader("X-Registry-Auth", auth).build());
             InputStream body = r.getBody()) {
            byte[] bytes = body.readAllBytes();
            if (r.getStatusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " on " + endpoint + ": HTTP " + r.getStatusCode()
                        + " " + new String(bytes, StandardCharsets.UTF_8));
            }
            if (name != null) {
                Files.write(OUT.resolve(name + ".jsonl"), bytes);
            }
        }
    }

    private static void manifest(String repo, String tag, String name) throws Exception {
        RegistryHttp.Manifest m = new RegistryHttp().manifest(repo, tag).orElseThrow();
        Files.writeString(OUT.resolve(name + ".manifest.json"), m.body().toPrettyString() + "\n");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
