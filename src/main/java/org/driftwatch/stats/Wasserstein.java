package org.driftwatch.stats;

import java.util.Arrays;

/**
 * First Wasserstein distance between two samples, as {@code scipy.stats.wasserstein_distance(u, v)}:
 * the integral of |F_u − F_v| over the pooled sorted values. The normed form divides by
 * max(std_pop(reference), 0.001), Evidently's convention (drift when ≥ 0.1).
 */
public final class Wasserstein {
    public static final double STD_FLOOR = 0.001;

    private Wasserstein() {
    }

    public static double distance(double[] u, double[] v) {
        double[] a = u.clone();
        double[] b = v.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        double w = 0.0;
        int i = 0;
        int j = 0;
        for (int k = 0; k < all.length - 1; k++) {
            while (i < a.length && a[i] <= all[k]) {
                i++;
            }
            while (j < b.length && b[j] <= all[k]) {
                j++;
            }
            double delta = all[k + 1] - all[k];
            if (delta != 0) {
                w += KolmogorovSmirnov.ecdfGap(i, a.length, j, b.length) * delta;
            }
        }
        return w;
    }

    /**
     * The distance from a pooled value table (distinct values in increasing order, each side's count of
     * every one): Σ |F_u − F_v|·(next value − value), as {@link #distance(double[], double[])} on the samples.
     */
    public static double distance(double[] values, long[] u, long[] v) {
        long n1 = Arrays.stream(u).sum();
        long n2 = Arrays.stream(v).sum();
        long i = 0;
        long j = 0;
        double w = 0.0;
        for (int k = 0; k < values.length - 1; k++) {
            i += u[k];
            j += v[k];
            double delta = values[k + 1] - values[k];
            if (delta != 0) {
                w += KolmogorovSmirnov.ecdfGap(i, n1, j, n2) * delta;
            }
        }
        return w;
    }

    public static double normed(double distance, double referenceStdPop) {
        return distance / Math.max(referenceStdPop, STD_FLOOR);
    }
}
