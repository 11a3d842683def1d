package org.driftwatch.profile.sketch;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * Which of a column's disjoint, increasing regions a value can lie in, from an even grid over their
 * range: a grid point lists the regions whose ends' points enclose it, so a value is searched among
 * those few (usually one) instead of all. Only the grid's monotonicity is relied on — a value inside a
 * region has its point between the points of the region's ends — so it never hides a region.
 */
final class RegionGrid implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MIN_POINTS = 1 << 10;
    private static final int MAX_POINTS = 1 << 16;
    private final double[] lo;
    private final double[] hi;
    private transient double low;
    private transient double high;
    private transient double scale;
    private transient int[] first;
    private transient int[] last;

    RegionGrid(double[] lo, double[] hi) {
        this.lo = lo;
        this.hi = hi;
        build();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        build();
    }

    private void build() {
        int n = lo.length;
        int points = Math.max(MIN_POINTS, Math.min(MAX_POINTS, Integer.highestOneBit(Math.max(1, n)) * 8));
        low = n == 0 ? 0 : lo[0];
        high = n == 0 ? -1 : hi[n - 1];
        double s = points / (high - low);
        scale = high > low && Double.isFinite(s) ? s : 0;
        first = new int[points + 1];
        last = new int[points + 1];
        java.util.Arrays.fill(first, Integer.MAX_VALUE);
        java.util.Arrays.fill(last, -1);
        for (int k = 0; k < n; k++) {
            for (int g = point(lo[k]); g <= point(hi[k]); g++) {
                first[g] = Math.min(first[g], k);
                last[g] = k;
            }
        }
    }

    /** The first region v may lie in; above {@link #to} when none. */
    int from(double v) {
        return v < low || v > high ? Integer.MAX_VALUE : first[point(v)];
    }

    /** The last region v may lie in. */
    int to(double v) {
        return v < low || v > high ? -1 : last[point(v)];
    }

    private int point(double v) {
        double p = (v - low) * scale;
        return p <= 0 ? 0 : (int) Math.min(first.length - 1, p);
    }
}
