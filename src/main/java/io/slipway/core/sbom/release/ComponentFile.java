package io.slipway.core.sbom.release;

/**
 * One file of a component as its SPDX document lists it. {@code relativePath} is the path below the kind's
 * folder ({@code source/}, {@code binary/}) or, for a licence file, its bare name.
 */
public record ComponentFile(String spdxName, Kind kind, String relativePath, String sha1, String sha256) {
    /** Where a file belongs, from its SPDX name: {@code ./source/...}, {@code ./binary/...} or {@code ./<licence>}. */
    public enum Kind {
        SOURCE("source"), BINARY("binary"), LICENCE("licence");

        private final String folder;

        Kind(String folder) {
            this.folder = folder;
        }

        public String folder() {
            return folder;
        }
    }

    static final String SOURCE_PREFIX = "./source/";
    static final String BINARY_PREFIX = "./binary/";

    /** The SPDX file name for a file of {@code kind} at {@code rel}. */
    static String spdxName(Kind kind, String rel) {
        return switch (kind) {
            case SOURCE -> SOURCE_PREFIX + rel;
            case BINARY -> BINARY_PREFIX + rel;
            case LICENCE -> "./" + rel;
        };
    }

    /**
     * Classifies an SPDX file name, checking it cannot leave the component's folders.
     *
     * @throws SafePaths.UnsafePathException for {@code ..}, absolute names and the like
     */
    static ComponentFile of(String spdxName, String sha1, String sha256) {
        String problem = SafePaths.relativePathProblem(spdxName);
        if (problem != null) {
            throw new SafePaths.UnsafePathException("file name '" + spdxName + "' " + problem + "; refused");
        }
        String name = spdxName.startsWith("./") ? spdxName : "./" + spdxName;
        if (name.startsWith(SOURCE_PREFIX) && name.length() > SOURCE_PREFIX.length()) {
            return new ComponentFile(spdxName, Kind.SOURCE, name.substring(SOURCE_PREFIX.length()), sha1, sha256);
        }
        if (name.startsWith(BINARY_PREFIX) && name.length() > BINARY_PREFIX.length()) {
            return new ComponentFile(spdxName, Kind.BINARY, name.substring(BINARY_PREFIX.length()), sha1, sha256);
        }
        String bare = name.substring(2);
        if (bare.indexOf('/') < 0) {
            return new ComponentFile(spdxName, Kind.LICENCE, bare, sha1, sha256);
        }
        throw new SafePaths.UnsafePathException("file name '" + spdxName + "' is neither under ./source/ nor "
                + "./binary/ nor a licence file at the package root; Slipway cannot place it");
    }
}
