package io.slipway.core.registry;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A configured registry ("master server": Harbor or any OCI distribution registry) as stored in the workspace.
 * Holds no secret: whether credentials are stored is a flag, the sealed bytes stay in {@link RegistryStore}.
 *
 * @param url            {@code https://host[:port]} (or {@code http://} when {@code insecureHttp})
 * @param caPem          PEM certificate(s) the registry's TLS certificate is verified against, on top of the
 *                       system trust; null when the system trust suffices
 * @param username       null for anonymous access
 * @param hasCredentials a sealed password is stored for {@code username}
 * @param insecureHttp   plain HTTP allowed (set explicitly only)
 * @param skipTlsVerify  the TLS certificate is not verified (set explicitly only)
 */
public record RegistryConfig(String name, URI url, String caPem, String username, boolean hasCredentials,
                             boolean insecureHttp, boolean skipTlsVerify, Instant createdAt) {

    /** {@code host[:port]} as image references name the registry, e.g. {@code 127.0.0.1:5443}. */
    public String host() {
        return hostOf(url);
    }

    static String hostOf(URI url) {
        String h = url.getHost();
        if (h != null && h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return url.getPort() == -1 ? h : h + ":" + url.getPort();
    }

    public Optional<String> ca() {
        return Optional.ofNullable(caPem);
    }

    public Optional<String> user() {
        return Optional.ofNullable(username);
    }

    public boolean plainHttp() {
        return "http".equalsIgnoreCase(url.getScheme());
    }

    /** What the user must be told whenever this registry is listed or used: weakened transport security. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (plainHttp()) {
            out.add("registry '" + name + "' uses plain HTTP (--insecure-http): images"
                    + (username != null ? " and credentials" : "") + " travel unencrypted");
        } else if (insecureHttp) {
            out.add("registry '" + name + "' allows plain HTTP (--insecure-http) for its token service");
        }
        if (skipTlsVerify) {
            out.add("registry '" + name + "' skips TLS certificate verification (--skip-tls-verify): "
                    + "anyone on the path can impersonate it");
        }
        return out;
    }

    /** Associated data that binds a sealed password to this registry and user. */
    static String credentialContext(String registryName, String username) {
        return "slipway:registry:" + registryName + ":" + username;
    }

    @Override
    public String toString() {
        return "RegistryConfig[" + name + ", " + url + ", user=" + username + ", credentials="
                + (hasCredentials ? "sealed" : "none") + ", insecureHttp=" + insecureHttp + ", skipTlsVerify="
                + skipTlsVerify + "]";
    }
}
