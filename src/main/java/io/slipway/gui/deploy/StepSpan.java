package io.slipway.gui.deploy;

import io.slipway.core.deploy.NodeDeployState;

/** One finished step of one node for the timeline: offset from the deploy's start and duration, in seconds. */
public record StepSpan(String node, NodeDeployState step, double startSeconds, double seconds, String outcome) {
}
