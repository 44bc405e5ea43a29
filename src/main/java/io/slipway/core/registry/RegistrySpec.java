package io.slipway.core.registry;

import io.slipway.core.common.UserFacingException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the user gives to add a registry, validated here with messages that name the field.
 *
 * @param url      {@code https://host[:port]}, or a bare {@code host[:port]} (https is assumed)
 * @param caPem    optional PEM with the CA certificate(s) to trust for this registry
 * @param username optional; the password is given separately and sealed
 */
public record RegistrySpec(String name, String url, String caPem, String username, boolean insecureHttp,
                           boolean skipTlsVerify) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public RegistrySpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UserFacingException("Registry name '" + name + "' is not valid: use lower-case letters, digits, "
                    + "'.', '_' or '-' (at most 63, starting with a letter or digit).");
        }
        if (username != null && username.isBlank()) {
            username = null;
        }
        if (caPem != null && caPem.isBlank()) {
            caPem = null;
        }
    }

    /** The normalised URL: scheme + host[:port], no path; plain http only with {@code insecureHttp}. */
    public URI normalisedUrl() {
        if (url == null || url.isBlank()) {
            throw new UserFacingException("Registry '" + name + "' needs a URL, e.g. --url https://harbor.example.com");
        }
        String raw = url.strip();
        if (!raw.contains("://")) {
            raw = "https://" + raw;
        }
        URI u;
        try {
            u = new URI(raw);
        } catch (URISyntaxException e) {
            throw new UserFacingException("Registry URL '" + url + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new UserFacingException("Registry URL '" + url + "' must start with https:// (or http:// with "
                    + "--insecure-http).");
        }
        if (scheme.equals("http") && !insecureHttp) {
            throw new UserFacingException("Registry URL '" + url + "' is plain HTTP: credentials and images would "
                    + "travel unencrypted. Use https://, or set --insecure-http explicitly.");
        }
        if (u.getHost() == null) {
            throw new UserFacingException("Registry URL '" + url + "' has no host name.");
        }
        if (u.getRawUserInfo() != null) {
            throw new UserFacingException("Registry URL '" + url + "' contains credentials: give the user with "
                    + "--username and the password on stdin (--password-stdin) instead.");
        }
        String path = u.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/") && !path.equals("/v2") && !path.equals("/v2/"))
                || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new UserFacingException("Registry URL '" + url + "' must be just scheme://host[:port] "
                    + "(the OCI API always lives under /v2/ at the host's root).");
        }
        try {
            return new URI(scheme, null, u.getHost(), u.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new UserFacingException("Registry URL '" + url + "' is not a URL: " + e.getReason(), e);
        }
    }

    /** Parses the CA PEM, failing with a message naming the registry when it holds no certificate. */
    public List<X509Certificate> caCertificates() {
        return parseCertificates(name, caPem);
    }

    static List<X509Certificate> parseCertificates(String registry, String pem) {
        if (pem == null) {
            return List.of();
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new CertificateException("no certificate found");
            }
            return out;
        } catch (CertificateException e) {
            throw new UserFacingException("The CA certificate for registry '" + registry + "' is not a PEM "
                    + "certificate (" + e.getMessage() + ").", e);
        }
    }
}
