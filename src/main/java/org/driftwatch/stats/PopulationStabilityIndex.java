package org.driftwatch.stats;

import java.util.Arrays;

/**
 * Population Stability Index, {@code sum((c - r) * ln(c / r))} over bin or category shares clipped at
 * 1e-4 (no renormalisation), as the reference numpy formula in DESIGN.md §3.
 * Numeric bins are left-closed {@code [e_i, e_{i+1})} on edges taken from reference percentiles with
 * the outer edges at ±∞; repeated edges give empty bins, as {@code np.histogram} does.
 */
public final class PopulationStabilityIndex {
    /** The folklore reading and every PSI threshold's default: below 0.1 no change, 0.1–0.25 moderate, above 0.25 significant. */
    public static final double MODERATE = 0.1;
    public static final double SIGNIFICANT = 0.25;
    public static final double SHARE_FLOOR = 1e-4;

    private PopulationStabilityIndex() {
    }

    /** How every output shows a PSI: three decimals, so the same value reads the same in the subject, a finding and a table. */
    public static String shown(double psi) {
        return String.format(java.util.Locale.ROOT, "%.3f", psi);
    }

    /** PSI from per-bin (or per-category) counts of the two samples. */
    public static double fromCounts(long[] reference, long[] current) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("bin counts differ in length");
        }
        long nr = sum(reference);
        long nc = sum(current);
        double psi = 0.0;
        for (int i = 0; i < reference.length; i++) {
            psi += contribution(reference[i], nr, current[i], nc);
        }
        return psi;
    }

    /** One bin's term of the sum. */
    public static double contribution(long refCount, long refTotal, long curCount, long curTotal) {
        double r = Math.max((double) refCount / refTotal, SHARE_FLOOR);
        double c = Math.max((double) curCount / curTotal, SHARE_FLOOR);
        return (c - r) * Math.log(c / r);
    }

    /** Inner edges (bins-1 values) from the reference sample: numpy type-7 percentiles. */
    public static double[] innerEdges(double[] reference, int bins) {
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        double[] q = Percentiles.linspaceFractions(bins);
        double[] inner = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            Percentiles.Position p = Percentiles.position(sorted.length, q[i]);
            inner[i - 1] = Percentiles.lerp(sorted[(int) p.lower()], sorted[(int) p.upper()], p.gamma());
        }
        return inner;
    }

    /**
     * The bin of a value given the inner edges: the number of inner edges ≤ value. With repeated edges a
     * value equal to them lands in the last bin starting there, as in numpy.
     */
    public static int binOf(double[] innerEdges, double value) {
        int lo = 0;
        int hi = innerEdges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (innerEdges[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public static long[] binCounts(double[] innerEdges, double[] values) {
        long[] counts = new long[innerEdges.length + 1];
        for (double v : values) {
            counts[binOf(innerEdges, v)]++;
        }
        return counts;
    }

    /** The whole numeric PSI on raw samples, for tests and small data. */
    public static double numeric(double[] reference, double[] current, int bins) {
        double[] edges = innerEdges(reference, bins);
        return fromCounts(binCounts(edges, reference), binCounts(edges, current));
    }

    static long sum(long[] xs) {
        long s = 0;
        for (long x : xs) {
            s += x;
        }
        return s;
    }
}
