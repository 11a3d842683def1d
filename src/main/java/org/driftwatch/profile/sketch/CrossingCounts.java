package org.driftwatch.profile.sketch;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One side's values inside the regions of a {@link CrossingPlan}: per part its count, the sum of its
 * values' offsets from the part's left boundary and its smallest and largest value; the values of
 * collecting regions themselves, counted per distinct value in {@link DoubleCounts} slot
 * {@code side} (0 reference, 1 current), so the two sides' tables merge into one.
 */
public final class CrossingCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[][] count;
    final double[][] offsetSum;
    final double[][] min;
    final double[][] max;
    final DoubleCounts[] values;
    private final int side;

    public CrossingCounts(CrossingPlan plan, int side) {
        int n = plan.columns();
        this.side = side;
        count = new long[n][];
        offsetSum = new double[n][];
        min = new double[n][];
        max = new double[n][];
        values = new DoubleCounts[n];
        for (int c = 0; c < n; c++) {
            int parts = plan.partCount(c);
            count[c] = new long[parts];
            offsetSum[c] = new double[parts];
            min[c] = new double[parts];
            max[c] = new double[parts];
            Arrays.fill(min[c], Double.POSITIVE_INFINITY);
            Arrays.fill(max[c], Double.NEGATIVE_INFINITY);
            values[c] = new DoubleCounts((int) Math.min(Integer.MAX_VALUE - 8, plan.collect()[c] + 1));
        }
    }

    /** Adds a finite value of column c. */
    public void add(int c, double v, CrossingPlan plan) {
        int k = plan.region(c, v);
        if (k < 0) {
            return;
        }
        int parts = plan.parts()[c][k];
        if (parts == 0) {
            values[c].add(v, side, 1);
            return;
        }
        int p = plan.part(c, k, v);
        int at = plan.firstPart()[c][k] + p;
        count[c][at]++;
        offsetSum[c][at] += v - CrossingPlan.boundary(plan.lo()[c][k], plan.hi()[c][k], parts, p);
        min[c][at] = Math.min(min[c][at], v);
        max[c][at] = Math.max(max[c][at], v);
    }

    public CrossingCounts merge(CrossingCounts o) {
        for (int c = 0; c < count.length; c++) {
            for (int p = 0; p < count[c].length; p++) {
                count[c][p] += o.count[c][p];
                offsetSum[c][p] += o.offsetSum[c][p];
                min[c][p] = Math.min(min[c][p], o.min[c][p]);
                max[c][p] = Math.max(max[c][p], o.max[c][p]);
            }
            values[c].merge(o.values[c]);
        }
        return this;
    }

    public long count(int c, int part) {
        return count[c][part];
    }

    public double offsetSum(int c, int part) {
        return offsetSum[c][part];
    }

    public double min(int c, int part) {
        return min[c][part];
    }

    public double max(int c, int part) {
        return max[c][part];
    }

    /** Column c's collected values, both sides once the reference's and the current's counts are merged. */
    public DoubleCounts values(int c) {
        return values[c];
    }
}
