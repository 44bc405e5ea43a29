package io.slipway.core.engine;

/**
 * The image and container labels Slipway writes and reads. Documented in {@code docs/labels.md}; the names are a
 * contract with images built outside Slipway (build environments) and with older workspaces, so never rename one.
 */
public final class SlipwayLabels {
    /** Prefix of every Slipway label. */
    public static final String PREFIX = "io.slipway.";

    // ---- on software images Slipway builds (read back by the node probe as "installed software")
    /** Software name, e.g. {@code perception-core}. */
    public static final String SOFTWARE = "io.slipway.software";
    /** Software version, e.g. {@code 2.4.0}. */
    public static final String VERSION = "io.slipway.version";
    /** Reference of the build-environment image the software was built in. */
    public static final String BUILD_ENV = "io.slipway.build-env";
    /** Registry digest ({@code sha256:...}) of that build-environment image. */
    public static final String BUILD_ENV_DIGEST = "io.slipway.build-env-digest";
    /** The deploy that built the image (also on the deploy's containers and volumes). */
    public static final String DEPLOY_ID = "io.slipway.deploy-id";
    /** The node name (as in the inventory) the image was built on. */
    public static final String NODE = "io.slipway.node";

    // ---- on containers and volumes a deploy creates
    /** What a container/volume is for: {@link #ROLE_BUILD_ENV}, {@link #ROLE_PACKAGE}. */
    public static final String ROLE = "io.slipway.role";
    public static final String ROLE_BUILD_ENV = "build-env";
    public static final String ROLE_PACKAGE = "package";
    public static final String ROLE_DATA = "data";

    /** Whether an image is a rolled-back upgrade's: every tag it has carries {@link #ROLLED_BACK_TAG_SUFFIX}. */
    public static boolean isRolledBack(java.util.List<String> repoTags) {
        return repoTags != null && !repoTags.isEmpty()
                && repoTags.stream().allMatch(t -> t.endsWith(ROLLED_BACK_TAG_SUFFIX));
    }

    // ---- the build-environment label contract (on build-environment images, written by their authors)
    /** Package image on the master registry: {@code repository:tag} (or {@code host/repository:tag} of the same registry). */
    public static final String ENV_PACKAGE = "io.slipway.env.package";
    /** Directory inside the package image that is copied into the data volume; optional, default {@code /package}. */
    public static final String ENV_PACKAGE_PATH = "io.slipway.env.package-path";
    /** Absolute path where the data volume is mounted in the build-environment container. */
    public static final String ENV_DATA_VOLUME = "io.slipway.env.data-volume";
    /** Container port published on the node's loopback for transfers, {@code PORT} or {@code PORT/tcp|udp}. */
    public static final String ENV_TRANSFER_PORT = "io.slipway.env.transfer-port";
    /** Shell command that installs the toolchain (run with {@code sh -c}, working directory = data volume). */
    public static final String ENV_TOOLCHAIN_INSTALL = "io.slipway.env.toolchain-install";
    /** Shell command that builds the software (run with {@code sh -c}, working directory = data volume). */
    public static final String ENV_BUILD_COMMAND = "io.slipway.env.build-command";
    /** Absolute path of the directory holding the build output, which becomes the software image. */
    public static final String ENV_OUTPUT_PATH = "io.slipway.env.output-path";
    /**
     * Shell command that runs the built software for an upgrade's run check (main process of the run-check container,
     * working directory = output path); optional: without it the run status is "not checked".
     */
    public static final String ENV_RUN_COMMAND = "io.slipway.env.run-command";
    /** Shell command the engine runs as the run-check container's health check (exit 0 = healthy); optional. */
    public static final String ENV_HEALTH_COMMAND = "io.slipway.env.health-command";

    // ---- upgrades
    /** Role of the run-check container an upgrade starts from the build environment after the push. */
    public static final String ROLE_RUN_CHECK = "run-check";
    /**
     * Tag suffix of a software image whose run check was abnormal: the image is kept for inspection under
     * {@code <version>-<node>-rolled-back} and loses its own tag, and the node probe does not count it as installed.
     */
    public static final String ROLLED_BACK_TAG_SUFFIX = "-rolled-back";

    private SlipwayLabels() {
    }
}
