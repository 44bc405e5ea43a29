package io.slipway.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.slipway.core.registry.ImageLayer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays pull and push event streams captured from the real engines of the test environment (podman 4.3's compatible
 * API, Docker Engine 20.10; {@code io.slipway.it.TransferEventCapture}) with the registry's manifest of each image.
 */
class TransferTrackerTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void podmanPullCountsBytesFromTheManifestAsLayersComplete() {
        List<ImageLayer> layers = manifestLayers("podman-pull");
        long sum = layers.stream().mapToLong(ImageLayer::size).sum();
        TransferTracker t = TransferTracker.forPull(layers);

        TransferProgress start = t.started("pulling").orElseThrow();
        List<TransferProgress> seen = replay(t, "podman-pull");

        assertThat(start.bytesTotal()).isEqualTo(sum);
        assertThat(start.bytesDone()).isZero();
        assertThat(seen).allSatisfy(p -> {
            assertThat(p.bytesTotal()).isEqualTo(sum);
            assertThat(p.layersTotal()).isEqualTo(3); // the config blob podman also reports is not a layer
        });
        // podman says "Already exists" for the base layer first, then completes the other two
        assertThat(seen.get(0).bytesDone()).isEqualTo(layers.get(0).size());
        assertThat(seen).extracting(TransferProgress::bytesDone).isSorted();
        TransferProgress last = seen.get(seen.size() - 1);
        assertThat(last.bytesDone()).isEqualTo(sum);
        assertThat(last.layersDone()).isEqualTo(3);
        assertThat(t.completed()).isEqualTo(new TransferProgress(sum, sum, 3, 3, "complete"));
    }

    @Test
    void podmanPullWithoutTheManifestFallsBackToLayers() {
        TransferTracker t = TransferTracker.forPull(List.of());
        assertThat(t.started("pulling")).isEmpty();
        List<TransferProgress> seen = replay(t, "podman-pull");

        assertThat(seen).allSatisfy(p -> assertThat(p.bytesTotal()).isEqualTo(-1));
        TransferProgress last = seen.get(seen.size() - 1);
        assertThat(last.layersDone()).isEqualTo(last.layersTotal()); // layers (and podman's config blob) all done
        assertThat(last.fraction()).isEqualTo(1.0);
    }

    @Test
    void dockerdPullPrefersTheEnginesByteCounts() {
        List<ImageLayer> layers = manifestLayers("dockerd-pull");
        long sum = layers.stream().mapToLong(ImageLayer::size).sum();
        TransferTracker t = TransferTracker.forPull(layers);
        List<TransferProgress> seen = replay(t, "dockerd-pull");

        assertThat(seen).allSatisfy(p -> assertThat(p.bytesTotal()).isEqualTo(sum));
        // base layer already there, then the engine's first count of the 3 MB layer: 32768 bytes of it
        assertThat(seen.get(3).bytesDone()).isEqualTo(layers.get(0).size() + 32_768);
        assertThat(seen).extracting(TransferProgress::bytesDone).isSorted();
        assertThat(seen.get(seen.size() - 1).bytesDone()).isEqualTo(sum);
        assertThat(seen.get(seen.size() - 1).layersDone()).isEqualTo(3);
    }

    @Test
    void dockerdPullWithoutTheManifestSumsTheEnginesTotals() {
        TransferTracker t = TransferTracker.forPull(List.of());
        List<TransferProgress> seen = replay(t, "dockerd-pull");
        TransferProgress last = seen.get(seen.size() - 1);
        // the engine names sizes only for the layers it downloads (301618 + 3002131 bytes)
        assertThat(last.bytesTotal()).isEqualTo(301_618 + 3_002_131);
        assertThat(last.bytesDone()).isEqualTo(last.bytesTotal());
    }

    @Test
    void dockerdPushCountsTheEnginesBytesCappedAtEachLayer() {
        long imageSize = 1_087_968 + 300_000 + 3_000_000;
        TransferTracker t = TransferTracker.forPush(imageSize, 3);
        List<TransferProgress> seen = replay(t, "dockerd-push");

        assertThat(seen).allSatisfy(p -> {
            assertThat(p.bytesTotal()).isEqualTo(imageSize);
            assertThat(p.bytesDone()).isLessThanOrEqualTo(imageSize);
        });
        assertThat(seen).extracting(TransferProgress::bytesDone).isSorted();
        assertThat(seen.get(seen.size() - 1).layersDone()).isEqualTo(3);
        assertThat(t.completed().bytesDone()).isEqualTo(imageSize);
    }

    @Test
    void podmanPushReportsNoLayersSoBytesJumpToTheImageSizeAtTheEnd() {
        long imageSize = manifestLayers("podman-push").stream().mapToLong(ImageLayer::size).sum();
        TransferTracker t = TransferTracker.forPush(imageSize, 3);

        assertThat(t.started("pushing")).hasValue(new TransferProgress(0, imageSize, 0, 3, "pushing"));
        assertThat(replay(t, "podman-push")).isEmpty();
        assertThat(t.completed()).isEqualTo(new TransferProgress(imageSize, imageSize, 3, 3, "complete"));
    }

    /** Feeds every captured event, as docker-java decodes it, to the tracker; returns the progress it reported. */
    private static List<TransferProgress> replay(TransferTracker t, String capture) {
        List<TransferProgress> out = new ArrayList<>();
        for (String line : resource(capture + ".jsonl").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            PullResponseItem item = read(line, PullResponseItem.class);
            ResponseItem.ProgressDetail d = item.getProgressDetail();
            t.apply(item.getId(), item.getStatus(), d == null ? null : d.getCurrent(), d == null ? null : d.getTotal())
                    .ifPresent(out::add);
        }
        return out;
    }

    private static List<ImageLayer> manifestLayers(String capture) {
        List<ImageLayer> out = new ArrayList<>();
        for (JsonNode l : read(resource(capture + ".manifest.json"), JsonNode.class).path("layers")) {
            out.add(new ImageLayer(l.path("digest").asText(), l.path("size").asLong()));
        }
        return out;
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TransferTrackerTest.class.getResourceAsStream("/transfer-events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
