package org.driftwatch.stats;

import java.util.Arrays;

/**
 * Two-sample Kolmogorov–Smirnov test as {@code scipy.stats.ks_2samp(a, b, method='auto')}.
 * <p>D = sup_x |F_ref(x) − F_cur(x)| with both empirical CDFs evaluated right-continuously at every
 * pooled value, so ties are handled. The p-value is exact (lattice-path counting, as scipy) when
 * max(n1, n2) ≤ 10000, otherwise — or when the exact computation overflows — the one-sample
 * Kolmogorov distribution at the effective size: {@code kstwo.sf(D, round(n1·n2/(n1+n2)))}.
 */
public final class KolmogorovSmirnov {
    public static final long MAX_EXACT_N = 10_000;

    private KolmogorovSmirnov() {
    }

    public enum Method { EXACT, ASYMPTOTIC }

    public record Result(double statistic, double pValue, Method method) {
    }

    /** D from raw samples (tests and small data). */
    public static double statistic(double[] reference, double[] current) {
        double[] a = reference.clone();
        double[] b = current.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        int i = 0;
        int j = 0;
        double d = 0.0;
        while (i < a.length || j < b.length) {
            double x = Math.min(i < a.length ? a[i] : Double.POSITIVE_INFINITY, j < b.length ? b[j] : Double.POSITIVE_INFINITY);
            while (i < a.length && a[i] <= x) {
                i++;
            }
            while (j < b.length && b[j] <= x) {
                j++;
            }
            d = Math.max(d, ecdfGap(i, a.length, j, b.length));
        }
        return d;
    }

    /**
     * D from a pooled value table: the distinct values in increasing order (not needed, only their
     * order) with each side's count of every one; equal to {@link #statistic(double[], double[])} on the
     * samples the table counts.
     */
    public static double statistic(long[] reference, long[] current) {
        long n1 = Arrays.stream(reference).sum();
        long n2 = Arrays.stream(current).sum();
        long i = 0;
        long j = 0;
        double d = 0.0;
        for (int k = 0; k < reference.length; k++) {
            i += reference[k];
            j += current[k];
            d = Math.max(d, ecdfGap(i, n1, j, n2));
        }
        return d;
    }

    /** |F1 − F2| at a point where i of n1 and j of n2 values are ≤ it, computed as scipy does. */
    public static double ecdfGap(long i, long n1, long j, long n2) {
        return Math.abs((double) i / n1 - (double) j / n2);
    }

    /** The test given D and the two sample sizes (D from a distributed pass, for example). */
    public static Result test(double statistic, long n1, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            throw new IllegalArgumentException("KS test needs two non-empty samples");
        }
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            double p = exactPValue(statistic, n1, n2);
            if (!Double.isNaN(p)) {
                return new Result(statistic, p, Method.EXACT);
            }
        }
        long m = Math.max(n1, n2);
        long n = Math.min(n1, n2);
        double en = (double) m * n / (m + n);
        double p = KolmogorovDistribution.survival(Math.round(en), statistic);
        return new Result(statistic, clip(p), Method.ASYMPTOTIC);
    }

    /** scipy's {@code _attempt_exact_2kssamp} for the two-sided alternative; NaN when it overflows. */
    static double exactPValue(double d, long n1, long n2) {
        long g = gcd(n1, n2);
        long lcm = (n1 / g) * n2;
        long h = Math.round(d * lcm);
        if (h == 0) {
            return 1.0;
        }
        double p = n1 == n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
        if (Double.isNaN(p) || Double.isInfinite(p) || p < 0 || p > 1) {
            return Double.NaN;
        }
        return p;
    }

    /** P(D_{n,n} ≥ h/n) by a Horner-like alternating sum (scipy's {@code _compute_prob_outside_square}). */
    static double probOutsideSquare(long n, long h) {
        double p = 0.0;
        for (long k = n / h; k >= 0; k--) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
        }
        return 2 * p;
    }

    /**
     * P(D ≥ h/lcm) for unequal sizes: the share of lattice paths leaving the band, counted column by
     * column on a sliding window (scipy's {@code _compute_outer_prob_inside_method}).
     */
    static double outerProbInside(long n1, long n2, long g, long h) {
        long m = Math.max(n1, n2);
        long n = Math.min(n1, n2);
        long mg = m / g;
        long ng = n / g;
        long minj = 0;
        long maxj = Math.min(ceilDiv(h, mg), n + 1);
        long curlen = maxj - minj;
        int lenA = (int) Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        Arrays.fill(a, 1.0);
        Arrays.fill(a, (int) minj, (int) maxj, 0.0);
        for (long i = 1; i <= m; i++) {
            long lastminj = minj;
            long lastlen = curlen;
            minj = Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = Math.min(ceilDiv(ng * i + h, mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[(int) (jj + minj - lastminj)] * i + val * j) / (i + j);
                a[(int) jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                Arrays.fill(a, (int) (maxj - minj), (int) (maxj - minj + (lastlen - curlen)), 1.0);
            }
            if (!Double.isFinite(val)) {
                return Double.NaN;
            }
        }
        return a[(int) (maxj - minj - 1)];
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static double clip(double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }
}
