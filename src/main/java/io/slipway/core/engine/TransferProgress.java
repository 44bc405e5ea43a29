package io.slipway.core.engine;

/**
 * Progress of a pull or push. Bytes are summed over layers, from the engine's counts or, where it reports only layer
 * states (podman), from the layer sizes known before the transfer ({@link TransferTracker}); {@code bytesTotal} is -1
 * when no size is known, and then only layers advance.
 */
public record TransferProgress(long bytesDone, long bytesTotal, int layersDone, int layersTotal, String status) {
    public double fraction() {
        if (bytesTotal > 0) {
            return Math.min(1.0, (double) bytesDone / bytesTotal);
        }
        return layersTotal > 0 ? (double) layersDone / layersTotal : 0.0;
    }
}
