package org.driftwatch.profile.sketch;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * {@link CellLayout#slot(double)} made fast for the current scan (which does this for every value of
 * every column): an even grid of some 64 points per cell says for most values their slot outright —
 * a grid point that lies strictly inside one cell, or strictly between two, holds that slot — and for
 * the rest which few cells to search. The grid is even either in the value or in the value's ordered
 * bits (its magnitude, for skewed columns), whichever leaves the reference values fewer cells to
 * search. Only the grid's monotonicity is relied on: a point strictly between the points of two cell
 * ends has all its values strictly between those ends, and a value whose narrowing fails a check is
 * searched over all cells; so the choice changes speed, never a slot.
 */
public final class SlotFinder implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final int MIN_GRID = 1 << 10;
    private static final int MAX_GRID = 1 << 18;
    /** Grid points of all columns of a scan together: two int tables each, so about 16 MB per task. */
    public static final int GRID_BUDGET = 1 << 21;
    private static final int POINTS_PER_CELL = 64;
    private final double[] min;
    private final double[] max;
    private final long[] count;
    private final int maxPoints;
    /** Built where the finder is used, not shipped with it. */
    private transient Grid grid;

    public SlotFinder(CellLayout layout) {
        this(layout, MAX_GRID);
    }

    /** @param maxPoints at most this many grid points (a scan's {@link #GRID_BUDGET} shared by its columns) */
    public SlotFinder(CellLayout layout, int maxPoints) {
        this.min = layout.min();
        this.max = layout.max();
        this.count = layout.count();
        this.maxPoints = Math.max(MIN_GRID, Math.min(MAX_GRID, maxPoints));
        this.grid = Grid.best(min, max, count, this.maxPoints);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        grid = Grid.best(min, max, count, maxPoints);
    }

    /** The slot of a finite value other than −0.0. */
    public int slot(double v) {
        int cells = min.length;
        if (cells == 0 || v < min[0]) {
            return 0;
        }
        int g = grid.point(v);
        int known = grid.slotAt[g];
        if (known >= 0) {
            return known;
        }
        int lo = 0;
        int hi = cells - 1;
        if (v < max[cells - 1]) {
            // the cell holding v starts between grid points g and g+1; usually there is just one
            int a = Math.max(0, grid.lastCellAt[g]);
            int b = Math.max(a, grid.lastCellAt[g + 1]);
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
        // MIN, then one slot on for each end passed: INSIDE, MAX, the next cell's GAP_BELOW
        int s = CellLayout.SLOTS_PER_CELL * i + CellLayout.MIN + (v > mn ? 1 : 0) + (v >= mx ? 1 : 0) + (v > mx ? 1 : 0);
        return mn == mx && v == mn ? CellLayout.SLOTS_PER_CELL * i + CellLayout.MIN : s;
    }

    /** An even grid over the cells' range in a monotone coordinate of the value. */
    private static final class Grid {
        final boolean bits;
        final double low;
        final double scale;
        final int points;
        /** lastCellAt[g]: the last cell whose min is at or below grid point g (−1 before the first). */
        final int[] lastCellAt;
        /** slotAt[g]: the slot of every value at grid point g, or −1 when they may fall in different ones. */
        final int[] slotAt;

        private Grid(boolean bits, double[] min, double[] max, int points) {
            this.bits = bits;
            this.points = points;
            int cells = min.length;
            this.low = cells == 0 ? 0 : coordinate(bits, min[0]);
            double high = cells == 0 ? 0 : coordinate(bits, min[cells - 1]);
            double s = points / (high - low);
            this.scale = high > low && Double.isFinite(s) ? s : 0;
            this.lastCellAt = new int[points + 2];
            int c = -1;
            for (int g = 0; g <= points + 1; g++) {
                while (c + 1 < cells && position(min[c + 1]) <= g) {
                    c++;
                }
                lastCellAt[g] = c;
            }
            this.slotAt = new int[points + 1];
            java.util.Arrays.fill(slotAt, -1);
            for (int i = 0; i < cells; i++) {
                int from = point(min[i]);
                int to = point(max[i]);
                java.util.Arrays.fill(slotAt, Math.min(from + 1, to), to, CellLayout.SLOTS_PER_CELL * i + CellLayout.INSIDE);
                if (i + 1 < cells) {
                    int next = point(min[i + 1]);
                    java.util.Arrays.fill(slotAt, Math.min(to + 1, next), next, CellLayout.SLOTS_PER_CELL * (i + 1) + CellLayout.GAP_BELOW);
                }
            }
        }

        static Grid best(double[] min, double[] max, long[] count, int maxPoints) {
            int points = Math.max(MIN_GRID, Math.min(maxPoints, Integer.highestOneBit(Math.max(1, min.length)) * POINTS_PER_CELL));
            Grid linear = new Grid(false, min, max, points);
            Grid ordered = new Grid(true, min, max, points);
            return ordered.searchCost(min, count) < linear.searchCost(min, count) ? ordered : linear;
        }

        /**
         * Binary-search steps the reference's own values would take, weighted by each cell's count, at the
         * grid point of each cell's min (where a cell's values begin; the cells merge equal masses).
         */
        private double searchCost(double[] min, long[] count) {
            double cost = 0;
            for (int c = 0; c < min.length; c++) {
                int g = point(min[c]);
                int width = lastCellAt[g + 1] - Math.max(0, lastCellAt[g]) + 1;
                cost += count[c] * (32 - Integer.numberOfLeadingZeros(width));
            }
            return cost;
        }

        int point(double v) {
            double p = position(v);
            return p <= 0 ? 0 : (int) Math.min(points, p);
        }

        private double position(double v) {
            return (coordinate(bits, v) - low) * scale;
        }

        /** The value, or its IEEE bits as a signed long that sorts like the value (−0.0 as 0.0). */
        private static double coordinate(boolean bits, double v) {
            if (!bits) {
                return v;
            }
            long b = Double.doubleToRawLongBits(v + 0.0);
            return b ^ ((b >> 63) & Long.MAX_VALUE);
        }
    }
}
