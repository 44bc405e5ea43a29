package io.slipway.core.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://harbor/service/token",service="harbor-registry",scope="repository:a/b:pull"}.
 * A header may carry several challenges, and a response several headers; {@link #parse} reads them all.
 *
 * @param scheme  as sent (compare with {@link #is})
 * @param params  parameter names in lower case (they are case-insensitive), values unquoted
 * @param token68 the single token form ({@code Negotiate abc==}), else empty
 */
public record AuthChallenge(String scheme, Map<String, String> params, Optional<String> token68) {
    private static final Pattern TOKEN68 = Pattern.compile("\\G([A-Za-z0-9\\-._~+/]+=*)[ \\t]*(?=,|$)");

    public AuthChallenge {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public boolean is(String name) {
        return scheme.equalsIgnoreCase(name);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code scope} parameter split into its space-separated scopes (Bearer). */
    public List<String> scopes() {
        return param("scope").map(s -> Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList())
                .orElse(List.of());
    }

    /** All challenges of all given header values, in order; malformed parts are skipped, never thrown on. */
    public static List<AuthChallenge> parse(List<String> headerValues) {
        List<AuthChallenge> out = new ArrayList<>();
        for (String h : headerValues) {
            out.addAll(parse(h));
        }
        return out;
    }

    public static List<AuthChallenge> parse(String header) {
        List<AuthChallenge> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        Parser p = new Parser(header);
        while (true) {
            p.skip(" \t,");
            if (p.end()) {
                return out;
            }
            String scheme = p.token();
            if (scheme.isEmpty()) {
                p.pos++; // an unexpected character: step over it
                continue;
            }
            if (p.peek() == '=') { // "name=value" where a scheme was expected: malformed, skip the pair
                p.pos++;
                p.value();
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            Optional<String> token68 = Optional.empty();
            p.skip(" \t");
            Matcher m = TOKEN68.matcher(header);
            if (!p.end() && p.peek() != ',' && m.find(p.pos) && m.start() == p.pos && !looksLikeParam(header, p.pos)) {
                token68 = Optional.of(m.group(1));
                p.pos = m.end();
            } else {
                while (true) {
                    int mark = p.pos;
                    p.skip(" \t,");
                    if (p.end()) {
                        break;
                    }
                    String name = p.token();
                    p.skip(" \t");
                    if (name.isEmpty() || p.peek() != '=') {
                        p.pos = mark; // not a parameter: the next challenge starts here
                        break;
                    }
                    p.pos++;
                    p.skip(" \t");
                    params.put(name.toLowerCase(Locale.ROOT), p.value());
                }
            }
            out.add(new AuthChallenge(scheme, params, token68));
        }
    }

    /** {@code name = value} (a parameter) rather than a token68 that merely ends in '='. */
    private static boolean looksLikeParam(String s, int from) {
        int i = from;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
            i++;
        }
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '=') {
            return false;
        }
        i++;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i < s.length() && s.charAt(i) != '=' && s.charAt(i) != ',';
    }

    static boolean isTokenChar(char c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={} \t".indexOf(c) < 0;
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean end() {
            return pos >= s.length();
        }

        char peek() {
            return end() ? '\0' : s.charAt(pos);
        }

        void skip(String chars) {
            while (!end() && chars.indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (!end() && isTokenChar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** A quoted-string (backslash escapes) or a bare value up to the next comma or blank. */
        String value() {
            if (peek() == '"') {
                pos++;
                StringBuilder b = new StringBuilder();
                while (!end() && s.charAt(pos) != '"') {
                    char c = s.charAt(pos++);
                    if (c == '\\' && !end()) {
                        c = s.charAt(pos++);
                    }
                    b.append(c);
                }
                pos++; // closing quote (or past the end of an unterminated one)
                return b.toString();
            }
            int start = pos;
            while (!end() && s.charAt(pos) != ',' && s.charAt(pos) != ' ' && s.charAt(pos) != '\t') {
                pos++;
            }
            return s.substring(start, pos);
        }
    }
}
