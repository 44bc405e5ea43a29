package io.slipway.core.deploy;

import io.slipway.core.engine.ImageRef;
import io.slipway.core.engine.SlipwayLabels;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a build-environment image declares in its labels (the contract in {@code docs/labels.md}): the package to
 * fetch from the master registry, the data volume, the transfer port, the toolchain install command, the build
 * command and the output path; for an upgrade's run check, the optional run-command and health-command (null when
 * absent). {@link #parse} refuses a missing or malformed label with a message naming it.
 */
public record BuildEnvContract(ImageRef packageRef, String packagePath, String dataVolume, String transferPort,
                               String toolchainInstall, String buildCommand, String outputPath, String runCommand,
                               String healthCommand) {
    public static final String DEFAULT_PACKAGE_PATH = "/package";
    private static final Pattern PORT = Pattern.compile("(\\d{1,5})(?:/(tcp|udp))?");
    private static final Pattern ABS_PATH = Pattern.compile("/[^\\u0000\\n:]*");

    /**
     * Reads the contract from {@code labels} of {@code image}; {@code registryHost} is the master registry, which a
     * package reference without a host refers to (and one with a host must name).
     */
    public static BuildEnvContract parse(String image, Map<String, String> labels, String registryHost) {
        String pkg = required(image, labels, SlipwayLabels.ENV_PACKAGE);
        ImageRef ref;
        try {
            ref = ImageRef.parse(pkg);
        } catch (IllegalArgumentException e) {
            throw new LabelContractException(image, SlipwayLabels.ENV_PACKAGE, "is malformed: " + e.getMessage());
        }
        if (ref.digest() == null && ref.tag() == null) {
            throw new LabelContractException(image, SlipwayLabels.ENV_PACKAGE, "'" + pkg + "' needs a tag or digest "
                    + "(repository:tag)");
        }
        if (ref.registry() != null && !ref.registry().equals(registryHost)) {
            throw new LabelContractException(image, SlipwayLabels.ENV_PACKAGE, "names registry " + ref.registry()
                    + ", but packages come from the master registry " + registryHost);
        }
        String packagePath = labels.getOrDefault(SlipwayLabels.ENV_PACKAGE_PATH, DEFAULT_PACKAGE_PATH).trim();
        absolute(image, SlipwayLabels.ENV_PACKAGE_PATH, packagePath);
        String volume = absolute(image, SlipwayLabels.ENV_DATA_VOLUME, required(image, labels, SlipwayLabels.ENV_DATA_VOLUME));
        if (volume.equals("/")) {
            throw new LabelContractException(image, SlipwayLabels.ENV_DATA_VOLUME, "must not be /");
        }
        String port = required(image, labels, SlipwayLabels.ENV_TRANSFER_PORT);
        Matcher m = PORT.matcher(port);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535) {
            throw new LabelContractException(image, SlipwayLabels.ENV_TRANSFER_PORT, "is '" + port
                    + "', expected a port 1-65535, optionally with /tcp or /udp");
        }
        String normalizedPort = m.group(1) + "/" + (m.group(2) == null ? "tcp" : m.group(2));
        String install = required(image, labels, SlipwayLabels.ENV_TOOLCHAIN_INSTALL);
        String build = required(image, labels, SlipwayLabels.ENV_BUILD_COMMAND);
        String output = absolute(image, SlipwayLabels.ENV_OUTPUT_PATH, required(image, labels, SlipwayLabels.ENV_OUTPUT_PATH));
        String run = optional(labels, SlipwayLabels.ENV_RUN_COMMAND);
        String health = optional(labels, SlipwayLabels.ENV_HEALTH_COMMAND);
        if (health != null && run == null) {
            throw new LabelContractException(image, SlipwayLabels.ENV_HEALTH_COMMAND, "is set but "
                    + SlipwayLabels.ENV_RUN_COMMAND + " is missing: a health command checks the running run-command");
        }
        return new BuildEnvContract(ref.onRegistry(registryHost), strip(packagePath), strip(volume), normalizedPort,
                install, build, strip(output), run, health);
    }

    /** Blank counts as absent: a run check is optional. */
    private static String optional(Map<String, String> labels, String label) {
        String v = labels.get(label);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String required(String image, Map<String, String> labels, String label) {
        String v = labels.get(label);
        if (v == null) {
            throw new LabelContractException(image, label, "is missing");
        }
        if (v.isBlank()) {
            throw new LabelContractException(image, label, "is empty");
        }
        return v.trim();
    }

    private static String absolute(String image, String label, String path) {
        if (!ABS_PATH.matcher(path).matches() || path.contains("/../") || path.endsWith("/..")) {
            throw new LabelContractException(image, label, "is '" + path + "', expected an absolute path such as /data");
        }
        return path;
    }

    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
