package io.slipway.core.sbom.read;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Arrays;

/**
 * The streaming reader's symbol table: each distinct SPDX id gets one String and one small int (its symbol),
 * looked up straight from the parser's character buffer, so an id named again (relationship ends, hasFiles,
 * documentDescribes) costs a hash and a compare and no new String. Open addressing, grows as needed.
 */
final class IdTable {
    /** Per slot: hash in the high 32 bits, symbol + 1 in the low 32 (0 = empty); one array, one cache miss. */
    private long[] slots = new long[2048];
    private String[] names = new String[1024];
    private int count;

    /** The symbol of the current string token. */
    int symbol(JsonParser p) throws IOException {
        char[] buf = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + buf[off + i];
        }
        int mask = slots.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            long e = slots[slot];
            if (e == 0) {
                if (count == names.length) {
                    names = Arrays.copyOf(names, count * 2);
                }
                names[count] = new String(buf, off, len);
                slots[slot] = entry(h, ++count);
                if (count * 2 > slots.length) {
                    grow();
                }
                return count - 1;
            }
            if ((int) (e >>> 32) == h && matches(names[(int) e - 1], buf, off, len)) {
                return (int) e - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static long entry(int hash, int symbolPlusOne) {
        return ((long) hash << 32) | (symbolPlusOne & 0xFFFFFFFFL);
    }

    /** A symbol for an id given as a String (not from the parser). */
    int symbol(String id) {
        int h = id.hashCode();
        int mask = slots.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            long e = slots[slot];
            if (e == 0) {
                if (count == names.length) {
                    names = Arrays.copyOf(names, count * 2);
                }
                names[count] = id;
                slots[slot] = entry(h, ++count);
                if (count * 2 > slots.length) {
                    grow();
                }
                return count - 1;
            }
            if ((int) (e >>> 32) == h && names[(int) e - 1].equals(id)) {
                return (int) e - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    String name(int symbol) {
        return names[symbol];
    }

    int count() {
        return count;
    }

    String[] names() {
        return Arrays.copyOf(names, count);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long e : old) {
            if (e != 0) {
                int h = (int) (e >>> 32);
                int slot = (h ^ (h >>> 16)) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = e;
            }
        }
    }

    private static boolean matches(String s, char[] buf, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }
}
