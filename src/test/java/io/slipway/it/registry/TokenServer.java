package io.slipway.it.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small but real Docker/OCI token service (the protocol Harbor's {@code /service/token} speaks): checks Basic
 * credentials, grants the requested scopes the user's ACL allows, and answers a JWT signed (RS256, {@code x5c}
 * header) with a key the registry trusts through its {@code rootcertbundle}. Wrong credentials get 401; no
 * credentials get an anonymous token that grants nothing. Every request is recorded (never the password).
 */
public final class TokenServer implements AutoCloseable {
    public static final String ISSUER = "slipway-test-token-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One token request as the server saw it. */
    public record Request(String user, boolean hadCredentials, String service, List<String> scopes,
                          List<String> granted, int status) {
    }

    private final HttpsServer server;
    private final TestPki pki;
    private final String service;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    /** user -> "type:name" -> actions */
    private final Map<String, Map<String, Set<String>>> acl = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    public TokenServer(TestPki pki, String service) throws IOException {
        this.pki = pki;
        this.service = service;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()));
        server.createContext("/token", this::handle);
        server.start();
    }

    public TokenServer user(String name, String password) {
        passwords.put(name, password);
        return this;
    }

    /** Allows {@code user} the {@code actions} (pull, push, *) on {@code resource} ({@code repository:a/b}). */
    public TokenServer allow(String user, String resource, String... actions) {
        acl.computeIfAbsent(user, u -> new ConcurrentHashMap<>())
                .computeIfAbsent(resource, r -> ConcurrentHashMap.newKeySet()).addAll(List.of(actions));
        return this;
    }

    public String realm() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public String service() {
        return service;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        requests.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, List<String>> q = query(ex.getRequestURI());
            String user = "";
            boolean hadCredentials = false;
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
                String pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                user = colon < 0 ? pair : pair.substring(0, colon);
                String pw = colon < 0 ? "" : pair.substring(colon + 1);
                hadCredentials = true;
                if (!pw.equals(passwords.get(user))) {
                    requests.add(new Request(user, true, first(q, "service"), q.getOrDefault("scope", List.of()),
                            List.of(), 401));
                    send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"invalid username or "
                            + "password\"}]}");
                    return;
                }
            }
            if (!service.equals(first(q, "service"))) {
                requests.add(new Request(user, hadCredentials, first(q, "service"), q.getOrDefault("scope", List.of()),
                        List.of(), 400));
                send(ex, 400, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"unknown service\"}]}");
                return;
            }
            ArrayNode access = JSON.createArrayNode();
            List<String> granted = new ArrayList<>();
            for (String scope : q.getOrDefault("scope", List.of())) {
                String[] parts = scope.split(":");
                if (parts.length < 3) {
                    continue;
                }
                String type = parts[0];
                String name = String.join(":", List.of(parts).subList(1, parts.length - 1));
                Set<String> allowed = acl.getOrDefault(user, Map.of()).getOrDefault(type + ":" + name, Set.of());
                Set<String> actions = new LinkedHashSet<>();
                for (String a : parts[parts.length - 1].split(",")) {
                    if (allowed.contains(a) || allowed.contains("*")) {
                        actions.add(a);
                    }
                }
                if (!actions.isEmpty()) {
                    ObjectNode ra = access.addObject().put("type", type).put("name", name);
                    actions.forEach(ra.putArray("actions")::add);
                    granted.add(type + ":" + name + ":" + String.join(",", actions));
                }
            }
            requests.add(new Request(user, hadCredentials, first(q, "service"), q.getOrDefault("scope", List.of()),
                    granted, 200));
            String token = mint(user, access);
            send(ex, 200, JSON.createObjectNode().put("token", token).put("access_token", token)
                    .put("expires_in", 300).put("issued_at", Instant.now().toString()).toString());
        } catch (RuntimeException | GeneralSecurityException e) {
            send(ex, 500, "{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"" + e + "\"}]}");
        }
    }

    /** A token as this server would issue it (also used by the fixture to seed the registry). */
    public String mint(String subject, ArrayNode access) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(Base64.getEncoder().encodeToString(pki.tokenSigner.cert().getEncoded()));
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", subject).put("aud", service)
                .put("exp", now + 300).put("nbf", now - 10).put("iat", now).put("jti", UUID.randomUUID().toString());
        claims.set("access", access);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initSign(pki.tokenSigner.keys().getPrivate());
        sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(sig.sign());
    }

    /** A token granting {@code actions} on {@code repository} (for seeding the registry). */
    public String mintFor(String repository, String... actions) throws GeneralSecurityException {
        ArrayNode access = JSON.createArrayNode();
        ArrayNode list = access.addObject().put("type", "repository").put("name", repository).putArray("actions");
        for (String a : actions) {
            list.add(a);
        }
        return mint("fixture", access);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static String first(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
