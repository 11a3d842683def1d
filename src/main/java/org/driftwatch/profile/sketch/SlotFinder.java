package org.driftwatch.profile.sketch;

import java.io.Serializable;

/**
 * {@link CellLayout#slot(double)} made fast for the current scan: a guide table over an even grid of
 * the reference range tells which few cells a value can fall in, so the binary search runs over a
 * handful of cells instead of thousands (the scan does this for every value of every column).
 */
public final class SlotFinder implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int GRID = 1 << 10;
    private final double[] min;
    private final double[] max;
    private final int[] firstCell;
    private final double low;
    private final double scale;

    public SlotFinder(CellLayout layout) {
        this.min = layout.min();
        this.max = layout.max();
        int cells = min.length;
        this.low = cells == 0 ? 0 : min[0];
        double high = cells == 0 ? 0 : max[cells - 1];
        this.scale = high > low && Double.isFinite(GRID / (high - low)) ? GRID / (high - low) : 0;
        // firstCell[g]: the last cell whose min is at or below the grid point g (−1 before the first)
        this.firstCell = new int[GRID + 2];
        int c = -1;
        for (int g = 0; g <= GRID + 1; g++) {
            double at = low + g / (scale == 0 ? 1 : scale);
            while (c + 1 < cells && min[c + 1] <= at) {
                c++;
            }
            firstCell[g] = c;
        }
    }

    public int slot(double v) {
        int cells = min.length;
        if (cells == 0 || v < min[0]) {
            return 0;
        }
        int lo = 0;
        int hi = cells - 1;
        if (scale != 0 && v < max[cells - 1]) {
            int g = Math.min(GRID, (int) ((v - low) * scale));
            // the cell holding v starts between grid points g and g+1; usually there is just one
            int a = Math.max(0, firstCell[g]);
            int b = Math.max(a, firstCell[g + 1]);
            if (min[a] <= v && (b + 1 == cells || min[b + 1] > v)) {
                lo = a;
                hi = b;
            }
        }
        // last cell with min ≤ v, within [lo, hi]
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (min[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        // 4i+1 at min, 4i+2 inside, 4i+3 at max, 4(i+1) above: counted without branches
        int i = lo;
        double mn = min[i];
        double mx = max[i];
        int s = 4 * i + 1 + (v > mn ? 1 : 0) + (v >= mx ? 1 : 0) + (v > mx ? 1 : 0);
        return mn == mx && v == mn ? 4 * i + 1 : s;
    }
}
