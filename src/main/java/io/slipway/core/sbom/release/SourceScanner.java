package io.slipway.core.sbom.release;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds licence and copyright statements in the first bytes of a file: {@code SPDX-License-Identifier:} lines,
 * copyright lines (starting with Copyright, (c) or © and naming a year) and, in LICENSE files, "distributed /
 * licensed / released under &lt;id&gt;" sentences.
 */
final class SourceScanner {
    /** How much of each file is scanned: licence headers sit at the top. */
    static final int SCAN_BYTES = 256 * 1024;

    private static final Pattern SPDX_ID = Pattern.compile("SPDX-License-Identifier:\\s*(.+)$");
    private static final Pattern COMMENT_LEAD = Pattern.compile("^(?:\\s|/\\*+|\\*|//|#+|;+|--|<!--|!|%|\"|')*");
    private static final Pattern COMMENT_TAIL = Pattern.compile("(?:\\s|\\*/|-->|\\*\\)|#\\}|\\*)*$");
    private static final Pattern COPYRIGHT = Pattern.compile("^(?i:copyright\\b|\\(c\\)|©).*");
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d\\d\\b");
    private static final Pattern UNDER = Pattern.compile(
            "(?i:licen[cs]ed|distributed|released|available)\\s+under\\s+(?i:the\\s+)?([A-Za-z0-9][A-Za-z0-9.+-]*)");

    private SourceScanner() {
    }

    private static boolean mayBeCopyright(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '©') {
                return true;
            }
            if ((c == 'c' || c == 'C') && i + 1 < line.length()) {
                char n = line.charAt(i + 1);
                if ((n == 'o' || n == 'O') && line.regionMatches(true, i, "copyright", 0, 9)) {
                    return true;
                }
                if (n == ')' && i > 0 && line.charAt(i - 1) == '(') {
                    return true;
                }
            }
        }
        return false;
    }

    record Scan(boolean text, List<String> expressions, List<String> copyrights, List<String> statedIds) {
    }

    static Scan scan(byte[] head, int length, boolean licenceFile) {
        int probe = Math.min(length, 8192);
        for (int i = 0; i < probe; i++) {
            if (head[i] == 0) {
                return new Scan(false, List.of(), List.of(), List.of());
            }
        }
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        Set<String> expressions = new LinkedHashSet<>();
        Set<String> copyrights = new LinkedHashSet<>();
        Set<String> stated = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            // cheap filters first: most lines of most files carry none of these
            boolean spdx = line.contains("SPDX-License-Identifier");
            boolean copyright = !spdx && mayBeCopyright(line);
            boolean saysUnder = licenceFile && line.toLowerCase(java.util.Locale.ROOT).contains("under");
            if (!spdx && !copyright && !saysUnder) {
                continue;
            }
            Matcher id = SPDX_ID.matcher(line);
            if (id.find()) {
                String expr = COMMENT_TAIL.matcher(id.group(1)).replaceAll("").strip();
                if (!expr.isEmpty()) {
                    expressions.add(expr);
                }
                continue;
            }
            String body = COMMENT_TAIL.matcher(COMMENT_LEAD.matcher(line).replaceFirst("")).replaceAll("").strip();
            if (COPYRIGHT.matcher(body).matches() && YEAR.matcher(body).find()) {
                copyrights.add(body.replaceAll("\\s+", " "));
            }
            if (saysUnder) {
                Matcher under = UNDER.matcher(line);
                while (under.find()) {
                    String candidate = under.group(1).replaceAll("[.]+$", "");
                    if (candidate.startsWith(LicenceExpressions.LICENSE_REF) || LicenceExpressions.isListed(candidate)) {
                        stated.add(LicenceExpressions.normaliseId(candidate));
                    }
                }
            }
        }
        return new Scan(true, new ArrayList<>(expressions), new ArrayList<>(copyrights), new ArrayList<>(stated));
    }
}
