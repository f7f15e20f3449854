package org.imssim.tests.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a set of samples in milliseconds. */
record Stats(double p50, double p90, double p99, double min, double max, int count) {

    static Stats of(double[] samplesMs) {
        double[] s = samplesMs.clone();
        Arrays.sort(s);
        return new Stats(pct(s, 50), pct(s, 90), pct(s, 99), s[0], s[s.length - 1], s.length);
    }

    private static double pct(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f ms", v);
    }

    static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }
}
