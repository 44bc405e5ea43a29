package io.slipway.core.engine;

import io.slipway.core.registry.ImageLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the event stream of one pull or push into {@link TransferProgress}.
 *
 * <p>What the engines send (captured from the real ones in {@code src/test/resources/transfer-events}): Docker Engine
 * reports bytes per layer ({@code progressDetail} current/total while Downloading or Pushing); podman 4.3's compatible
 * API reports only layer states on a pull (its blob ids include the image config) and nothing per layer on a push.
 * So bytes come from the engine where it counts them, else from sizes known before the transfer: a pull's layers as the
 * registry's manifest lists them (a layer counts with its full size once the engine says it is transferred), a push's
 * image size (reached when the push succeeds). With neither, {@code bytesTotal} stays -1 and only layers advance.
 *
 * <p>Not thread-safe: fed by one stream callback, then {@link #completed()} after the stream ended.
 */
final class TransferTracker {
    /** Engines name layers by the first 12 hex digits of the blob digest. */
    private static final int SHORT_ID = 12;

    private final Map<String, Long> expectedSizes = new LinkedHashMap<>();
    private final long expectedBytes;
    private final int expectedLayers;
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private String lastStatus = "";

    private static final class Layer {
        long size = -1;
        long current;
        boolean done;

        long bytesDone() {
            if (size < 0) {
                return current;
            }
            return done ? size : Math.min(current, size);
        }
    }

    private TransferTracker(List<ImageLayer> manifestLayers, long expectedBytes, int expectedLayers) {
        for (ImageLayer l : manifestLayers) {
            expectedSizes.put(shortId(l.digest()), l.size());
        }
        this.expectedBytes = expectedBytes;
        this.expectedLayers = expectedLayers;
    }

    /** A pull whose layers the registry's manifest listed (empty: unknown, the engine's counts only). */
    static TransferTracker forPull(List<ImageLayer> manifestLayers) {
        long bytes = manifestLayers.isEmpty() ? -1 : manifestLayers.stream().mapToLong(ImageLayer::size).sum();
        return new TransferTracker(manifestLayers, bytes, manifestLayers.size());
    }

    /** A push of an image of {@code bytes} in {@code layerCount} layers, as the engine lists it (-1/0: unknown). */
    static TransferTracker forPush(long bytes, int layerCount) {
        return new TransferTracker(List.of(), bytes > 0 ? bytes : -1, Math.max(0, layerCount));
    }

    /** The progress before any event, when something is known in advance (the bar then shows bytes at once). */
    Optional<TransferProgress> started(String status) {
        lastStatus = status;
        return expectedBytes > 0 || expectedLayers > 0 ? Optional.of(progress()) : Optional.empty();
    }

    /**
     * Applies one event of the engine's stream; returns the progress after it, or empty when the event is about no
     * layer of this transfer (status lines, podman's config blob, the "Pulling from" header).
     */
    Optional<TransferProgress> apply(String id, String status, Long current, Long total) {
        String s = status == null ? "" : status;
        if (id == null || id.isBlank() || s.startsWith("Pulling from")) {
            return Optional.empty();
        }
        String key = shortId(id);
        if (!expectedSizes.isEmpty() && !expectedSizes.containsKey(key)) {
            return Optional.empty();
        }
        Layer layer = layers.computeIfAbsent(key, k -> new Layer());
        if (expectedSizes.containsKey(key)) {
            layer.size = expectedSizes.get(key);
        } else if (total != null && total > 0) {
            layer.size = total;
        }
        if (current != null && current > 0) {
            // Docker restarts the count when it extracts a downloaded layer: keep the highest
            layer.current = Math.max(layer.current, current);
        }
        if (isTransferred(s)) {
            layer.done = true;
        }
        lastStatus = s;
        return Optional.of(progress());
    }

    /** The progress once the engine reported success: every layer and byte transferred. */
    TransferProgress completed() {
        for (Layer l : layers.values()) {
            l.done = true;
        }
        TransferProgress p = progress();
        return new TransferProgress(p.bytesTotal() > 0 ? p.bytesTotal() : p.bytesDone(), p.bytesTotal(),
                p.layersTotal(), p.layersTotal(), "complete");
    }

    private TransferProgress progress() {
        long done = 0;
        long knownSizes = 0;
        boolean anySize = false;
        int layersDone = 0;
        for (Layer l : layers.values()) {
            done += l.bytesDone();
            if (l.size >= 0) {
                knownSizes += l.size;
                anySize = true;
            }
            layersDone += l.done ? 1 : 0;
        }
        long total = expectedBytes > 0 ? expectedBytes : anySize ? knownSizes : -1;
        return new TransferProgress(total > 0 ? Math.min(done, total) : done, total, layersDone,
                Math.max(expectedLayers, layers.size()), lastStatus);
    }

    /** A layer is transferred once downloaded, found present, or pushed/mounted; extraction is not transfer. */
    static boolean isTransferred(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        return s.startsWith("download complete") || s.startsWith("pull complete") || s.startsWith("already exists")
                || s.startsWith("pushed") || s.startsWith("layer already exists") || s.startsWith("mounted from");
    }

    private static String shortId(String idOrDigest) {
        String hex = idOrDigest.startsWith("sha256:") ? idOrDigest.substring(7) : idOrDigest;
        return hex.length() > SHORT_ID ? hex.substring(0, SHORT_ID) : hex;
    }
}
