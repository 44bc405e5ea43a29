package io.slipway.core.sbom.read;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Canonical copies of the few values that repeat across an SBOM (licences, {@code NOASSERTION}, relationship
 * types, suppliers, annotators): looked up straight from the parser's character buffer, so a repeat costs a hash
 * and a compare but no new String. Bounded: once full, values are returned as fresh strings.
 */
final class ValueCache {
    private static final int CAPACITY = 4096;
    private static final int MAX_LENGTH = 120;
    private final String[] table = new String[CAPACITY * 2];
    private int size;

    /** The current string token's value, canonical if it was seen before. */
    String get(JsonParser p) throws IOException {
        char[] buf = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (len > MAX_LENGTH) {
            return new String(buf, off, len);
        }
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + buf[off + i];
        }
        int mask = table.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            String s = table[slot];
            if (s == null) {
                String fresh = new String(buf, off, len);
                if (size < CAPACITY) {
                    table[slot] = fresh;
                    size++;
                }
                return fresh;
            }
            if (s.length() == len && matches(s, buf, off, len)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The canonical copy of {@code value} (for readers that already hold it as a String). */
    String get(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return value;
        }
        int h = value.hashCode();
        int mask = table.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            String s = table[slot];
            if (s == null) {
                if (size < CAPACITY) {
                    table[slot] = value;
                    size++;
                }
                return value;
            }
            if (s.equals(value)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean matches(String s, char[] buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }
}
