package io.slipway.core.engine;

/**
 * Progress of a pull or push. Bytes are summed over layers; {@code bytesTotal} is -1 while no layer size is known
 * (podman's Docker-compatible API reports layer states but no byte counts, so there only layers advance).
 */
public record TransferProgress(long bytesDone, long bytesTotal, int layersDone, int layersTotal, String status) {
    public double fraction() {
        if (bytesTotal > 0) {
            return Math.min(1.0, (double) bytesDone / bytesTotal);
        }
        return layersTotal > 0 ? (double) layersDone / layersTotal : 0.0;
    }
}
