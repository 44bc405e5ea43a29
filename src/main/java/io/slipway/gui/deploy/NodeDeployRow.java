package io.slipway.gui.deploy;

import io.slipway.core.deploy.NodeDeployRecord;
import io.slipway.gui.common.Formats;

/** What one deploy did on one node, as the detail table shows it. */
public record NodeDeployRow(String node, String state, String detail, String envImage, String softwareImage,
                            String duration, double seconds) {
    public static NodeDeployRow of(NodeDeployRecord n) {
        return new NodeDeployRow(n.node(), n.state(), Formats.orNone(n.detail()), image(n.envImage(), n.envDigest()),
                image(n.softwareImage(), n.softwareDigest()), Formats.durationMs(n.durationMs()),
                n.durationMs() == null ? 0 : n.durationMs() / 1000.0);
    }

    /** The image, and below it the digest shortened to what a human compares ({@code sha256:0123456789ab…}). */
    static String image(String image, String digest) {
        if (image == null || image.isBlank()) {
            return Formats.NONE;
        }
        if (digest == null || digest.isBlank()) {
            return image;
        }
        int colon = digest.indexOf(':');
        String hex = digest.substring(colon + 1);
        String shortDigest = digest.substring(0, colon + 1) + (hex.length() > 12 ? hex.substring(0, 12) + "…" : hex);
        return image + "\n" + shortDigest;
    }
}
