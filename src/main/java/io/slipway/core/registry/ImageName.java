package io.slipway.core.registry;

import io.slipway.core.common.UserFacingException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A repository with an optional tag or digest, as the deploy side names what it needs: {@code slipway/base},
 * {@code slipway/base:1}, {@code slipway/base@sha256:...}, or the same prefixed with the registry's
 * {@code host[:port]/}.
 *
 * @param host      the registry host the name carried, if any
 * @param reference tag or digest, if any
 */
public record ImageName(Optional<String> host, String repository, Optional<String> reference) {
    /** The OCI distribution spec's repository name grammar. */
    private static final Pattern REPOSITORY = Pattern.compile(
            "[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+([+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");

    public static ImageName parse(String text) {
        String s = text == null ? "" : text.strip();
        Optional<String> host = Optional.empty();
        int slash = s.indexOf('/');
        if (slash > 0) {
            String first = s.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[")) {
                host = Optional.of(first);
                s = s.substring(slash + 1);
            }
        }
        Optional<String> ref = Optional.empty();
        int at = s.indexOf('@');
        if (at >= 0) {
            ref = Optional.of(s.substring(at + 1));
            s = s.substring(0, at);
            if (!DIGEST.matcher(ref.get()).matches()) {
                throw new UserFacingException("'" + text + "' has an invalid digest '" + ref.get() + "'.");
            }
        } else {
            int colon = s.lastIndexOf(':');
            if (colon > s.lastIndexOf('/')) {
                ref = Optional.of(s.substring(colon + 1));
                s = s.substring(0, colon);
                if (!TAG.matcher(ref.get()).matches()) {
                    throw new UserFacingException("'" + text + "' has an invalid tag '" + ref.get() + "'.");
                }
            }
        }
        if (!REPOSITORY.matcher(s).matches()) {
            throw new UserFacingException("'" + text + "' is not a repository name (lower-case path such as "
                    + "slipway/base, optionally :tag or @digest).");
        }
        return new ImageName(host, s, ref);
    }

    @Override
    public String toString() {
        return host.map(h -> h + "/").orElse("") + repository
                + reference.map(r -> (r.contains(":") ? "@" : ":") + r).orElse("");
    }
}
