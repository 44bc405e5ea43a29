package io.slipway.core.deploy;

import io.slipway.core.engine.ImageRef;
import io.slipway.core.inventory.Node;
import java.util.List;

/**
 * A deploy to start: software@version on some nodes.
 *
 * @param envImage            build-environment image; null means {@code <registry>/slipway/buildenv/<software>:<version>}
 * @param softwareRepository  repository path for the software images; null means {@code slipway/software/<software>}
 * @param parallelism         how many nodes run at once (the executor must offer at least that many threads, and
 *                            one more for the deploy's workspace writer)
 * @param keepFailedContainers keep the environment container of a failed node for debugging
 * @param retryOf             the deploy this one retries (its leftover containers on these nodes are removed first)
 */
public record DeployRequest(String software, String version, List<Node> nodes, boolean forced, int parallelism,
                            String envImage, String softwareRepository, boolean keepFailedContainers, Long retryOf) {
    public static final String DEFAULT_ENV_REPOSITORY = "slipway/buildenv";
    public static final String DEFAULT_SOFTWARE_REPOSITORY = "slipway/software";

    public DeployRequest {
        nodes = List.copyOf(nodes);
        if (software == null || software.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("software and version are required");
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no nodes to deploy to");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        if (nodes.stream().map(Node::name).distinct().count() != nodes.size()) {
            throw new IllegalArgumentException("a node is listed twice");
        }
    }

    public static DeployRequest of(String software, String version, List<Node> nodes) {
        return new DeployRequest(software, version, nodes, false, 4, null, null, false, null);
    }

    public DeployRequest withForced(boolean f) {
        return new DeployRequest(software, version, nodes, f, parallelism, envImage, softwareRepository,
                keepFailedContainers, retryOf);
    }

    public DeployRequest withParallelism(int p) {
        return new DeployRequest(software, version, nodes, forced, p, envImage, softwareRepository, keepFailedContainers,
                retryOf);
    }

    public DeployRequest withEnvImage(String ref) {
        return new DeployRequest(software, version, nodes, forced, parallelism, ref, softwareRepository,
                keepFailedContainers, retryOf);
    }

    public DeployRequest withKeepFailedContainers(boolean keep) {
        return new DeployRequest(software, version, nodes, forced, parallelism, envImage, softwareRepository, keep,
                retryOf);
    }

    public DeployRequest withSoftwareRepository(String repo) {
        return new DeployRequest(software, version, nodes, forced, parallelism, envImage, repo, keepFailedContainers,
                retryOf);
    }

    /** The build-environment image on {@code registryHost}. */
    public ImageRef envImageOn(String registryHost) {
        String ref = envImage != null ? envImage
                : DEFAULT_ENV_REPOSITORY + "/" + ImageRef.sanitizePath(software) + ":" + ImageRef.sanitizeTag(version);
        return ImageRef.parse(ref).onRegistry(registryHost);
    }

    /** The software image a node builds: {@code <registry>/<repository>:<version>-<node>}. */
    public ImageRef softwareImageOn(String registryHost, String node) {
        String repo = softwareRepository != null ? softwareRepository
                : DEFAULT_SOFTWARE_REPOSITORY + "/" + ImageRef.sanitizePath(software);
        return ImageRef.parse(repo + ":" + ImageRef.sanitizeTag(version + "-" + node)).onRegistry(registryHost);
    }
}
