package org.driftwatch.stats;

import java.util.Map;

/**
 * One walk over pooled distinct values in increasing order, each with both sides' counts: KS D (the
 * largest |F_ref − F_cur| after a value, as {@link KolmogorovSmirnov#statistic(long[], long[])}), the
 * Wasserstein integral of |F_ref − F_cur| between the values (as {@link Wasserstein#distance(double[],
 * long[], long[])}, same additions in the same order), and every {@link EcdfStatistics} sum. What a value
 * table gives for a whole column and what a finishing scan's collected interval gives for a stretch of it:
 * both walk the same way, from the counts before the first value.
 */
public final class EcdfWalk {
    private final long n;
    private final long m;
    private long below;
    private long belowCurrent;
    private double at;
    private double gap;
    private double largest;
    private double integral;
    private final EcdfSums sums = new EcdfSums();

    /**
     * @param from where the integral starts (the first value for a whole column, an interval's left end)
     */
    public EcdfWalk(long n, long m, long belowReference, long belowCurrent, double from) {
        this.n = n;
        this.m = m;
        this.below = belowReference;
        this.belowCurrent = belowCurrent;
        this.at = from;
        this.gap = KolmogorovSmirnov.ecdfGap(belowReference, n, belowCurrent, m);
    }

    /** The walk over a whole column's value table. */
    public static EcdfWalk ofTable(double[] values, long[] reference, long[] current) {
        long n = 0;
        long m = 0;
        for (int i = 0; i < reference.length; i++) {
            n += reference[i];
            m += current[i];
        }
        EcdfWalk walk = new EcdfWalk(n, m, 0, 0, values.length == 0 ? 0 : values[0]);
        for (int i = 0; i < values.length; i++) {
            walk.value(values[i], reference[i], current[i]);
        }
        return walk;
    }

    /** The next distinct value: a of the reference's values and b of the current's equal it. */
    public void value(double v, long a, long b) {
        integral += gap * (v - at);
        sums.value(a, b, below, belowCurrent, n, m);
        below += a;
        belowCurrent += b;
        gap = KolmogorovSmirnov.ecdfGap(below, n, belowCurrent, m);
        largest = Math.max(largest, gap);
        at = v;
    }

    /** Carries the integral on to {@code end} (an interval's right end) past the last value. */
    public void to(double end) {
        integral += gap * (end - at);
        at = end;
    }

    /** The largest |F_ref − F_cur| after any value walked. */
    public double largestGap() {
        return largest;
    }

    public double integral() {
        return integral;
    }

    /** The ECDF statistics' exact sums over the values walked, by name. */
    public Map<String, EcdfSums.Range> sums() {
        return sums.ranges();
    }

    /** The same sums in registry order (a resolved slot keeps them so). */
    public double[] partials() {
        return sums.partials();
    }
}
