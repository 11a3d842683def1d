package org.driftwatch.profile.sketch;

import java.util.Arrays;
import org.driftwatch.profile.model.SelfCheck;
import org.driftwatch.stats.JensenShannon;
import org.driftwatch.stats.PopulationStabilityIndex;
import org.driftwatch.stats.Wasserstein;

/**
 * The reference self-check from its cells: the reference's {@link CellHistogram} counts, per cell, the
 * values of the rows in its second half (rows split by a hash) beside all of them, which gives both
 * halves' counts per cell and from them PSI (on the reference's equal-count bins), KS D and the normed Wasserstein distance half
 * against half. At cell resolution: a value's place is its cell's middle, so D and W are within a cell's
 * share and width of the exact half-against-half values; only counts enter, so the result is the same
 * for any partitioning. A column whose values crowd into one
 * wide cell (more than {@link #MAX_CELL_SHARE} of them, not all equal) gets no self-check.
 */
public final class HalfSplit {
    static final double MAX_CELL_SHARE = 0.01;
    static final long MIN_HALF = 30;

    private HalfSplit() {
    }

    /** The numeric self-check, or null when a half is too small or the cells too coarse. */
    public static SelfCheck numeric(CellHistogram all, int bins, Double referenceStdPop) {
        CellHistogram.Cells f = all.sorted();
        int n = f.count().length;
        long[] countB = f.second();
        long total = Arrays.stream(f.count()).sum();
        long nB = Arrays.stream(countB).sum();
        long nA = total - nB;
        if (nA < MIN_HALF || nB < MIN_HALF || referenceStdPop == null) {
            return null;
        }
        for (int k = 0; k < n; k++) {
            if (f.min()[k] < f.max()[k] && f.count()[k] > MAX_CELL_SHARE * total) {
                return null;
            }
        }
        long[] binA = new long[bins];
        long[] binB = new long[bins];
        double d = 0;
        double w = 0;
        long cumA = 0;
        long cumB = 0;
        long cum = 0;
        for (int k = 0; k < n; k++) {
            long a = f.count()[k] - countB[k];
            long b = countB[k];
            int bin = (int) Math.min(bins - 1, (cum * (long) bins) / total);
            binA[bin] += a;
            binB[bin] += b;
            cum += f.count()[k];
            cumA += a;
            cumB += b;
            double gap = Math.abs((double) cumA / nA - (double) cumB / nB);
            d = Math.max(d, gap);
            if (k + 1 < n) {
                w += gap * (middle(f, k + 1) - middle(f, k));
            }
        }
        return new SelfCheck(PopulationStabilityIndex.fromCounts(binA, binB), d, Wasserstein.normed(w, referenceStdPop), null, nA, nB);
    }

    /** The categorical self-check from the counts per category of the whole reference and of its second half. */
    public static SelfCheck categorical(long[] all, long[] second) {
        long[] first = new long[all.length];
        long nA = 0;
        long nB = 0;
        for (int i = 0; i < all.length; i++) {
            first[i] = all[i] - second[i];
            nA += first[i];
            nB += second[i];
        }
        if (nA < MIN_HALF || nB < MIN_HALF) {
            return null;
        }
        return new SelfCheck(PopulationStabilityIndex.fromCounts(first, second), null, null, JensenShannon.distance(first, second), nA, nB);
    }

    /** Where a cell's values are placed: the middle of its smallest and largest value (exact for an atom). */
    private static double middle(CellHistogram.Cells f, int k) {
        return f.min()[k] + (f.max()[k] - f.min()[k]) / 2;
    }
}
