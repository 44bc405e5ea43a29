package io.slipway.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Images to browse, pushed to the test registry with the podman CLI on the storage of the environment's first
 * podman node: labelled images built {@code FROM} the base (labels only, so no container runs), and multi-platform
 * indexes made with {@code podman manifest create / add --arch / push --all} in OCI or Docker format.
 */
final class BrowseFixtures {
    /** How {@code podman manifest push} writes the index. */
    enum IndexFormat {
        OCI("oci"), DOCKER("v2s2");

        final String podmanName;

        IndexFormat(String podmanName) {
            this.podmanName = podmanName;
        }
    }

    /** One platform of an index: the image pushed for it and the platform podman writes into the index. */
    record PlatformImage(String reference, String arch, String variant) {
    }

    private BrowseFixtures() {
    }

    /** A repository name no earlier run used, e.g. {@code browse/app-1a2b3c4d}. */
    static String uniqueRepository(String name) {
        return "browse/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Pushes {@code registry/repository:tag}, the base image plus {@code labels}; returns the full reference. */
    static String labelledImage(String repository, String tag, Map<String, String> labels) throws Exception {
        String reference = TestEnvironment.registry() + "/" + repository + ":" + tag;
        Path context = Files.createTempDirectory("slipway-browse");
        try {
            StringBuilder file = new StringBuilder("FROM " + TestEnvironment.baseImage() + "\n");
            labels.forEach((k, v) -> file.append("LABEL ").append(k).append("=\"").append(v).append("\"\n"));
            Files.writeString(context.resolve("Containerfile"), file, StandardCharsets.UTF_8);
            podman("build", "--quiet", "--creds", creds(), "-t", reference, context.toString());
            podman("push", "--quiet", "--creds", creds(), reference);
            podman("rmi", reference);
        } finally {
            Files.deleteIfExists(context.resolve("Containerfile"));
            Files.deleteIfExists(context);
        }
        return reference;
    }

    /** Pushes an index of {@code images} as {@code registry/repository:tag}; returns the full reference. */
    static String index(String repository, String tag, IndexFormat format, List<PlatformImage> images)
            throws Exception {
        String local = "localhost/slipway-browse-index-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
        String reference = TestEnvironment.registry() + "/" + repository + ":" + tag;
        podman("manifest", "create", local);
        try {
            for (PlatformImage image : images) {
                List<String> add = new ArrayList<>(List.of("manifest", "add", "--creds", creds(), "--os", "linux",
                        "--arch", image.arch()));
                if (!image.variant().isEmpty()) {
                    add.addAll(List.of("--variant", image.variant()));
                }
                add.addAll(List.of(local, "docker://" + image.reference()));
                podman(add.toArray(String[]::new));
            }
            podman("manifest", "push", "--quiet", "--all", "--creds", creds(), "--format", format.podmanName, local,
                    "docker://" + reference);
        } finally {
            podman("manifest", "rm", local);
        }
        return reference;
    }

    private static String creds() {
        return TestEnvironment.registryUser() + ":" + TestEnvironment.registryPassword();
    }

    /** The podman CLI on node n1's storage (the node's API service shares it; podman locks it). */
    private static void podman(String... args) throws IOException, InterruptedException {
        Path node = TestEnvControl.stateDir().resolve("n1");
        List<String> cmd = new ArrayList<>(List.of("podman", "--root", node.resolve("root").toString(), "--runroot",
                node.resolve("run").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            // the arguments carry the registry password: name the sub-command only
            throw new IllegalStateException("podman " + args[0] + " " + (args.length > 1 ? args[1] : "")
                    + " failed: " + out.replace(TestEnvironment.registryPassword(), "***"));
        }
    }
}
