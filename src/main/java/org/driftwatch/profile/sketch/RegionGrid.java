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
    private static final int POINTS_PER_REGION = 32;
    private final double[] lo;
    private final double[] hi;
    private transient double low;
    private transient double high;
    private transient double scale;
    /** Per grid point, one bit: whether any region reaches it — most values outside every region stop here (8 KB at 2^16 points). */
    private transient long[] reached;
    /** Per grid point: the region every value at it lies in, or −1 when that is not known. */
    private transient int[] known;
    /** Per grid point: the first and the last region it may hold (first above last for none). */
    private transient int[] range;

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
        int points = Math.max(MIN_POINTS, Math.min(MAX_POINTS, Integer.highestOneBit(Math.max(1, n)) * POINTS_PER_REGION));
        low = n == 0 ? 0 : lo[0];
        high = n == 0 ? -1 : hi[n - 1];
        double s = points / (high - low);
        scale = high > low && Double.isFinite(s) ? s : 0;
        reached = new long[(points >> 6) + 1];
        known = new int[points + 1];
        range = new int[2 * (points + 1)];
        java.util.Arrays.fill(known, -1);
        for (int g = 0; g <= points; g++) {
            range[2 * g] = Integer.MAX_VALUE;
            range[2 * g + 1] = -1;
        }
        for (int k = 0; k < n; k++) {
            int from = point(lo[k]);
            int to = point(hi[k]);
            for (int g = from; g <= to; g++) {
                // strictly between the points of its ends, a grid point holds only values strictly inside the region
                known[g] = g > from && g < to ? k : known[g];
                range[2 * g] = Math.min(range[2 * g], k);
                range[2 * g + 1] = k;
                reached[g >> 6] |= 1L << g;
            }
        }
    }

    /** The grid point of v, or −1 when v lies outside every region's range. */
    int point(double v) {
        if (!(v >= low && v <= high)) {
            return -1;
        }
        double p = (v - low) * scale;
        return p <= 0 ? 0 : (int) Math.min(known.length - 1, p);
    }

    /** Whether any region reaches grid point g. */
    boolean reached(int g) {
        return (reached[g >> 6] & (1L << g)) != 0;
    }

    /** The region every value at grid point g lies in, or −1 when it must be searched. */
    int known(int g) {
        return known[g];
    }

    /** The first region a value at grid point g may lie in; above {@link #last} when none. */
    int first(int g) {
        return range[2 * g];
    }

    int last(int g) {
        return range[2 * g + 1];
    }
}
