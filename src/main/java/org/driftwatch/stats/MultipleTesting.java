package org.driftwatch.stats;

import java.util.Arrays;

/**
 * Adjusted p-values for testing many columns at once: Benjamini–Hochberg, as
 * {@code scipy.stats.false_discovery_control(ps, method='bh')} (p_(i) · m / i, made monotone from the
 * largest down, capped at 1), and Bonferroni ({@code min(1, m · p)}).
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] out = new double[m];
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
            int i = order[r];
            running = Math.min(running, p[i] * m / (r + 1));
            out[i] = Math.min(1.0, running);
        }
        return out;
    }

    public static double[] bonferroni(double[] p) {
        return Arrays.stream(p).map(x -> Math.min(1.0, x * p.length)).toArray();
    }
}
