package io.slipway.core.sbom.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spdx.library.LicenseInfoFactory;

/**
 * Checks SPDX licence expressions as text, without building the library's licence objects: a small recursive-
 * descent parser over {@code id[+] [WITH exception]}, {@code AND}, {@code OR} and parentheses (operators in upper
 * or lower case), and the ids against the SPDX licence list bundled in spdx-java-library's jar (offline). One
 * instance caches its verdicts per expression: real documents repeat a handful of expressions thousands of times.
 * Not thread-safe; one per document check.
 */
final class LicenceCheck {
    /** A problem with an expression: which rule and what. */
    record Problem(String rule, String message) {
    }

    private static final Problem OK = new Problem(null, null);
    private final Map<String, Problem> verdicts = new HashMap<>();

    LicenceCheck() {
        SpdxOffline.init();
    }

    /** The problem with {@code expression}, or null when it parses and every id is known. */
    Problem check(String expression) {
        if (expression == null) {
            return null;
        }
        Problem p = verdicts.computeIfAbsent(expression, LicenceCheck::verdict);
        return p == OK ? null : p;
    }

    private static Problem verdict(String expression) {
        String e = expression.strip();
        if (e.equals("NOASSERTION") || e.equals("NONE")) {
            return OK;
        }
        List<String> tokens = tokens(e);
        Parser parser = new Parser(tokens);
        String syntax = parser.parse();
        if (syntax != null) {
            return new Problem(ReadRules.LICENCE_SYNTAX, "licence expression '" + expression + "' does not parse ("
                    + syntax + "); shown as written");
        }
        List<String> unknown = new ArrayList<>();
        for (String id : parser.ids) {
            if (!known(id)) {
                unknown.add(id);
            }
        }
        return unknown.isEmpty() ? OK : new Problem(ReadRules.LICENCE_UNKNOWN_ID, "licence expression '" + expression
                + "' uses " + (unknown.size() == 1 ? "an id" : "ids") + " neither on the SPDX licence list nor "
                + "LicenseRef-: " + String.join(", ", unknown) + "; shown as written");
    }

    private static boolean known(String id) {
        if (id.startsWith("LicenseRef-") || id.startsWith("DocumentRef-") && id.contains(":LicenseRef-")) {
            return true;
        }
        String base = id.endsWith("+") ? id.substring(0, id.length() - 1) : id;
        return LicenseInfoFactory.isSpdxListedLicenseId(base) || base.equals("NONE") || base.equals("NOASSERTION");
    }

    static List<String> tokens(String e) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < e.length() && !Character.isWhitespace(e.charAt(i)) && e.charAt(i) != '('
                        && e.charAt(i) != ')') {
                    i++;
                }
                out.add(e.substring(start, i));
            }
        }
        return out;
    }

    /** expr := and (OR and)*; and := term (AND term)*; term := '(' expr ')' | id [WITH id]. */
    private static final class Parser {
        final List<String> tokens;
        final List<String> ids = new ArrayList<>();
        int pos;
        String error;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        String parse() {
            if (tokens.isEmpty()) {
                return "it is empty";
            }
            expr(0);
            if (error == null && pos < tokens.size()) {
                error = "unexpected '" + tokens.get(pos) + "'";
            }
            return error;
        }

        private boolean keyword(String word) {
            if (pos < tokens.size() && tokens.get(pos).toUpperCase(Locale.ROOT).equals(word)
                    && (tokens.get(pos).equals(word) || tokens.get(pos).equals(word.toLowerCase(Locale.ROOT)))) {
                pos++;
                return true;
            }
            return false;
        }

        private void expr(int depth) {
            and(depth);
            while (error == null && keyword("OR")) {
                and(depth);
            }
        }

        private void and(int depth) {
            term(depth);
            while (error == null && keyword("AND")) {
                term(depth);
            }
        }

        private void term(int depth) {
            if (depth > 64) {
                error = "nested deeper than 64 levels";
                return;
            }
            if (pos >= tokens.size()) {
                error = "it ends where a licence id is expected";
                return;
            }
            String t = tokens.get(pos);
            if (t.equals("(")) {
                pos++;
                expr(depth + 1);
                if (error == null && (pos >= tokens.size() || !tokens.get(pos).equals(")"))) {
                    error = "a '(' is not closed";
                } else if (error == null) {
                    pos++;
                }
                return;
            }
            if (!isId(t)) {
                error = "'" + t + "' where a licence id is expected";
                return;
            }
            pos++;
            ids.add(t);
            if (keyword("WITH")) {
                if (pos >= tokens.size() || !isId(tokens.get(pos))) {
                    error = "WITH without an exception id";
                    return;
                }
                pos++;
            }
        }

        private static boolean isId(String t) {
            String upper = t.toUpperCase(Locale.ROOT);
            if (upper.equals("AND") || upper.equals("OR") || upper.equals("WITH") || t.equals(")")) {
                return false;
            }
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':'
                        || c == '+' && i == t.length() - 1);
                if (!ok) {
                    return false;
                }
            }
            return !t.isEmpty();
        }
    }
}
