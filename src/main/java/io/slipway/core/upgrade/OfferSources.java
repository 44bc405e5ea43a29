package io.slipway.core.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.slipway.core.common.Json;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.release.LoadedRelease;
import io.slipway.core.sbom.release.ReleaseComponent;
import io.slipway.core.sbom.release.SbomIndexLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where an offer's software → version pairs come from: a JSON or YAML file ({@code name} and {@code offered}, as in
 * {@code sample/upgrade-offer.json}), {@code S=V} pairs typed on the command line or in the console, or a release's
 * SBOM index (every component's name → version). Bad input is a {@link UserFacingException} naming file and field.
 */
public final class OfferSources {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A parsed offer, not stored yet. */
    public record Draft(String name, Map<String, String> offered, String source) {
        public Draft {
            offered = new TreeMap<>(offered);
        }
    }

    private OfferSources() {
    }

    /** {@code name} (may be null: the file's own) and the file's {@code offered} object (or {@code software}). */
    public static Draft fromFile(Path file, String nameOverride) {
        JsonNode root;
        try {
            String text = Files.readString(file);
            boolean yaml = file.getFileName().toString().matches("(?i).*\\.ya?ml");
            root = (yaml ? YAML : Json.MAPPER).readTree(text);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read the offer: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new UserFacingException(file + ": expected an object with 'name' and 'offered' (software → version)");
        }
        String name = nameOverride != null ? nameOverride : text(root.get("name"));
        if (name == null) {
            throw new UserFacingException(file + ": field 'name' is missing (or give --name)");
        }
        JsonNode items = root.has("offered") ? root.get("offered") : root.get("software");
        if (items == null || !items.isObject()) {
            throw new UserFacingException(file + ": field 'offered' is missing or not an object of software → version");
        }
        Map<String, String> offered = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String v = e.getValue().isValueNode() ? text(e.getValue()) : null;
            if (v == null) {
                throw new UserFacingException(file + ": offered." + e.getKey() + " must be a version string");
            }
            offered.put(e.getKey(), v);
        }
        return new Draft(name, offered, "file " + file.getFileName());
    }

    /** {@code S=V} pairs. */
    public static Draft fromPairs(String name, List<String> pairs) {
        Map<String, String> offered = new TreeMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new UserFacingException("--set '" + p + "': expected SOFTWARE=VERSION, e.g. perception-core=2.4.0");
            }
            String sw = p.substring(0, eq).trim();
            if (offered.put(sw, p.substring(eq + 1).trim()) != null) {
                throw new UserFacingException("--set: software '" + sw + "' is given twice");
            }
        }
        return new Draft(name, offered, "typed");
    }

    /** Every component of the release's SBOM index: name → version. */
    public static Draft fromSbomIndex(Path index, String name) {
        LoadedRelease release = SbomIndexLoader.load(index, Map.of(), Optional.empty());
        Map<String, String> offered = new TreeMap<>();
        for (ReleaseComponent c : release.components()) {
            if (c.version() == null || c.version().isBlank()) {
                throw new UserFacingException(index + ": component " + c.name() + " has no version");
            }
            String was = offered.put(c.name(), c.version());
            if (was != null && !was.equals(c.version())) {
                throw new UserFacingException(index + ": component " + c.name() + " appears with versions " + was
                        + " and " + c.version() + "; an offer holds one version per software");
            }
        }
        return new Draft(name, offered, "SBOM index " + index.getFileName() + " (release " + release.name()
                + (release.version().isBlank() ? "" : " " + release.version()) + ")");
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText().trim();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
