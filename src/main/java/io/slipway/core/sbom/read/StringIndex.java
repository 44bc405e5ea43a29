package io.slipway.core.sbom.read;

/**
 * String to non-negative int, open addressing over parallel arrays (no boxing, no nodes): numbers the ids of a
 * document read by spdx-java-library or cyclonedx-core-java ({@link IdSymbols#of}). Identity is tried before
 * equals.
 */
final class StringIndex {
    private final String[] keys;
    private final int[] values;
    private final int mask;

    StringIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new String[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** Adds {@code key} with {@code value} unless present; returns the existing value, or -1 when added. */
    int putIfAbsent(String key, int value) {
        int slot = slot(key);
        while (true) {
            String k = keys[slot];
            if (k == null) {
                keys[slot] = key;
                values[slot] = value;
                return -1;
            }
            if (k == key || k.equals(key)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The value of {@code key}, or -1. */
    int get(String key) {
        int slot = slot(key);
        while (true) {
            String k = keys[slot];
            if (k == null) {
                return -1;
            }
            if (k == key || k.equals(key)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slot(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
