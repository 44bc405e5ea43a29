package io.slipway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every engine node of the test environment answers docker-java, and is the kind of engine it claims. */
class EngineNodesIT {

    static Stream<String> nodes() {
        return TestEnvironment.nodes().stream();
    }

    static Stream<String> podmanNodes() {
        String dockerd = TestEnvironment.dockerdNode();
        return TestEnvironment.nodes().stream().filter(n -> !n.equals(dockerd));
    }

    @Test
    void atLeastThreeNodesIncludingTheDockerdOne() {
        assertThat(TestEnvironment.nodes())
                .hasSizeGreaterThanOrEqualTo(3)
                .doesNotHaveDuplicates()
                .contains(TestEnvironment.dockerdNode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void pingsAndReportsVersion(String node) throws Exception {
        try (DockerClient docker = TestEnvironment.docker(node)) {
            docker.pingCmd().exec();
            Version v = docker.versionCmd().exec();
            assertThat(v.getVersion()).as("engine version of %s", node).isNotBlank();
            assertThat(v.getApiVersion()).as("API version of %s", node).isNotBlank();
            // The client pins 1.41; the engine must serve at least that.
            assertThat(apiLevel(v.getApiVersion())).as("API version of %s", node)
                    .isGreaterThanOrEqualTo(apiLevel(TestEnvironment.DOCKER_API_VERSION));
        }
    }

    @Test
    void dockerdNodeIsARealDockerEngine() throws Exception {
        try (DockerClient docker = TestEnvironment.docker(TestEnvironment.dockerdNode())) {
            Version v = docker.versionCmd().exec();
            // podman also lists an "Engine" component, but always next to "Podman Engine".
            assertThat(componentNames(v)).contains("Engine").noneMatch(n -> n.toLowerCase().contains("podman"));
            assertThat(v.getVersion()).doesNotContainIgnoringCase("podman");
            assertThat(v.getApiVersion()).isEqualTo("1.41");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("podmanNodes")
    void otherNodesArePodman(String node) throws Exception {
        try (DockerClient docker = TestEnvironment.docker(node)) {
            Version v = docker.versionCmd().exec();
            String platform = v.getPlatform() == null ? "" : Objects.toString(v.getPlatform().getName(), "");
            assertThat(String.join(",", componentNames(v)) + "," + platform)
                    .as("components/platform of %s", node)
                    .containsIgnoringCase("podman");
        }
    }

    /**
     * Pulls the base image from the TLS registry with the test credentials and runs it: proves each
     * engine trusts the registry's CA (certs.d), accepts the credentials, and can start containers.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void pullsBaseImageFromRegistryAndRunsIt(String node) throws Exception {
        String image = TestEnvironment.baseImage();
        try (DockerClient docker = TestEnvironment.docker(node)) {
            try {
                docker.removeImageCmd(image).withForce(true).exec(); // make the pull really hit the registry
            } catch (NotFoundException absent) {
                // not there yet: fine
            }
            docker.pullImageCmd(image)
                    .withAuthConfig(TestEnvironment.registryAuth())
                    .start()
                    .awaitCompletion(2, TimeUnit.MINUTES);
            assertThat(docker.inspectImageCmd(image).exec().getId()).isNotBlank();

            CreateContainerResponse created = docker.createContainerCmd(image)
                    .withCmd("sh", "-c", "echo slipway-ok; uname -s")
                    .withLabels(Map.of("io.slipway.it", "EngineNodesIT"))
                    // the dockerd node runs with --bridge=none: no default bridge to attach to
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                    .exec();
            try {
                docker.startContainerCmd(created.getId()).exec();
                int code = docker.waitContainerCmd(created.getId()).start().awaitStatusCode(60, TimeUnit.SECONDS);
                assertThat(code).isZero();
                assertThat(logs(docker, created.getId())).contains("slipway-ok", "Linux");
            } finally {
                docker.removeContainerCmd(created.getId()).withForce(true).exec();
            }
        }
    }

    private static List<String> componentNames(Version v) {
        return v.getComponents() == null ? List.of()
                : v.getComponents().stream().map(VersionComponent::getName).filter(Objects::nonNull).toList();
    }

    private static int apiLevel(String apiVersion) {
        String[] parts = apiVersion.split("\\.");
        return Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1]);
    }

    private static String logs(DockerClient docker, String id) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(false)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                })
                .awaitCompletion(30, TimeUnit.SECONDS);
        return out.toString();
    }
}
