package io.slipway.core.sbom.release;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.spdx.library.LicenseInfoFactory;

/**
 * Small, library-backed helpers over SPDX licence expressions as text: normalising ids against the SPDX licence
 * list (offline, from the library's jar) and listing an expression's licence ids.
 */
public final class LicenceExpressions {
    public static final String NOASSERTION = "NOASSERTION";
    public static final String NONE = "NONE";
    public static final String LICENSE_REF = "LicenseRef-";

    static {
        Spdx.init();
    }

    private LicenceExpressions() {
    }

    /** An expression with every id spelled as the licence list does; non-list ids became LicenseRef-*. */
    public record Normalised(String expression, List<String> madeRefs) {
    }

    /** True when {@code expr} says nothing about the licence: missing, blank, NOASSERTION or NONE. */
    public static boolean isMissing(String expr) {
        if (expr == null || expr.isBlank()) {
            return true;
        }
        String e = expr.strip();
        return e.equalsIgnoreCase(NOASSERTION) || e.equalsIgnoreCase(NONE);
    }

    public static Normalised normalise(String expr) {
        List<String> tokens = tokens(expr);
        List<String> out = new ArrayList<>();
        List<String> made = new ArrayList<>();
        boolean afterWith = false;
        for (String t : tokens) {
            String upper = t.toUpperCase(Locale.ROOT);
            if (t.equals("(") || t.equals(")")) {
                out.add(t);
            } else if (upper.equals("AND") || upper.equals("OR") || upper.equals("WITH")) {
                out.add(upper);
                afterWith = upper.equals("WITH");
                continue;
            } else if (afterWith) {
                out.add(LicenseInfoFactory.listedExceptionIdCaseSensitive(t).orElse(t));
            } else {
                String id = normaliseId(t);
                if (!id.equals(t) && id.startsWith(LICENSE_REF) && !t.startsWith(LICENSE_REF)) {
                    made.add(t + " -> " + id);
                }
                out.add(id);
            }
            afterWith = false;
        }
        StringBuilder sb = new StringBuilder();
        for (String t : out) {
            if (sb.length() > 0 && !t.equals(")") && sb.charAt(sb.length() - 1) != '(') {
                sb.append(' ');
            }
            sb.append(t);
        }
        return new Normalised(sb.toString(), made);
    }

    /** One id as the licence list spells it; a LicenseRef-/DocumentRef- id unchanged; others made a LicenseRef. */
    public static String normaliseId(String id) {
        if (id.equalsIgnoreCase(NOASSERTION) || id.equalsIgnoreCase(NONE)) {
            return id.toUpperCase(Locale.ROOT);
        }
        if (id.startsWith(LICENSE_REF) || id.startsWith("DocumentRef-")) {
            return id;
        }
        Optional<String> listed = LicenseInfoFactory.listedLicenseIdCaseSensitive(id);
        if (listed.isPresent()) {
            return listed.get();
        }
        if (id.endsWith("+")) {
            Optional<String> base = LicenseInfoFactory.listedLicenseIdCaseSensitive(id.substring(0, id.length() - 1));
            if (base.isPresent()) {
                return base.get() + "+";
            }
        }
        return LICENSE_REF + id.replaceAll("[^A-Za-z0-9.-]", "-");
    }

    /** The licence ids in {@code expr} (no operators, no exceptions), in order of appearance. */
    public static List<String> ids(String expr) {
        Set<String> ids = new LinkedHashSet<>();
        boolean afterWith = false;
        for (String t : tokens(expr)) {
            String upper = t.toUpperCase(Locale.ROOT);
            if (t.equals("(") || t.equals(")") || upper.equals("AND") || upper.equals("OR")) {
                afterWith = false;
                continue;
            }
            if (upper.equals("WITH")) {
                afterWith = true;
                continue;
            }
            if (!afterWith) {
                ids.add(t);
            }
            afterWith = false;
        }
        return List.copyOf(ids);
    }

    static boolean isListed(String id) {
        String base = id.endsWith("+") ? id.substring(0, id.length() - 1) : id;
        return LicenseInfoFactory.isSpdxListedLicenseId(base);
    }

    static List<String> tokens(String expr) {
        List<String> tokens = new ArrayList<>();
        if (expr == null) {
            return tokens;
        }
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    tokens.add(cur.toString());
                    cur.setLength(0);
                }
                if (c != ' ' && !Character.isWhitespace(c)) {
                    tokens.add(String.valueOf(c));
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            tokens.add(cur.toString());
        }
        return tokens;
    }
}
