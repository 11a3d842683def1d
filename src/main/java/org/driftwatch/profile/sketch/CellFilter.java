package org.driftwatch.profile.sketch;

/**
 * A quick "no" for the second reference pass, which wants only the values inside a few cells of each
 * column: an even grid over the cells' range marks the points that meet a cell, so nearly every value
 * is turned away with one table read instead of a binary search. Points between a cell's ends are
 * marked by the grid's monotonicity, so a value inside a cell is never turned away.
 */
final class CellFilter {
    private static final int POINTS = 1 << 12;
    private final boolean[] marked = new boolean[POINTS + 1];
    private final double low;
    private final double high;
    private final double scale;

    /** @param min the cells' smallest values, increasing; {@code max} their largest (cells may be single values) */
    CellFilter(double[] min, double[] max) {
        int n = min.length;
        low = n == 0 ? 0 : min[0];
        high = n == 0 ? -1 : max[n - 1];
        double s = POINTS / (high - low);
        scale = high > low && Double.isFinite(s) ? s : 0;
        for (int c = 0; c < n; c++) {
            for (int g = point(min[c]); g <= point(max[c]); g++) {
                marked[g] = true;
            }
        }
    }

    /** False when v lies in none of the cells (closed intervals); true when it may. */
    boolean mayHold(double v) {
        return v >= low && v <= high && marked[point(v)];
    }

    private int point(double v) {
        double p = (v - low) * scale;
        return p <= 0 ? 0 : (int) Math.min(POINTS, p);
    }
}
