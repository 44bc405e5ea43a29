package io.slipway.core.upgrade;

import io.slipway.core.common.UserFacingException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run splits its nodes into waves, as typed: {@code 1,25%,100%}. Each entry is how many nodes have been reached
 * by the end of that wave — a count, or a share of all nodes (rounded up) — so {@code 1,25%,100%} over 20 nodes is
 * waves of 1, 4 and 15 nodes. An entry that reaches no new node adds no wave; the last wave always takes the rest.
 * The first wave is the canary (its own failure threshold).
 */
public record WavePlan(String spec, List<Step> steps) {
    public static final String DEFAULT = "1,25%,100%";

    /** One entry: {@code value} nodes, or {@code value} percent of them. */
    public record Step(int value, boolean percent) {
        int reach(int nodes) {
            return Math.min(nodes, percent ? (int) Math.ceil(nodes * value / 100.0) : value);
        }
    }

    public WavePlan {
        steps = List.copyOf(steps);
    }

    public static WavePlan parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new UserFacingException("--waves: empty; give node counts or shares, e.g. " + DEFAULT);
        }
        List<Step> steps = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String s = raw.trim();
            boolean percent = s.endsWith("%");
            String number = percent ? s.substring(0, s.length() - 1).trim() : s;
            int value;
            try {
                value = Integer.parseInt(number);
            } catch (NumberFormatException e) {
                throw new UserFacingException("--waves '" + spec + "': '" + s + "' is not a node count or a share "
                        + "like 25%");
            }
            if (value < 1 || percent && value > 100) {
                throw new UserFacingException("--waves '" + spec + "': '" + s + "' must be a count ≥ 1 or a share "
                        + "from 1% to 100%");
            }
            steps.add(new Step(value, percent));
        }
        return new WavePlan(spec.trim(), steps);
    }

    /** The nodes (in the given order) of each wave; no empty wave; every node in exactly one. */
    public <T> List<List<T>> split(List<T> nodes) {
        List<List<T>> waves = new ArrayList<>();
        int reached = 0;
        for (Step s : steps) {
            int to = Math.max(reached, s.reach(nodes.size()));
            if (to > reached) {
                waves.add(List.copyOf(nodes.subList(reached, to)));
                reached = to;
            }
        }
        if (reached < nodes.size()) {
            if (waves.isEmpty()) {
                waves.add(List.copyOf(nodes));
            } else {
                List<T> last = new ArrayList<>(waves.remove(waves.size() - 1));
                last.addAll(nodes.subList(reached, nodes.size()));
                waves.add(List.copyOf(last));
            }
        }
        return waves;
    }
}
