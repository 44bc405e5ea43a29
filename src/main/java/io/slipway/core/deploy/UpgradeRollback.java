package io.slipway.core.deploy;

import io.slipway.core.engine.ContainerWatch;
import io.slipway.core.engine.EngineClient;
import io.slipway.core.engine.ImageRef;
import io.slipway.core.engine.SlipwayLabels;

/**
 * Rolls a node back after an abnormal run check: the new software image is kept for inspection under
 * {@code <tag>-rolled-back} and loses its own tag, so the node probe no longer counts it as installed
 * ({@link SlipwayLabels#isRolledBack}) and the node keeps reporting the version it had.
 */
final class UpgradeRollback {
    private UpgradeRollback() {
    }

    /** Returns the reference the image is kept under. */
    static String mark(EngineClient engine, ImageRef softwareRef, String imageId) {
        ImageRef kept = new ImageRef(softwareRef.registry(), softwareRef.path(),
                ImageRef.sanitizeTag(softwareRef.tagOrDefault() + SlipwayLabels.ROLLED_BACK_TAG_SUFFIX), null);
        ContainerWatch.tag(engine, imageId != null ? imageId : softwareRef.toString(), kept);
        engine.removeImage(softwareRef.toString(), false); // drops the tag only: the image still has the kept one
        return kept.toString();
    }
}
