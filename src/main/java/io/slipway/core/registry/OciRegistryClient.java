package io.slipway.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.core.common.Json;
import io.slipway.core.common.WaitTime;
import io.slipway.core.registry.RegistryException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the OCI distribution API ({@code /v2/}) over {@code java.net.http}, for one configured registry.
 *
 * <p>TLS is verified against the system trust plus the registry's configured CA, unless the registry is set to
 * skip verification. Authentication follows the registry's challenge: {@code GET /v2/} answers 401 with
 * {@code WWW-Authenticate: Basic ...} (credentials on every request) or {@code Bearer realm, service, scope}
 * (credentials go to the token service {@code realm} once per scope set; the token then goes to the registry;
 * a 401 naming a different scope fetches a token for that scope and retries once), as Harbor does.
 *
 * <p>Secrets: the password comes from a {@link CredentialSource} per use and is never logged; tokens are kept in
 * memory for their lifetime only. Redirects (blob storage) are followed without the Authorization header when
 * they leave the registry's host. Safe for concurrent use.
 */
public final class OciRegistryClient {
    private static final Logger LOG = LoggerFactory.getLogger(OciRegistryClient.class);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_JSON_BYTES = 8 * 1024 * 1024;
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");
    private static final String MANIFEST_ACCEPT = String.join(", ", ManifestInfo.OCI_MANIFEST,
            ManifestInfo.DOCKER_MANIFEST, ManifestInfo.OCI_INDEX, ManifestInfo.DOCKER_LIST);

    /** Where the client gets the user and, per use, the password; the caller of {@link #password()} wipes it. */
    public interface CredentialSource {
        CredentialSource ANONYMOUS = new CredentialSource() {
            @Override
            public Optional<String> username() {
                return Optional.empty();
            }

            @Override
            public char[] password() {
                return new char[0];
            }
        };

        Optional<String> username();

        char[] password();

        /** Fixed credentials held in memory (a copy): for checking new credentials before they are stored. */
        static CredentialSource of(String username, char[] password) {
            char[] copy = password.clone();
            return new CredentialSource() {
                @Override
                public Optional<String> username() {
                    return Optional.of(username);
                }

                @Override
                public char[] password() {
                    return copy.clone();
                }
            };
        }
    }

    /** How the registry authenticates. */
    public enum AuthScheme { NONE, BASIC, BEARER }

    /**
     * The outcome of {@link #login()}.
     *
     * @param username null when anonymous
     * @param realm    the token service for Bearer, the realm name for Basic; null for NONE
     */
    public record LoginResult(AuthScheme scheme, String username, String realm) {
        /** One line for the user: who the registry accepted and how, e.g. {@code Login succeeded: ... (Basic)}. */
        public String describe(RegistryConfig cfg) {
            String where = "registry '" + cfg.name() + "' (" + cfg.url() + ")";
            return switch (scheme) {
                case NONE -> "Login not needed: " + where + " asks for no authentication";
                case BASIC -> "Login succeeded: " + where + " accepted user '" + username + "' (Basic)";
                case BEARER -> username == null
                        ? "Anonymous token granted by " + realm + " for " + where + " (no credentials stored)"
                        : "Login succeeded: " + where + " accepted user '" + username + "' (Bearer token from "
                                + realm + ")";
            };
        }
    }

    /** The answer of an access check for one repository. */
    /** {@code missing}: refused only because the repository (or tag) does not exist yet. */
    public record AccessCheck(String repository, boolean allowed, String reason, boolean missing) {
        public AccessCheck(String repository, boolean allowed, String reason) {
            this(repository, allowed, reason, false);
        }
    }

    private record Discovered(AuthScheme scheme, AuthChallenge challenge) {
    }

    private record Token(String value, Instant expires) {
        @Override
        public String toString() {
            return "Token[***, expires " + expires + "]";
        }
    }

    private record Response(int status, HttpHeaders headers, byte[] body, URI uri, boolean tokenGranted) {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private final RegistryConfig config;
    private final CredentialSource credentials;
    private final Duration timeout;
    private final HttpClient http;
    private final URI base;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile Discovered discovered;

    public OciRegistryClient(RegistryConfig config, CredentialSource credentials) {
        this(config, credentials, DEFAULT_TIMEOUT);
    }

    public OciRegistryClient(RegistryConfig config, CredentialSource credentials, Duration timeout) {
        this.config = config;
        this.credentials = credentials;
        this.timeout = timeout;
        this.base = config.url();
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(RegistryTls.context(config));
        this.http = b.build();
    }

    public RegistryConfig config() {
        return config;
    }

    // ------------------------------------------------------------------------------------------- operations

    /** {@code GET /v2/} without credentials: reachable, speaks the API, and how it authenticates. */
    public AuthScheme ping() {
        return discover(true).scheme();
    }

    /**
     * Checks the credentials against the registry (Basic: {@code GET /v2/} with them; Bearer: a token from the
     * realm with them, then {@code GET /v2/} with the token). Throws {@link RegistryException} with
     * {@link Reason#UNAUTHORIZED} when they are rejected or missing.
     */
    public LoginResult login() {
        Discovered d = discover(true);
        String user = credentials.username().orElse(null);
        switch (d.scheme()) {
            case NONE:
                return new LoginResult(AuthScheme.NONE, user, null);
            case BASIC:
                if (user == null) {
                    throw noCredentials("it asks for Basic authentication");
                }
                break;
            case BEARER:
                tokens.clear();
                break;
            default:
                throw new IllegalStateException();
        }
        Response r = call("GET", "/v2/", List.of(), null);
        if (r.status() != 200) {
            throw failure(r, "log in");
        }
        String realm = d.challenge().param("realm").orElse(null);
        return new LoginResult(d.scheme(), user, realm);
    }

    /** Repository names from {@code /v2/_catalog}, following pagination, at most {@code max}. */
    public List<String> catalog(int max) {
        return catalog(max, DEFAULT_PAGE_SIZE);
    }

    /** As {@link #catalog(int)}, asking for {@code pageSize} names per request (the registry may send fewer). */
    public List<String> catalog(int max, int pageSize) {
        List<String> out = new ArrayList<>();
        String next = "/v2/_catalog?n=" + Math.min(max, pageSize);
        while (next != null && out.size() < max) {
            Response r = call("GET", next, List.of("registry:catalog:*"), "application/json");
            if (r.status() != 200) {
                throw failure(r, "list its repositories (catalog)");
            }
            json(r).path("repositories").forEach(n -> out.add(n.asText()));
            next = nextLink(r);
        }
        return out.size() > max ? out.subList(0, max) : out;
    }

    /** Tags of {@code repository} ({@code /v2/NAME/tags/list}, paginated). */
    public List<String> tags(String repository) {
        return tags(repository, DEFAULT_PAGE_SIZE);
    }

    /** As {@link #tags(String)}, asking for {@code pageSize} tags per request (the registry may send fewer). */
    public List<String> tags(String repository, int pageSize) {
        String repo = ImageName.parse(repository).repository();
        List<String> out = new ArrayList<>();
        String next = "/v2/" + repo + "/tags/list?n=" + pageSize;
        while (next != null) {
            Response r = call("GET", next, List.of(pullScope(repo)), "application/json");
            if (r.status() != 200) {
                throw failure(r, "list the tags of " + repo);
            }
            json(r).path("tags").forEach(n -> out.add(n.asText()));
            next = nextLink(r);
        }
        return out;
    }

    /** {@code HEAD} of a manifest: digest, size and media type without the body. */
    public ManifestInfo headManifest(String repository, String reference) {
        String repo = ImageName.parse(repository).repository();
        Response r = call("HEAD", "/v2/" + repo + "/manifests/" + reference, List.of(pullScope(repo)),
                MANIFEST_ACCEPT);
        if (r.status() != 200) {
            throw failure(r, "read manifest " + repo + ":" + reference);
        }
        String digest = r.header("Docker-Content-Digest").orElse(reference.contains(":") ? reference : "");
        long size = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        String type = mediaType(r.header("Content-Type").orElse(""));
        return new ManifestInfo(repo, reference, digest, type, size, -1, -1, Optional.empty(), Map.of(),
                Optional.empty(), 0);
    }

    /**
     * {@code GET} of a manifest, its digest checked against the bytes, with the image config's labels and the
     * image size (config + layers). For an index, the linux/amd64 image (else the first) is described.
     */
    public ManifestInfo manifest(String repository, String reference) {
        String repo = ImageName.parse(repository).repository();
        Response r = getManifest(repo, reference);
        String digest = verifiedDigest(r, reference);
        String type = mediaType(r.header("Content-Type").orElse(""));
        JsonNode m = json(r);
        if (type.isEmpty()) {
            type = m.path("mediaType").asText("");
        }
        if (ManifestInfo.isIndex(type) || m.has("manifests")) {
            JsonNode chosen = choosePlatform(m.path("manifests"));
            if (chosen == null) {
                return new ManifestInfo(repo, reference, digest, type, r.body().length, -1, -1, Optional.empty(),
                        Map.of(), Optional.empty(), 0);
            }
            ManifestInfo child = manifest(repo, chosen.path("digest").asText());
            String platform = chosen.path("platform").path("os").asText("?") + "/"
                    + chosen.path("platform").path("architecture").asText("?");
            return new ManifestInfo(repo, reference, digest, type, r.body().length, child.imageSize(),
                    child.layers(), child.configDigest(), child.labels(), Optional.of(platform),
                    m.path("manifests").size());
        }
        long size = m.path("config").path("size").asLong(0);
        int layers = 0;
        for (JsonNode l : m.path("layers")) {
            size += l.path("size").asLong(0);
            layers++;
        }
        Optional<String> configDigest = Optional.ofNullable(m.path("config").path("digest").textValue());
        Map<String, String> labels = new LinkedHashMap<>();
        if (configDigest.isPresent()) {
            Response c = call("GET", "/v2/" + repo + "/blobs/" + configDigest.get(), List.of(pullScope(repo)), null);
            if (c.status() != 200) {
                throw failure(c, "read the image config of " + repo + ":" + reference);
            }
            json(c).path("config").path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(),
                    e.getValue().asText()));
        }
        return new ManifestInfo(repo, reference, digest, type, r.body().length, size, layers, configDigest, labels,
                Optional.empty(), 0);
    }

    /**
     * The layer blobs (digest, size) of {@code repository:reference} in manifest order: what an engine transfers to
     * pull it. For an index, those of the image {@link #manifest} would describe (linux/amd64, else the first).
     */
    public List<ImageLayer> layers(String repository, String reference) {
        String repo = ImageName.parse(repository).repository();
        JsonNode m = json(getManifest(repo, reference));
        if (m.has("manifests")) {
            JsonNode chosen = choosePlatform(m.path("manifests"));
            return chosen == null ? List.of() : layers(repo, chosen.path("digest").asText());
        }
        List<ImageLayer> out = new ArrayList<>();
        for (JsonNode l : m.path("layers")) {
            out.add(new ImageLayer(l.path("digest").asText(), l.path("size").asLong(0)));
        }
        return out;
    }

    /** {@code HEAD} of a blob: its size, or empty when the registry does not have it. */
    public OptionalLong headBlob(String repository, String digest) {
        String repo = ImageName.parse(repository).repository();
        Response r = call("HEAD", "/v2/" + repo + "/blobs/" + digest, List.of(pullScope(repo)), null);
        if (r.status() == 404) {
            return OptionalLong.empty();
        }
        if (r.status() != 200) {
            throw failure(r, "check blob " + digest + " in " + repo);
        }
        return OptionalLong.of(r.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /**
     * The manifest of {@code repository:reference} in full, for browsing: an {@link ImageManifest} with its layers
     * and what its config blob says (created, platform, labels), or an {@link ImageIndex} listing its platforms
     * (read one of them by its digest). Manifest and config are checked against their digests.
     */
    public ManifestDetails manifestDetails(String repository, String reference) {
        String repo = ImageName.parse(repository).repository();
        Response r = getManifest(repo, reference);
        ManifestDetails details = ManifestDocuments.parse(repo, reference, verifiedDigest(r, reference),
                mediaType(r.header("Content-Type").orElse("")), r.body().length, json(r));
        if (details instanceof ImageManifest image && ManifestDocuments.isImageConfig(image.config())) {
            return image.withImage(ManifestDocuments.parseConfig(json(configBlob(repo, image))));
        }
        return details;
    }

    /** The image's config blob, refused when it is larger than a config can sensibly be or not what it claims. */
    private Response configBlob(String repo, ImageManifest image) {
        Descriptor config = image.config();
        String what = "the image config of " + repo + "@" + image.digest();
        if (config.size() > MAX_JSON_BYTES) {
            throw error(Reason.PROTOCOL, what + " is " + config.size() + " bytes, more than an image config can be");
        }
        Response c = call("GET", "/v2/" + repo + "/blobs/" + config.digest(), List.of(pullScope(repo)), null);
        if (c.status() != 200) {
            throw failure(c, "read " + what);
        }
        String actual = "sha256:" + sha256(c.body());
        if (config.digest().startsWith("sha256:") && !config.digest().equals(actual)) {
            throw error(Reason.PROTOCOL, what + " does not match its digest " + config.digest() + " (got " + actual
                    + ")");
        }
        return c;
    }

    /**
     * May {@code repository} be pulled? With a reference: {@code HEAD} of that manifest; without: its tag list.
     * A denial or a missing repository is an answer; failures of the registry itself (unreachable, TLS, rejected
     * credentials) are thrown.
     */
    public AccessCheck checkPull(String repository, String reference) {
        String repo = ImageName.parse(repository).repository();
        Response r = reference == null
                ? call("GET", "/v2/" + repo + "/tags/list?n=1", List.of(pullScope(repo)), "application/json")
                : call("HEAD", "/v2/" + repo + "/manifests/" + reference, List.of(pullScope(repo)), MANIFEST_ACCEPT);
        String what = reference == null ? repo : repo + (reference.contains(":") ? "@" : ":") + reference;
        return check(r, what, "pull " + what);
    }

    /**
     * May {@code repository} be pushed to? With Bearer auth, when the token is a JWT listing its grants (Harbor's
     * and distribution's token services issue such), the grant for {@code repository:NAME:pull,push} decides.
     * Otherwise a blob upload is started ({@code POST /v2/NAME/blobs/uploads/}, 202 when allowed) and cancelled
     * at once: no blob, manifest or repository is created.
     */
    public AccessCheck checkPush(String repository) {
        String repo = ImageName.parse(repository).repository();
        Discovered d = discover(false);
        if (d.scheme() == AuthScheme.BEARER) {
            Optional<Set<String>> granted = grantedActions(token(d.challenge(), List.of(pushScope(repo)), false),
                    "repository", repo);
            if (granted.isPresent()) {
                boolean push = granted.get().contains("push") || granted.get().contains("*");
                String user = credentials.username().map(u -> "user '" + u + "'").orElse("anonymous access");
                return push ? new AccessCheck(repo, true, "push granted by the token service")
                        : new AccessCheck(repo, false, user + " may not push to " + repo + " (the token service "
                                + "granted " + (granted.get().isEmpty() ? "nothing" : String.join(",", granted.get()))
                                + ")");
            }
        }
        Response r = call("POST", "/v2/" + repo + "/blobs/uploads/", List.of(pushScope(repo)), null);
        if (r.status() == 202) {
            r.header("Location").ifPresent(loc -> cancelUpload(repo, loc));
            return new AccessCheck(repo, true, "push allowed");
        }
        return check(r, repo, "push to " + repo);
    }

    private AccessCheck check(Response r, String what, String action) {
        if (r.status() == 200 || r.status() == 202) {
            return new AccessCheck(what, true, "allowed");
        }
        RegistryException e = failure(r, action);
        if (e.reason() == Reason.DENIED || e.reason() == Reason.NOT_FOUND) {
            return new AccessCheck(what, false, e.detail(), e.reason() == Reason.NOT_FOUND);
        }
        throw e;
    }

    private RegistryException error(Reason reason, String detail) {
        return new RegistryException(config, reason, detail, null);
    }

    private RegistryException error(Reason reason, String detail, Throwable cause) {
        return new RegistryException(config, reason, detail, cause);
    }

    private void cancelUpload(String repo, String location) {
        try {
            URI u = base.resolve(location);
            Response d = call("DELETE", u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()),
                    List.of(pushScope(repo)), null);
            LOG.debug("cancelled probe upload in {}: {}", repo, d.status());
        } catch (RegistryException e) {
            LOG.debug("could not cancel probe upload in {}: {}", repo, e.getMessage());
        }
    }

    static String pullScope(String repo) {
        return "repository:" + repo + ":pull";
    }

    static String pushScope(String repo) {
        return "repository:" + repo + ":pull,push";
    }

    // ------------------------------------------------------------------------------------------- auth

    private Discovered discover(boolean fresh) {
        Discovered d = discovered;
        if (d != null && !fresh) {
            return d;
        }
        Response r = send("GET", base.resolve("/v2/"), null, null, false);
        if (r.status() == 200) {
            d = new Discovered(AuthScheme.NONE, null);
        } else if (r.status() == 401) {
            d = fromChallenge(r).orElseThrow(() -> error(Reason.PROTOCOL,
                    "it asks for authentication with a scheme this client does not speak: "
                    + r.headers().allValues("WWW-Authenticate")));
        } else {
            throw error(Reason.PROTOCOL, "GET /v2/ answered "
                    + r.status() + "; is this an OCI distribution registry?");
        }
        discovered = d;
        LOG.debug("registry {} authenticates with {}", config.name(), d.scheme());
        return d;
    }

    private Optional<Discovered> fromChallenge(Response r) {
        List<AuthChallenge> cs = AuthChallenge.parse(r.headers().allValues("WWW-Authenticate"));
        for (AuthChallenge c : cs) {
            if (c.is("Bearer") && c.param("realm").isPresent()) {
                return Optional.of(new Discovered(AuthScheme.BEARER, c));
            }
        }
        for (AuthChallenge c : cs) {
            if (c.is("Basic")) {
                return Optional.of(new Discovered(AuthScheme.BASIC, c));
            }
        }
        return Optional.empty();
    }

    /**
     * One API call with authentication: the header for the known scheme (a token for {@code scopes}); on a 401
     * that brings a (new) challenge, authenticate for it once and retry.
     */
    private Response call(String method, String pathAndQuery, List<String> scopes, String accept) {
        Discovered d = discover(false);
        URI uri = base.resolve(pathAndQuery);
        boolean granted = false;
        String auth = null;
        if (d.scheme() == AuthScheme.BASIC) {
            auth = basicHeader().orElse(null);
        } else if (d.scheme() == AuthScheme.BEARER) {
            auth = "Bearer " + token(d.challenge(), scopes, false).value();
            granted = true;
        }
        Response r = send(method, uri, auth, accept, true);
        if (r.status() != 401) {
            return withGrant(r, granted);
        }
        Optional<Discovered> again = fromChallenge(r);
        if (again.isEmpty()) {
            return withGrant(r, granted);
        }
        Discovered c = again.get();
        if (c.scheme() == AuthScheme.BEARER) {
            Set<String> wanted = new LinkedHashSet<>(scopes);
            wanted.addAll(c.challenge().scopes());
            if (d.scheme() != AuthScheme.BEARER) {
                discovered = c;
            }
            auth = "Bearer " + token(c.challenge(), List.copyOf(wanted), true).value();
            granted = true;
        } else if (c.scheme() == AuthScheme.BASIC && d.scheme() == AuthScheme.NONE) {
            discovered = c;
            Optional<String> basic = basicHeader();
            if (basic.isEmpty()) {
                return r;
            }
            auth = basic.get();
        } else {
            return withGrant(r, granted);
        }
        return withGrant(send(method, uri, auth, accept, true), granted);
    }

    private static Response withGrant(Response r, boolean granted) {
        return new Response(r.status(), r.headers(), r.body(), r.uri(), granted);
    }

    private Optional<String> basicHeader() {
        Optional<String> user = credentials.username();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        char[] pw = credentials.password();
        char[] pair = new char[user.get().length() + 1 + pw.length];
        user.get().getChars(0, user.get().length(), pair, 0);
        pair[user.get().length()] = ':';
        System.arraycopy(pw, 0, pair, user.get().length() + 1, pw.length);
        byte[] raw = CredentialVault.utf8(pair);
        try {
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(raw));
        } finally {
            Arrays.fill(pw, '\0');
            Arrays.fill(pair, '\0');
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** A token for {@code scopes} from the challenge's realm (cached until shortly before it expires). */
    private Token token(AuthChallenge challenge, List<String> scopes, boolean refresh) {
        String realm = challenge.param("realm").orElseThrow();
        String service = challenge.param("service").orElse("");
        String key = realm + " " + service + " " + new TreeSet<>(scopes);
        Token cached = tokens.get(key);
        if (!refresh && cached != null && cached.expires().isAfter(Instant.now().plusSeconds(10))) {
            return cached;
        }
        URI realmUri;
        try {
            realmUri = URI.create(realm);
        } catch (IllegalArgumentException e) {
            throw error(Reason.PROTOCOL, "its token realm '" + realm
                    + "' is not a URL", e);
        }
        if ("http".equalsIgnoreCase(realmUri.getScheme()) && !config.insecureHttp()) {
            throw error(Reason.CONFIGURATION, "its token service "
                    + realm + " is plain HTTP; credentials are not sent there unless the registry is configured "
                    + "with --insecure-http");
        }
        if (!"http".equalsIgnoreCase(realmUri.getScheme()) && !"https".equalsIgnoreCase(realmUri.getScheme())) {
            throw error(Reason.PROTOCOL, "its token realm '" + realm
                    + "' is not an http(s) URL");
        }
        StringBuilder q = new StringBuilder();
        if (!service.isEmpty()) {
            q.append("service=").append(enc(service));
        }
        for (String s : new TreeSet<>(scopes)) {
            q.append(q.length() == 0 ? "" : "&").append("scope=").append(enc(s));
        }
        credentials.username().ifPresent(u -> q.append(q.length() == 0 ? "" : "&").append("account=").append(enc(u)));
        URI uri = URI.create(realm + (q.length() == 0 ? "" : (realm.contains("?") ? "&" : "?") + q));
        Response r = send("GET", uri, basicHeader().orElse(null), "application/json", true);
        if (r.status() == 401 || r.status() == 403) {
            throw credentials.username().isPresent()
                    ? error(Reason.UNAUTHORIZED, "its token service "
                            + realm + " rejected the credentials of user '" + credentials.username().get()
                            + "' (" + r.status() + errorText(r) + ")")
                    : noCredentials("its token service " + realm + " refuses anonymous tokens");
        }
        if (r.status() != 200) {
            throw error(Reason.PROTOCOL, "its token service " + realm
                    + " answered " + r.status() + errorText(r));
        }
        JsonNode body = json(r);
        String value = body.path("token").asText(body.path("access_token").asText(""));
        if (value.isEmpty()) {
            throw error(Reason.PROTOCOL, "its token service " + realm
                    + " answered without a token");
        }
        long life = body.path("expires_in").asLong(60);
        Token t = new Token(value, Instant.now().plusSeconds(Math.max(life, 10)));
        tokens.put(key, t);
        LOG.debug("registry {}: token for {} from {} (valid {} s)", config.name(), scopes, realm, life);
        return t;
    }

    /**
     * The actions a JWT bearer token grants on {@code type:name} (its {@code access} claim); empty when the token
     * is not a JWT with that claim. Read without verifying the signature: it only predicts what the registry,
     * which does verify it, will allow.
     */
    static Optional<Set<String>> grantedActions(Token token, String type, String name) {
        String[] parts = token.value().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode access = claims.path("access");
            if (!access.isArray()) {
                return Optional.empty();
            }
            Set<String> actions = new TreeSet<>();
            for (JsonNode a : access) {
                if (type.equals(a.path("type").asText()) && name.equals(a.path("name").asText())) {
                    a.path("actions").forEach(x -> actions.add(x.asText()));
                }
            }
            return Optional.of(actions);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------- transport

    /** Sends one request; follows redirects for GET/HEAD, dropping {@code auth} when they change host. */
    private Response send(String method, URI uri, String auth, String accept, boolean followRedirects) {
        URI current = uri;
        String currentAuth = auth;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(current).timeout(timeout)
                    .header("User-Agent", "slipway");
            if (currentAuth != null) {
                b.header("Authorization", currentAuth);
            }
            if (accept != null) {
                b.header("Accept", accept);
            }
            b.method(method, HttpRequest.BodyPublishers.noBody());
            HttpResponse<byte[]> resp;
            long t0 = System.nanoTime();
            try {
                resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw transportFailure(e, current);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw error(Reason.CANCELLED, "request to " + current
                        + " was cancelled", e);
            } finally {
                WaitTime.add(System.nanoTime() - t0); // the registry's time, as opposed to Slipway's own work
            }
            LOG.debug("{} {} -> {}", method, current, resp.statusCode());
            int s = resp.statusCode();
            boolean redirect = s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
            if (redirect && followRedirects && (method.equals("GET") || method.equals("HEAD"))
                    && resp.headers().firstValue("Location").isPresent()) {
                if (hop >= MAX_REDIRECTS) {
                    throw error(Reason.PROTOCOL, "too many redirects from "
                            + uri);
                }
                URI next = current.resolve(resp.headers().firstValue("Location").get());
                if (!sameOrigin(current, next)) {
                    currentAuth = null;
                }
                current = next;
                continue;
            }
            byte[] body = resp.body() == null ? new byte[0] : resp.body();
            return new Response(s, resp.headers(), body, current, false);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Names the reason of a failed connection: untrusted TLS, unreachable, timeout. */
    RegistryException transportFailure(IOException e, URI uri) {
        String host = RegistryConfig.hostOf(uri);
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        String detail = chain.get(chain.size() - 1).getMessage();
        if (detail == null) {
            detail = chain.get(chain.size() - 1).getClass().getSimpleName();
        }
        for (Throwable t : chain) {
            if (t instanceof HttpConnectTimeoutException) {
                return error(Reason.TIMEOUT, "no connection to " + host
                        + " within " + timeout.toSeconds() + " s (timeout)", e);
            }
            if (t instanceof HttpTimeoutException) {
                return error(Reason.TIMEOUT, "no answer from " + host
                        + " within " + timeout.toSeconds() + " s (timeout)", e);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException
                    || (t instanceof SSLHandshakeException && String.valueOf(t.getMessage()).contains("PKIX"))) {
                return error(Reason.TLS_UNTRUSTED, "the TLS certificate "
                        + "of " + host + " is not trusted (" + detail + "). Give the registry's CA certificate "
                        + "with --ca FILE" + (config.ca().isPresent() ? " (the configured CA did not sign it)" : "")
                        + ".", e);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof CertificateException) {
                return error(Reason.TLS_UNTRUSTED, "the TLS certificate "
                        + "of " + host + " was refused: " + t.getMessage(), e);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SSLException) {
                return error(Reason.PROTOCOL, "TLS handshake with " + host
                        + " failed (" + t.getMessage() + ")" + (String.valueOf(t.getMessage())
                        .contains("plaintext") || String.valueOf(t.getMessage()).contains("Unsupported or "
                        + "unrecognized") ? "; does it serve plain HTTP?" : ""), e);
            }
        }
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return error(Reason.UNREACHABLE, "host " + host
                        + " is unknown (unreachable)", e);
            }
            if (t instanceof ConnectException) {
                return error(Reason.UNREACHABLE, "cannot connect to "
                        + host + " (unreachable: " + detail + ")", e);
            }
        }
        return error(Reason.UNREACHABLE, "connection to " + host
                + " failed (unreachable: " + detail + ")", e);
    }

    /** The exception for a non-success answer to {@code action}. */
    private RegistryException failure(Response r, String action) {
        String user = credentials.username().orElse(null);
        int s = r.status();
        if (s == 401) {
            Optional<AuthChallenge> bearer = AuthChallenge.parse(r.headers().allValues("WWW-Authenticate")).stream()
                    .filter(c -> c.is("Bearer")).findFirst();
            boolean insufficientScope = bearer.flatMap(c -> c.param("error")).map("insufficient_scope"::equals)
                    .orElse(false);
            if (r.tokenGranted() || insufficientScope) {
                return error(Reason.DENIED, (user == null ? "anonymous "
                        + "access" : "user '" + user + "'") + " may not " + action + " (401" + errorText(r) + ")");
            }
            if (user == null) {
                return noCredentials("it asks for authentication to " + action);
            }
            return error(Reason.UNAUTHORIZED, "it rejected the credentials "
                    + "of user '" + user + "' (401" + errorText(r) + ")");
        }
        if (s == 403) {
            return error(Reason.DENIED, (user == null ? "anonymous access"
                    : "user '" + user + "'") + " may not " + action + " (403" + errorText(r) + ")");
        }
        if (s == 404) {
            return error(Reason.NOT_FOUND, "cannot " + action
                    + ": not found (404" + errorText(r) + ")");
        }
        return error(Reason.PROTOCOL, "cannot " + action + ": it answered "
                + s + errorText(r));
    }

    private RegistryException noCredentials(String why) {
        return error(Reason.UNAUTHORIZED, why + ", and no credentials are "
                + "stored for it (slipway registry login " + config.name() + " --username U --password-stdin)");
    }

    /** {@code : CODE message} from an OCI error body, when there is one. */
    private static String errorText(Response r) {
        if (r.body().length == 0 || r.body().length > 64 * 1024) {
            return "";
        }
        try {
            JsonNode errs = Json.MAPPER.readTree(r.body()).path("errors");
            List<String> parts = new ArrayList<>();
            for (JsonNode e : errs) {
                parts.add((e.path("code").asText("") + " " + e.path("message").asText("")).trim());
            }
            return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    // ------------------------------------------------------------------------------------------- parsing

    private Response getManifest(String repo, String reference) {
        Response r = call("GET", "/v2/" + repo + "/manifests/" + reference, List.of(pullScope(repo)), MANIFEST_ACCEPT);
        if (r.status() != 200) {
            throw failure(r, "read manifest " + repo + (reference.contains(":") ? "@" : ":") + reference);
        }
        return r;
    }

    private String verifiedDigest(Response r, String reference) {
        String actual = "sha256:" + sha256(r.body());
        Optional<String> claimed = r.header("Docker-Content-Digest");
        if (claimed.isPresent() && claimed.get().startsWith("sha256:") && !claimed.get().equals(actual)) {
            throw error(Reason.PROTOCOL, "manifest " + r.uri().getPath()
                    + " does not match its digest " + claimed.get() + " (got " + actual + ")");
        }
        if (reference.startsWith("sha256:") && !reference.equals(actual)) {
            throw error(Reason.PROTOCOL, "manifest " + reference
                    + " arrived with digest " + actual);
        }
        return claimed.orElse(actual);
    }

    private static JsonNode choosePlatform(JsonNode manifests) {
        JsonNode first = null;
        for (JsonNode m : manifests) {
            if (first == null) {
                first = m;
            }
            if ("linux".equals(m.path("platform").path("os").asText())
                    && "amd64".equals(m.path("platform").path("architecture").asText())) {
                return m;
            }
        }
        return first;
    }

    private JsonNode json(Response r) {
        if (r.body().length > MAX_JSON_BYTES) {
            throw error(Reason.PROTOCOL, r.uri().getPath()
                    + " answered more than " + MAX_JSON_BYTES + " bytes");
        }
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw error(Reason.PROTOCOL, r.uri().getPath()
                    + " did not answer JSON (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()) + ")", e);
        }
    }

    private String nextLink(Response r) {
        for (String link : r.headers().allValues("Link")) {
            Matcher m = LINK_NEXT.matcher(link);
            if (m.find()) {
                URI next = r.uri().resolve(m.group(1));
                return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
            }
        }
        return null;
    }

    private static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).trim().toLowerCase(Locale.ROOT);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
