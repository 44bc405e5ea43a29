package io.slipway.core.sbom.release;

import java.nio.file.Path;

/**
 * Checks for names that come from manifests and SPDX documents before they become paths: nothing may climb out
 * ({@code ..}), start at the root, or hide a separator or control character.
 */
public final class SafePaths {
    private SafePaths() {
    }

    /** True for a single, ordinary path segment: not empty, {@code .} or {@code ..}, no separators or controls. */
    public static boolean isSafeSegment(String s) {
        if (s == null || s.isEmpty() || s.equals(".") || s.equals("..") || s.length() > 255) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why {@code rel} is not an acceptable relative path ('/'-separated, no {@code ..}, not absolute), or null when
     * it is. A leading {@code ./} is allowed, as SPDX file names have one.
     */
    public static String relativePathProblem(String rel) {
        if (rel == null || rel.isBlank()) {
            return "is empty";
        }
        if (rel.startsWith("/") || rel.startsWith("\\") || rel.matches("^[A-Za-z]:.*")) {
            return "is an absolute path; only paths relative to the release are allowed";
        }
        if (rel.indexOf('\\') >= 0) {
            return "contains '\\'; use '/' between folders";
        }
        String[] parts = rel.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.equals("..")) {
                return "contains '..', which would leave the release folder";
            }
            if (p.isEmpty() || p.equals(".")) {
                if (i == 0 && p.equals(".")) {
                    continue;
                }
                return "has an empty or '.' segment";
            }
            if (!isSafeSegment(p)) {
                return "contains a control character";
            }
        }
        return null;
    }

    /** {@code base} joined with the checked relative path {@code rel}; refuses anything that would leave base. */
    public static Path resolveInside(Path base, String rel, String what) {
        String problem = relativePathProblem(rel);
        if (problem != null) {
            throw new UnsafePathException(what + " '" + rel + "' " + problem + "; refused");
        }
        String clean = rel.startsWith("./") ? rel.substring(2) : rel;
        Path p = base.resolve(clean).normalize();
        if (!p.startsWith(base.normalize())) {
            throw new UnsafePathException(what + " '" + rel + "' leaves " + base + "; refused");
        }
        return p;
    }

    /** A name that would read or write outside where it may. */
    public static final class UnsafePathException extends io.slipway.core.common.UserFacingException {
        private static final long serialVersionUID = 1L;

        public UnsafePathException(String message) {
            super(message);
        }
    }
}
