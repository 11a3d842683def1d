package org.driftwatch.profile.sketch;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The facts kept per cell of a numeric column, for a run of cells: how many values, the smallest and
 * largest with how often each occurs, and the sum. The one place that adds a value to a cell or merges
 * two cells; {@link CellHistogram} and {@link CellRefinement} keep their cells in it.
 */
public final class CellFacts implements Serializable {
    private static final long serialVersionUID = 1L;
    long[] count;
    double[] min;
    double[] max;
    long[] minCount;
    long[] maxCount;
    double[] sum;
    /** Values in the reference's second half (rows split by a hash, for the self-check). */
    long[] second;

    CellFacts(int cells) {
        second = new long[cells];
        count = new long[cells];
        min = new double[cells];
        max = new double[cells];
        minCount = new long[cells];
        maxCount = new long[cells];
        sum = new double[cells];
    }

    int size() {
        return count.length;
    }

    public void add(int i, double v) {
        add(i, v, false);
    }

    /** Adds a value; {@code inSecond}: its row is in the reference's second half. */
    public void add(int i, double v, boolean inSecond) {
        second[i] += inSecond ? 1 : 0;   // no branch: the halves are a coin toss
        long c = ++count[i];
        sum[i] += v;
        if (c == 1) {
            min[i] = v;
            max[i] = v;
            minCount[i] = 1;
            maxCount[i] = 1;
            return;
        }
        if (v < min[i]) {
            min[i] = v;
            minCount[i] = 1;
        } else if (v == min[i]) {
            minCount[i]++;
        }
        if (v > max[i]) {
            max[i] = v;
            maxCount[i] = 1;
        } else if (v == max[i]) {
            maxCount[i]++;
        }
    }

    /** Merges cell j of another run of cells into cell i of this one. */
    void absorb(int i, CellFacts o, int j) {
        if (o.count[j] == 0) {
            return;
        }
        if (count[i] == 0) {
            min[i] = o.min[j];
            max[i] = o.max[j];
            minCount[i] = o.minCount[j];
            maxCount[i] = o.maxCount[j];
        } else {
            if (o.min[j] < min[i]) {
                min[i] = o.min[j];
                minCount[i] = o.minCount[j];
            } else if (o.min[j] == min[i]) {
                minCount[i] += o.minCount[j];
            }
            if (o.max[j] > max[i]) {
                max[i] = o.max[j];
                maxCount[i] = o.maxCount[j];
            } else if (o.max[j] == max[i]) {
                maxCount[i] += o.maxCount[j];
            }
        }
        count[i] += o.count[j];
        sum[i] += o.sum[j];
        second[i] += o.second[j];
    }

    void grow(int cells) {
        count = Arrays.copyOf(count, cells);
        min = Arrays.copyOf(min, cells);
        max = Arrays.copyOf(max, cells);
        minCount = Arrays.copyOf(minCount, cells);
        maxCount = Arrays.copyOf(maxCount, cells);
        sum = Arrays.copyOf(sum, cells);
        second = Arrays.copyOf(second, cells);
    }

    /**
     * Appends cell i to sorted output at position k; an atom (min == max) gets minCount == maxCount ==
     * count, so ties at a cell's ends are exact.
     */
    void copyTo(int i, CellHistogram.Cells out, int k) {
        boolean atom = min[i] == max[i];
        out.min()[k] = min[i];
        out.max()[k] = max[i];
        out.count()[k] = count[i];
        out.minCount()[k] = atom ? count[i] : minCount[i];
        out.maxCount()[k] = atom ? count[i] : maxCount[i];
        out.sum()[k] = sum[i];
        out.second()[k] = second[i];
    }
}
