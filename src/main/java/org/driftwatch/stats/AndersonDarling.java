package org.driftwatch.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * The k-sample Anderson–Darling test for two samples as {@code scipy.stats.anderson_ksamp([ref, cur])}
 * with its defaults (the midrank variant for ties, Scholz and Stephens 1987, eq. 7): the standardised
 * statistic (A²kN − 1) / σ, and its p-value interpolated from the paper's critical values and capped to
 * [0.001, 0.25], as scipy does without a permutation method.
 * <p>Per distinct value held l times, a by the reference and b by the current, after x values and before
 * y, the midrank term is l·D² / (nm·(xy + (x + y)·l/4)) with D = m(A + a/2) − n(B + b/2); the
 * denominator is scipy's B_j(N − B_j) − N·l/4. Weighting the tails more than Cramér–von Mises, it sees
 * changes in the extremes that KS and CvM barely register.
 */
public final class AndersonDarling implements EcdfStatistic {
    public static final String NAME = "anderson_darling";
    private static final double[] SIGNIFICANCE = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};
    private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
    private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
    private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
    /** Two samples: k − 1 = 1 degree of freedom in Scholz and Stephens' table. */
    private static final double[] CRITICAL = critical();
    private static final double[] FIT = fit(CRITICAL);
    /** σ² depends only on the sizes; columns of one run usually share them. */
    private static final Map<java.util.List<Long>, Double> VARIANCES = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String display() {
        return "Anderson–Darling";
    }

    @Override
    public double term(long a, long b, long belowA, long belowB, long n, long m) {
        long l = a + b;
        double before = belowA + belowB;
        double after = (double) n + m - before - l;
        double q = before * after + (before + after) * l / 4;
        if (q == 0) {
            return 0; // every value is this one: no ranks to compare (test() reports it undefined)
        }
        double d = m * (belowA + a / 2.0) - n * (belowB + b / 2.0);
        return l * d * d / ((double) n * m * q);
    }

    /**
     * Each of the interval's values, alone or tied, adds D²/(nm·Q) with its midrank position inside the
     * interval: D between m·belowR − n(belowC + c) and m(belowR + r) − n·belowC, Q at least the values
     * before the interval times those after it plus (N − l)·l/4 for 1 ≤ l ≤ r + c, and at most the largest
     * x(N − 1 − x) over the interval's positions plus N²/16.
     */
    @Override
    public double[] span(long r, long c, long belowR, long belowC, long n, long m) {
        double size = (double) n + m;
        double count = (double) r + c;
        double before = (double) belowR + belowC;
        double after = size - before - count;
        double dLow = (double) m * belowR - (double) n * (belowC + c);
        double dHigh = (double) m * (belowR + r) - (double) n * belowC;
        double d2Least = dLow <= 0 && dHigh >= 0 ? 0 : Math.min(dLow * dLow, dHigh * dHigh);
        double d2Most = Math.max(dLow * dLow, dHigh * dHigh);
        double qLeast = before * after + Math.min(size - 1, (size - count) * count) / 4;
        double x = Math.max(before, Math.min(before + count - 1, (size - 1) / 2));
        double qMost = x * (size - 1 - x) + Math.min(size * size / 16, (size - 1) * count / 4);
        double nm = (double) n * m;
        double most = qLeast <= 0 ? Double.POSITIVE_INFINITY : count * d2Most / (nm * qLeast);
        return new double[] {count * d2Least / (nm * qMost), most};
    }

    @Override
    public Result test(double least, double most, long n, long m, long distinct) {
        double size = (double) n + m;
        if (distinct == 1 || n + m < 4 || !Double.isFinite(least) || !Double.isFinite(most)) {
            return null;
        }
        double sigma = Math.sqrt(variance(n, m));
        double scale = (size - 1) / size / sigma;
        double a2 = ((least + most) / 2 * (size - 1) / size - 1) / sigma;
        return new Result(a2, pValue(a2), (most - least) / 2 * scale);
    }

    /** scipy's interpolation of log significance (a quadratic least-squares fit), capped to the table's range. */
    static double pValue(double a2) {
        double lowest = Math.min(CRITICAL[0], CRITICAL[CRITICAL.length - 1]);
        double highest = Math.max(CRITICAL[0], CRITICAL[CRITICAL.length - 1]);
        if (a2 < lowest) {
            return SIGNIFICANCE[0];
        }
        if (a2 > highest) {
            return SIGNIFICANCE[SIGNIFICANCE.length - 1];
        }
        return Math.exp((FIT[0] * a2 + FIT[1]) * a2 + FIT[2]);
    }

    /** σ² of A²kN under the null for two samples (Scholz and Stephens, eq. 4), with scipy's h and g. */
    static double variance(long n, long m) {
        return VARIANCES.computeIfAbsent(java.util.List.of(n, m), key -> computeVariance(n, m));
    }

    /** Above this many values h and g come from their closed forms instead of scipy's O(N) sums. */
    static final long CLOSED_FORM = 10_000;

    private static double computeVariance(long nx, long ny) {
        long total = nx + ny;
        double big = total;
        double hh = 1.0 / nx + 1.0 / ny;
        double[] hg = total > CLOSED_FORM ? closedForm(total) : summed(total);
        double h = hg[0];
        double g = hg[1];
        int k = 2;
        double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * hh;
        double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * hh - 8 * h + 4 * g - 6;
        double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * hh + 4 * h;
        double d = (2 * h + 6) * k * k - 4 * h * k;
        return (a * big * big * big + b * big * big + c * big + d) / ((big - 1) * (big - 2) * (big - 3));
    }

    /**
     * h = Σ_{i=1}^{N−1} 1/i and g = Σ_{t=2}^{N−1} (Σ_{i=N−t+1}^{N−1} 1/i) / t, summed as scipy's cumsum does
     * (compensated).
     */
    static double[] summed(long total) {
        double running = 0;
        double g = 0;
        double gError = 0;
        for (long t = 2; t < total; t++) {
            running += 1.0 / (total - t + 1);
            double x = running / t;
            double s = g + x;
            gError += Math.abs(g) >= Math.abs(x) ? (g - s) + x : (x - s) + g;
            g = s;
        }
        return new double[] {running + 1, g + gError};
    }

    /**
     * The same h and g in O(1): h = H_{N−1} = ψ(N) + γ, and since Σ_{j+k≤N} 1/(jk) = H_N² − H_N^(2),
     * g = H_N^(2) − 2·H_{N−1}/N − 1/N² with H_N^(2) = π²/6 − ψ'(N + 1).
     */
    static double[] closedForm(long total) {
        double n = total;
        double h = Gamma.digamma(n) + EULER;
        double h2 = Math.PI * Math.PI / 6 - Gamma.trigamma(n + 1);
        return new double[] {h, h2 - 2 * h / n - 1 / (n * n)};
    }

    private static final double EULER = 0.57721566490153286061;

    private static double[] critical() {
        double[] c = new double[B0.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = B0[i] + B1[i] / Math.sqrt(1) + B2[i] / 1;
        }
        return c;
    }

    /** numpy's {@code polyfit(critical, log(sig), 2)}: least squares by QR, highest power first. */
    private static double[] fit(double[] x) {
        double[][] v = new double[x.length][3];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i][0] = x[i] * x[i];
            v[i][1] = x[i];
            v[i][2] = 1;
            y[i] = Math.log(SIGNIFICANCE[i]);
        }
        RealVector coefficients = new QRDecomposition(new Array2DRowRealMatrix(v, false)).getSolver().solve(new ArrayRealVector(y, false));
        return coefficients.toArray();
    }
}
