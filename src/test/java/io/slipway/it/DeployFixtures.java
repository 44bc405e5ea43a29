package io.slipway.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.core.command.PushImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.slipway.core.engine.SlipwayLabels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds, from the busybox base image of the test registry, a software package and its build environment, and pushes
 * both to the TLS registry:
 * <ul>
 *   <li>package image {@code slipway/packages/<sw>:<ver>} ({@code FROM scratch}): {@code /package/<sw>-src.tar.gz},
 *       a source tree with a real build script ({@code build.sh}) that generates a program from a template, runs it,
 *       and writes a checksum manifest using the toolchain;</li>
 *   <li>build environment {@code slipway/buildenv/<sw>:<ver>} ({@code FROM} the base): a toolchain installer, and the
 *       label contract of {@code docs/labels.md}.</li>
 * </ul>
 * Images are built on one node through the Docker Engine API, pushed, and removed from that node again, so every
 * deploy really pulls them.
 */
final class DeployFixtures {
    static final String DATA = "/data";
    static final String OUTPUT = "/out";

    /** Variations for the failure scenarios and the benchmarks. */
    record Variant(String omitLabel, int buildExitCode, int buildSleepSeconds, long extraOutputBytes) {
        static final Variant NORMAL = new Variant(null, 0, 0, 0);

        Variant withoutLabel(String label) {
            return new Variant(label, buildExitCode, buildSleepSeconds, extraOutputBytes);
        }

        Variant failingWith(int code) {
            return new Variant(omitLabel, code, buildSleepSeconds, extraOutputBytes);
        }

        Variant sleeping(int seconds) {
            return new Variant(omitLabel, buildExitCode, seconds, extraOutputBytes);
        }

        Variant withOutputBytes(long bytes) {
            return new Variant(omitLabel, buildExitCode, buildSleepSeconds, bytes);
        }
    }

    record Published(String software, String version, String envImage, String packageImage) {
    }

    private DeployFixtures() {
    }

    static Published publish(String software, String version, Variant variant) throws Exception {
        return publish(software, version, variant, Map.of());
    }

    /** With {@code extraLabels} on the build environment (an upgrade's run-command and health-command). */
    static Published publish(String software, String version, Variant variant, Map<String, String> extraLabels)
            throws Exception {
        String registry = TestEnvironment.registry();
        String pkgPath = "slipway/packages/" + software + ":" + version;
        String pkgImage = registry + "/" + pkgPath;
        String envImage = registry + "/slipway/buildenv/" + software + ":" + version;
        String builder = TestEnvironment.nodes().get(0);
        try (DockerClient docker = TestEnvironment.docker(builder)) {
            docker.pullImageCmd(TestEnvironment.baseImage()).withAuthConfig(TestEnvironment.registryAuth()).start()
                    .awaitCompletion(2, TimeUnit.MINUTES);

            // the package: a source tarball in a data-only image
            Map<String, byte[]> pkgCtx = new LinkedHashMap<>();
            pkgCtx.put("Dockerfile", ("FROM scratch\nCOPY " + software + "-src.tar.gz /package/\n").getBytes(StandardCharsets.UTF_8));
            pkgCtx.put(software + "-src.tar.gz", sourceTarball(software, version, variant));
            build(docker, pkgCtx, pkgImage, Map.of("org.opencontainers.image.title", software + " sources"));

            // the build environment: toolchain installer + label contract
            Map<String, byte[]> envCtx = new LinkedHashMap<>();
            envCtx.put("Dockerfile", ("FROM " + TestEnvironment.baseImage() + "\nCOPY install-toolchain.sh /opt/toolchain/install.sh\n")
                    .getBytes(StandardCharsets.UTF_8));
            envCtx.put("install-toolchain.sh", INSTALL_TOOLCHAIN.getBytes(StandardCharsets.UTF_8));
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(SlipwayLabels.ENV_PACKAGE, pkgPath);
            labels.put(SlipwayLabels.ENV_DATA_VOLUME, DATA);
            labels.put(SlipwayLabels.ENV_TRANSFER_PORT, "8080/tcp");
            labels.put(SlipwayLabels.ENV_TOOLCHAIN_INSTALL, "sh /opt/toolchain/install.sh");
            labels.put(SlipwayLabels.ENV_BUILD_COMMAND, "set -e; rm -rf /work; mkdir -p /work; "
                    + "tar -xzf package/" + software + "-src.tar.gz -C /work; sh /work/" + software + "/build.sh " + OUTPUT);
            labels.put(SlipwayLabels.ENV_OUTPUT_PATH, OUTPUT);
            labels.putAll(extraLabels);
            if (variant.omitLabel() != null) {
                labels.remove(variant.omitLabel());
            }
            build(docker, envCtx, envImage, labels);

            for (String image : new String[] {pkgImage, envImage}) {
                docker.pushImageCmd(image).withAuthConfig(TestEnvironment.registryAuth())
                        .exec(new PushImageResultCallback()).awaitCompletion(5, TimeUnit.MINUTES);
                try {
                    docker.removeImageCmd(image).withForce(true).exec();
                } catch (NotFoundException ignored) {
                    // fine
                }
            }
        }
        return new Published(software, version, envImage, pkgImage);
    }

    private static void build(DockerClient docker, Map<String, byte[]> files, String tag, Map<String, String> labels)
            throws IOException {
        byte[] tar = tar(files, false);
        docker.buildImageCmd(new ByteArrayInputStream(tar)).withTags(Set.of(tag)).withLabels(labels).withPull(false)
                .exec(new BuildImageResultCallback()).awaitImageId(5, TimeUnit.MINUTES);
    }

    /** {@code <sw>/build.sh}, {@code <sw>/hello.sh.in}, {@code <sw>/VERSION}, gzipped tar. */
    private static byte[] sourceTarball(String software, String version, Variant variant) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder build = new StringBuilder();
        build.append("#!/bin/sh\nset -e\nOUT=$1\nSRC=$(dirname \"$0\")\nVERSION=$(cat \"$SRC/VERSION\")\n")
                .append("echo \"building ").append(software).append(" $VERSION into $OUT\"\n")
                .append("mkdir -p \"$OUT/bin\" \"$OUT/share/").append(software).append("\"\n")
                .append("sed \"s/@VERSION@/$VERSION/\" \"$SRC/hello.sh.in\" > \"$OUT/bin/").append(software).append("\"\n")
                .append("chmod 755 \"$OUT/bin/").append(software).append("\"\n")
                .append("\"$OUT/bin/").append(software).append("\" > \"$OUT/share/").append(software).append("/greeting.txt\"\n")
                .append("echo \"$VERSION\" > \"$OUT/share/").append(software).append("/VERSION\"\n");
        if (variant.buildSleepSeconds() > 0) {
            build.append("echo 'compiling slowly...'\nsleep ").append(variant.buildSleepSeconds()).append('\n');
        }
        if (variant.extraOutputBytes() > 0) {
            build.append("head -c ").append(variant.extraOutputBytes()).append(" /dev/urandom > \"$OUT/share/")
                    .append(software).append("/payload.bin\"\n");
        }
        if (variant.buildExitCode() != 0) {
            build.append("echo 'error: libfoo-dev is missing, cannot link' >&2\nexit ").append(variant.buildExitCode())
                    .append('\n');
        }
        build.append("/opt/toolchain/bin/mkmanifest \"$OUT\"\n")
                .append("echo \"build done: $(wc -l < \"$OUT/MANIFEST\") files\"\n");
        files.put(software + "/build.sh", build.toString().getBytes(StandardCharsets.UTF_8));
        files.put(software + "/hello.sh.in", ("#!/bin/sh\necho \"hello from " + software + " @VERSION@\"\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put(software + "/VERSION", (version + "\n").getBytes(StandardCharsets.UTF_8));
        return tar(files, true);
    }

    static final String INSTALL_TOOLCHAIN = """
            #!/bin/sh
            set -e
            mkdir -p /opt/toolchain/bin
            cat > /opt/toolchain/bin/mkmanifest <<'EOF'
            #!/bin/sh
            # writes the sha256 of every file under $1 to $1/MANIFEST
            cd "$1" && find . -type f ! -name MANIFEST | sort | xargs sha256sum > MANIFEST
            EOF
            chmod 755 /opt/toolchain/bin/mkmanifest
            echo "toolchain installed: mkmanifest"
            """;

    static byte[] tar(Map<String, byte[]> files, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var sink = gzip ? new GzipCompressorOutputStream(bytes) : bytes;
             TarArchiveOutputStream out = new TarArchiveOutputStream(sink)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                e.setMode(f.getKey().endsWith(".sh") ? 0755 : 0644);
                out.putArchiveEntry(e);
                out.write(f.getValue());
                out.closeArchiveEntry();
            }
            out.finish();
        }
        return bytes.toByteArray();
    }
}
