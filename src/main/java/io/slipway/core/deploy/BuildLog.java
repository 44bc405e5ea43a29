package io.slipway.core.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The toolchain/build output of one node, kept for storage: the most recent lines up to a size bound (the end of a
 * log is where a failure explains itself), with a note of how many earlier lines were dropped.
 */
final class BuildLog {
    static final int MAX_CHARS = 1 << 20;

    private final Deque<String> lines = new ArrayDeque<>();
    private long chars;
    private long dropped;

    synchronized void add(String line) {
        lines.addLast(line);
        chars += line.length() + 1;
        while (chars > MAX_CHARS && lines.size() > 1) {
            chars -= lines.removeFirst().length() + 1;
            dropped++;
        }
    }

    synchronized List<String> tail(int n) {
        List<String> out = new ArrayList<>(Math.min(n, lines.size()));
        Iterator<String> it = lines.descendingIterator();
        while (it.hasNext() && out.size() < n) {
            out.add(0, it.next());
        }
        return out;
    }

    synchronized boolean isEmpty() {
        return lines.isEmpty();
    }

    synchronized String text() {
        StringBuilder sb = new StringBuilder((int) Math.min(chars + 64, Integer.MAX_VALUE));
        if (dropped > 0) {
            sb.append("[... ").append(dropped).append(" earlier lines not kept]\n");
        }
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }
}
