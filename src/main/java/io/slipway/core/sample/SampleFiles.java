package io.slipway.core.sample;

import java.util.List;
import java.util.Map;

/** The JSON shapes of the sample files (see sample/README.md). */
final class SampleFiles {
    private SampleFiles() {
    }

    record Fleet(List<FleetNode> nodes) {
    }

    record FleetNode(String name, String endpoint, List<String> groups, String notes, Map<String, String> installed) {
    }

    record Offer(String name, String createdAt, Map<String, String> offered) {
    }

    record Deploys(List<SampleDeploy> deploys) {
    }

    record SampleDeploy(String software, String version, boolean forced, String state, String startedAt,
                        String finishedAt, List<SampleDeployNode> nodes) {
    }

    record SampleDeployNode(String node, String state, String detail, Long durationMs, String envImage,
                            String envDigest, String softwareImage, String softwareDigest) {
    }

    record ReleaseSet(String name, String version, List<ReleaseSetComponent> components) {
    }

    record ReleaseSetComponent(String id, String name, String version, String type, int mode,
                               @com.fasterxml.jackson.annotation.JsonProperty("native") String nativeId,
                               String supplier, String licence, String copyright, String sourceDir, String binaryDir,
                               String downloadLocation) {
    }
}
