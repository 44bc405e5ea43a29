package io.slipway.core.engine;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image reference split the way registries and engines read it: {@code [host[:port]/]path[:tag][@digest]}.
 * The first element is a registry host only when it contains a dot or a colon or is {@code localhost}.
 */
public record ImageRef(String registry, String path, String tag, String digest) {
    private static final Pattern PATH = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public static ImageRef parse(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("empty image reference");
        }
        String rest = ref.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        if (!PATH.matcher(rest).matches()) {
            throw new IllegalArgumentException("'" + ref + "' is not a valid image reference: repository path '" + rest
                    + "' must be lower-case letters, digits and . _ - separated by /");
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("'" + ref + "' is not a valid image reference: bad tag '" + tag + "'");
        }
        if (digest != null && !digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("'" + ref + "' is not a valid image reference: bad digest '" + digest + "'");
        }
        return new ImageRef(registry, rest, tag, digest);
    }

    /** {@code host/path} (or {@code path}), as engines name a repository. */
    public String repository() {
        return registry == null ? path : registry + "/" + path;
    }

    public String tagOrDefault() {
        return tag == null ? "latest" : tag;
    }

    /** The same reference on {@code host} when it names no registry of its own. */
    public ImageRef onRegistry(String host) {
        return registry != null ? this : new ImageRef(host, path, tag, digest);
    }

    /** Makes a string usable as a tag: lower-risk characters only, at most 128. */
    public static String sanitizeTag(String raw) {
        String s = raw.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) && s.charAt(0) != '_') {
            s = "v" + s;
        }
        return s.length() > 128 ? s.substring(0, 128) : s;
    }

    /** Makes a string usable as a repository path element. */
    public static String sanitizePath(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[._-]+|[._-]+$", "");
        return s.isEmpty() ? "x" : s;
    }

    @Override
    public String toString() {
        return repository() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
