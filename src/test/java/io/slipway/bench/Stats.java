package io.slipway.bench;

import java.util.List;

/** Median, percentiles and maximum of measured times, as the benchmarks print them. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> t) {
        return percentile(t, 0.5);
    }

    static double percentile(List<Double> t, double p) {
        double[] s = t.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s[Math.min(s.length - 1, (int) Math.floor(p * (s.length - 1) + 0.5))];
    }

    static double max(List<Double> t) {
        return t.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
