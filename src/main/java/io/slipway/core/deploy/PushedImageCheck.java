package io.slipway.core.deploy;

import io.slipway.core.common.Cancellation;
import io.slipway.core.engine.EngineClient;

/**
 * A check a deploy runs on each node after the push, with the environment container still running and the build
 * output still in it: an upgrade's run check. Its verdict decides whether the node's new version is recorded
 * ({@link Verdict#commit()}) or rolled back: the new image is kept under a {@code -rolled-back} tag, loses its own tag,
 * and the node keeps reporting the version it had (the node ends {@link NodeDeployState#ROLLED_BACK}). Called on the
 * node's pipeline thread; may take as long as it watches (an abort cancels {@code cancel}).
 */
@FunctionalInterface
public interface PushedImageCheck {
    Verdict check(Context context);

    /** Commit (record the new version) or roll back, with a detail for the step record. */
    record Verdict(boolean commit, String detail) {
    }

    /**
     * What the check may use: the node's engine client (its time counts as engine time), the deploy's label id,
     * the environment image and its running container, the parsed contract (run-command, health-command, output
     * path), the software@version and the pushed image, and the node's cancellation.
     */
    record Context(String node, EngineClient engine, String deployUid, String envImage, String envContainerId,
                   BuildEnvContract contract, String software, String version, String softwareImage,
                   Cancellation cancel) {
    }
}
