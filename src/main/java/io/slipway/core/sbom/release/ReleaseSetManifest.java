package io.slipway.core.sbom.release;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.slipway.core.common.Json;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A release set on disk: the manifest {@code release-set.json} (docs/release-set.md) with every component's
 * source and binary folder. Loading checks everything a later step relies on, so generation never meets a bad
 * name or a path that leaves the release set.
 */
public record ReleaseSetManifest(Path file, Path root, String name, String version, List<Entry> components) {
    public static final String FILE_NAME = "release-set.json";
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
    private static final Pattern RESERVED_ID = Pattern.compile("(?i)DOCUMENT|Release|File-[0-9]+");
    private static final ObjectMapper READER = Json.MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** One component of the manifest, checked; {@code sourceDir}/{@code binaryDir} are absolute and inside the set. */
    public record Entry(String id, String name, String version, ComponentType type, ReleaseMode mode, String nativeId,
                        String supplier, String licence, String copyright, String downloadLocation, Path sourceDir,
                        Optional<Path> binaryDir) {
        public Tags tags() {
            return new Tags(type, mode, nativeId, name + "@" + version);
        }
    }

    record RawManifest(String name, String version, List<RawComponent> components) {
    }

    record RawComponent(String id, String name, String version, String type, Integer mode,
                        @JsonProperty("native") String nativeId, String supplier, String licence, String copyright,
                        String sourceDir, String binaryDir, String downloadLocation) {
    }

    /** Loads {@code path}: the manifest file, or a folder holding {@value #FILE_NAME}. */
    public static ReleaseSetManifest load(Path path) {
        Path file = path.toAbsolutePath().normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve(FILE_NAME);
        }
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(file + ": no such release-set manifest (give the manifest file or the "
                    + "folder holding " + FILE_NAME + ")");
        }
        RawManifest raw;
        try {
            raw = READER.readValue(file.toFile(), RawManifest.class);
        } catch (UnrecognizedPropertyException e) {
            throw new UserFacingException(file + ": line " + e.getLocation().getLineNr() + ": unknown field '"
                    + e.getPropertyName() + "' (see docs/release-set.md for the fields)", e);
        } catch (MismatchedInputException e) {
            throw new UserFacingException(file + ": " + where(e) + "field " + fieldPath(e) + " has the wrong type ("
                    + e.getOriginalMessage().split("\n")[0] + ")", e);
        } catch (JsonProcessingException e) {
            throw new UserFacingException(file + ": " + where(e) + "not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (raw == null) {
            throw new UserFacingException(file + ": empty manifest");
        }
        Path root = file.getParent();
        Path realRoot = realPath(file, root);
        require(file, raw.name() != null && !raw.name().isBlank(), "field 'name' is missing");
        require(file, raw.version() != null && !raw.version().isBlank(), "field 'version' is missing");
        require(file, raw.components() != null && !raw.components().isEmpty(), "field 'components' is missing or empty");
        List<Entry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> folders = new HashSet<>();
        for (int i = 0; i < raw.components().size(); i++) {
            RawComponent c = raw.components().get(i);
            String at = "components[" + i + "]" + (c != null && c.id() != null ? " '" + c.id() + "'" : "");
            require(file, c != null, at + " is null");
            Entry e = entry(file, root, realRoot, at, c);
            require(file, ids.add(e.id()), at + ": id '" + e.id() + "' is used twice");
            require(file, folders.add(e.name() + "-" + e.version()), at + ": another component is also "
                    + e.name() + " " + e.version() + " (name and version must be unique)");
            entries.add(e);
        }
        return new ReleaseSetManifest(file, root, raw.name().strip(), raw.version().strip(), List.copyOf(entries));
    }

    private static Entry entry(Path file, Path root, Path realRoot, String at, RawComponent c) {
        require(file, c.id() != null && ID.matcher(c.id()).matches(), at + ": field 'id' must be letters, digits, '.' "
                + "and '-' (it becomes the SPDX id SPDXRef-<id>), not " + quote(c.id()));
        require(file, !RESERVED_ID.matcher(c.id()).matches(), at + ": id '" + c.id() + "' is reserved (the SPDX "
                + "documents use SPDXRef-DOCUMENT, SPDXRef-Release and SPDXRef-File-<n>); choose another");
        require(file, c.name() != null && !c.name().isBlank(), at + ": field 'name' is missing");
        require(file, c.version() != null && !c.version().isBlank(), at + ": field 'version' is missing");
        String folder = c.name().strip() + "-" + c.version().strip();
        if (!SafePaths.isSafeSegment(folder)) {
            throw new UserFacingException(file + ": " + at + ": name and version '" + folder + "' cannot be a folder "
                    + "name (no '/', '\\', '..' or control characters)");
        }
        require(file, c.type() != null, at + ": field 'type' is missing (open-source, third-party, derivative or owned)");
        require(file, c.mode() != null, at + ": field 'mode' is missing (1, 2 or 3)");
        ComponentType type;
        ReleaseMode mode;
        try {
            type = ComponentType.fromLabel(c.type());
            mode = ReleaseMode.of(c.mode());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(file + ": " + at + ": " + e.getMessage(), e);
        }
        String nativeId = c.nativeId() == null || c.nativeId().isBlank() ? null : c.nativeId().strip();
        require(file, nativeId == null || type == ComponentType.DERIVATIVE,
                at + ": only a derivative names a native, but this component is " + type);
        String supplier = c.supplier() == null || c.supplier().isBlank() ? "NOASSERTION" : c.supplier().strip();
        require(file, supplier.equals("NOASSERTION") || supplier.startsWith("Organization: ")
                || supplier.startsWith("Person: "), at + ": field 'supplier' must start with 'Organization: ' or "
                + "'Person: ' (SPDX), not " + quote(supplier));
        String download = c.downloadLocation() == null || c.downloadLocation().isBlank() ? null
                : c.downloadLocation().strip();
        require(file, c.sourceDir() != null && !c.sourceDir().isBlank(), at + ": field 'sourceDir' is missing");
        Path src = folder(file, root, realRoot, at, "sourceDir", c.sourceDir());
        Optional<Path> bin = c.binaryDir() == null || c.binaryDir().isBlank() ? Optional.empty()
                : Optional.of(folder(file, root, realRoot, at, "binaryDir", c.binaryDir()));
        return new Entry(c.id(), c.name().strip(), c.version().strip(), type, mode, nativeId, supplier,
                blankToNull(c.licence()), blankToNull(c.copyright()), download, src, bin);
    }

    private static Path folder(Path file, Path root, Path realRoot, String at, String field, String value) {
        String problem = SafePaths.relativePathProblem(value);
        if (problem != null) {
            throw new UserFacingException(file + ": " + at + ": field '" + field + "' " + quote(value) + " " + problem);
        }
        Path dir = root.resolve(value).normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException(file + ": " + at + ": " + field + " " + dir + " is not a folder");
        }
        Path real = realPath(file, dir);
        if (!real.startsWith(realRoot)) {
            throw new UserFacingException(file + ": " + at + ": " + field + " " + dir + " is a link pointing outside "
                    + "the release set (to " + real + "); refused");
        }
        return dir;
    }

    private static Path realPath(Path file, Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot resolve " + p + " (" + e.getMessage() + ")", e);
        }
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(document)" : "'" + sb + "'";
    }

    private static void require(Path file, boolean ok, String what) {
        if (!ok) {
            throw new UserFacingException(file + ": " + what);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}
