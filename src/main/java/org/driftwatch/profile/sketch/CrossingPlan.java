package org.driftwatch.profile.sketch;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The stretches of each numeric column that the next finishing scan looks into: the intervals where the
 * two ECDFs may cross or part by more than is known (see {@code BinnedDistance.unresolved}). A region is
 * {@code (lo, hi)}, or {@code [lo, hi)} when {@code closedLeft}; regions of a column are disjoint and in
 * increasing order. Each either collects its values ({@code parts == 0}) or counts them in
 * {@code parts} equal sub-intervals, the first open or closed as the region, the rest {@code [b_k, b_k+1)}.
 *
 * @param firstPart per column, where each region's parts start in {@link CrossingCounts}' flat arrays
 * @param collect   per column, how many values (both sides) its collecting regions hold at most
 * @param grids     per column, where its values are looked up (a small grid: it stays in the cache)
 * @param geometry  per column and region side by side, so a value's part is found from one cache line:
 *                  lo, hi, the width of its parts (step) and its reciprocal (0 when collected)
 * @param split     per column and region side by side: its parts, where they start
 */
public record CrossingPlan(double[][] lo, double[][] hi, boolean[][] closedLeft, int[][] parts, int[][] firstPart,
                           long[] collect, RegionGrid[] grids, double[][] geometry, int[][] split) implements Serializable {
    /** A region's fields in {@code geometry}: {@link #GEOMETRY_WIDTH} doubles from {@code GEOMETRY_WIDTH · region}. */
    static final int LO = 0;
    static final int HI = 1;
    static final int STEP = 2;
    static final int INVERSE_STEP = 3;
    static final int GEOMETRY_WIDTH = 4;

    /** A column's regions: lo, hi, closed-left and parts per region. */
    public record Regions(double[] lo, double[] hi, boolean[] closedLeft, int[] parts) {
    }

    public static CrossingPlan of(Regions[] columns, long[] collect) {
        int n = columns.length;
        double[][] lo = new double[n][];
        double[][] hi = new double[n][];
        boolean[][] closed = new boolean[n][];
        int[][] parts = new int[n][];
        int[][] first = new int[n][];
        for (int c = 0; c < n; c++) {
            lo[c] = columns[c].lo();
            hi[c] = columns[c].hi();
            closed[c] = columns[c].closedLeft();
            parts[c] = columns[c].parts();
            first[c] = new int[parts[c].length + 1];
            for (int k = 0; k < parts[c].length; k++) {
                first[c][k + 1] = first[c][k] + parts[c][k];
            }
        }
        RegionGrid[] grids = new RegionGrid[n];
        double[][] geometry = new double[n][];
        int[][] split = new int[n][];
        for (int c = 0; c < n; c++) {
            int regions = lo[c].length;
            grids[c] = new RegionGrid(lo[c], hi[c]);
            geometry[c] = new double[GEOMETRY_WIDTH * regions];
            split[c] = new int[2 * regions];
            for (int k = 0; k < regions; k++) {
                double step = parts[c][k] == 0 ? 0 : (hi[c][k] - lo[c][k]) / parts[c][k];
                geometry[c][GEOMETRY_WIDTH * k + LO] = lo[c][k];
                geometry[c][GEOMETRY_WIDTH * k + HI] = hi[c][k];
                geometry[c][GEOMETRY_WIDTH * k + STEP] = step;
                geometry[c][GEOMETRY_WIDTH * k + INVERSE_STEP] = step > 0 ? 1 / step : 0;
                split[c][2 * k] = parts[c][k];
                split[c][2 * k + 1] = first[c][k];
            }
        }
        return new CrossingPlan(lo, hi, closed, parts, first, collect.clone(), grids, geometry, split);
    }

    public int columns() {
        return lo.length;
    }

    /** Parts counted for column c over all its regions. */
    public int partCount(int c) {
        return firstPart[c][parts[c].length];
    }

    public boolean looksInto(int c) {
        return lo[c].length > 0;
    }

    /**
     * Whether column c's regions hold every value of column {@code ic}'s regions in {@code inner}: then the
     * values kept for this plan are all that {@code inner} looks into.
     */
    public boolean covers(int c, CrossingPlan inner, int ic) {
        double[] l = lo[c];
        for (int k = 0; k < inner.lo[ic].length; k++) {
            double a = inner.lo[ic][k];
            double b = inner.hi[ic][k];
            int at = Arrays.binarySearch(l, a);
            int o = at >= 0 ? at : -at - 2;
            // lo[] is increasing, so equal lows only meet at the found index
            if (o < 0 || b > hi[c][o] || l[o] == a && inner.closedLeft[ic][k] && !closedLeft[c][o]) {
                return false;
            }
        }
        return true;
    }

    /** The region of column c holding v, or −1. */
    public int region(int c, double v) {
        RegionGrid grid = grids[c];
        int g = grid.point(v);
        if (g < 0 || !grid.reached(g)) {
            return -1;
        }
        int known = grid.known(g);
        if (known >= 0) {
            return known;
        }
        int from = grid.first(g);
        int to = grid.last(g);
        if (from == to) {
            // the usual case: one candidate
            return (closedLeft[c][from] ? v >= lo[c][from] : v > lo[c][from]) && v < hi[c][from] ? from : -1;
        }
        if (from > to) {
            return -1;
        }
        int at = Arrays.binarySearch(lo[c], from, to + 1, v);
        if (at >= 0) {
            return closedLeft[c][at] ? at : -1;
        }
        int k = -at - 2;
        return k >= from && v < hi[c][k] ? k : -1;
    }

    /**
     * The left boundary of part p of region k of column c: lo at 0, hi at parts, lo + p·step between
     * (never above hi) — nondecreasing in p, and the same wherever it is computed.
     */
    public double boundary(int c, int k, int p) {
        int m = parts[c][k];
        return p >= m ? hi[c][k] : p <= 0 ? lo[c][k] : Math.min(hi[c][k], lo[c][k] + p * geometry[c][GEOMETRY_WIDTH * k + STEP]);
    }

    /** Which part of region k of column c holds v (v in the region, the region split). */
    public int part(int c, int k, double v) {
        int m = parts[c][k];
        int p = (int) Math.max(0, Math.min(m - 1, (v - lo[c][k]) * geometry[c][GEOMETRY_WIDTH * k + INVERSE_STEP]));
        while (p > 0 && v < boundary(c, k, p)) {
            p--;
        }
        while (p < m - 1 && v >= boundary(c, k, p + 1)) {
            p++;
        }
        return p;
    }
}
