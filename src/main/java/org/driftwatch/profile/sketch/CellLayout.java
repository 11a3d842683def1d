package org.driftwatch.profile.sketch;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Map;

/**
 * The reference distribution of one numeric column, compressed: disjoint cells {@code [min, max]} in
 * increasing order, each with its count, how often its two ends occur, and the sum of its values
 * strictly inside (as offsets from {@code min}). Neighbouring fine cells are merged while the values
 * strictly inside a cell stay below a share of the column, which bounds how far a KS distance measured
 * at the cell ends can be from the exact one. Ends are real values, so ties are exact.
 * <p>Current values are placed in <em>slots</em>: per cell {@code 4i} the gap below it, {@code 4i+1}
 * its min, {@code 4i+2} its inside, {@code 4i+3} its max; {@code 4·cells} the gap above the last.
 */
public record CellLayout(double[] min, double[] max, long[] count, long[] minCount, long[] maxCount,
                         double[] insideOffsetSum) implements Serializable {

    public static CellLayout merge(CellHistogram.Cells fine, long maxInside) {
        int n = fine.min().length;
        double[] mn = new double[n];
        double[] mx = new double[n];
        long[] c = new long[n];
        long[] lo = new long[n];
        long[] hi = new long[n];
        double[] sums = new double[n];
        int k = -1;
        for (int i = 0; i < n; i++) {
            boolean join = k >= 0 && c[k] + fine.count()[i] - lo[k] - fine.maxCount()[i] <= maxInside;
            if (!join) {
                k++;
                mn[k] = fine.min()[i];
                lo[k] = fine.minCount()[i];
            }
            mx[k] = fine.max()[i];
            hi[k] = fine.maxCount()[i];
            c[k] += fine.count()[i];
            sums[k] += fine.sum()[i];
        }
        int cells = k + 1;
        double[] inside = new double[cells];
        for (int i = 0; i < cells; i++) {
            if (mn[i] != mx[i]) {
                long in = c[i] - lo[i] - hi[i];
                inside[i] = sums[i] - mn[i] * lo[i] - mx[i] * hi[i] - mn[i] * in;
            }
        }
        return new CellLayout(Arrays.copyOf(mn, cells), Arrays.copyOf(mx, cells), Arrays.copyOf(c, cells),
            Arrays.copyOf(lo, cells), Arrays.copyOf(hi, cells), inside);
    }

    int cells() {
        return min.length;
    }

    long total() {
        long t = 0;
        for (long x : count) {
            t += x;
        }
        return t;
    }

    /** Values strictly between the cell's min and max. */
    public long insideCount(int i) {
        return min[i] == max[i] ? 0 : count[i] - minCount[i] - maxCount[i];
    }

    /** A cell's slots, from {@code SLOTS_PER_CELL · cell}: the gap below it, its min, its inside, its max. */
    public static final int GAP_BELOW = 0;
    public static final int MIN = 1;
    public static final int INSIDE = 2;
    public static final int MAX = 3;
    public static final int SLOTS_PER_CELL = 4;

    public int slots() {
        return SLOTS_PER_CELL * cells() + 1;
    }

    /** The slot of a finite value. */
    int slot(double v) {
        int found = Arrays.binarySearch(min, v);
        if (found >= 0) {
            return SLOTS_PER_CELL * found + MIN;
        }
        int i = -found - 2;
        if (i < 0) {
            return 0;
        }
        if (v < max[i]) {
            return SLOTS_PER_CELL * i + INSIDE;
        }
        return v == max[i] ? SLOTS_PER_CELL * i + MAX : SLOTS_PER_CELL * (i + 1) + GAP_BELOW;
    }

    /** Left end of a slot's interval (the value itself for a point slot); −∞ below the first cell. */
    public double slotLeft(int s) {
        int i = s / SLOTS_PER_CELL;
        return switch (s % SLOTS_PER_CELL) {
            case GAP_BELOW -> i == 0 ? Double.NEGATIVE_INFINITY : max[i - 1];
            case MIN, INSIDE -> min[i];
            default -> max[i];
        };
    }

    /** Right end of a slot's interval; +∞ above the last cell. */
    public double slotRight(int s) {
        int i = s / SLOTS_PER_CELL;
        return switch (s % SLOTS_PER_CELL) {
            case GAP_BELOW -> i == cells() ? Double.POSITIVE_INFINITY : min[i];
            case MIN -> min[i];
            default -> max[i];
        };
    }

    /** Whether the slot is a single value (a cell end: MIN or MAX, the odd ones) rather than an open interval. */
    public static boolean isPoint(int s) {
        return s % 2 == 1;
    }

    /** The reference count in a slot. */
    public long referenceCount(int s) {
        int i = s / SLOTS_PER_CELL;
        return switch (s % SLOTS_PER_CELL) {
            case MIN -> minCount[i];
            case INSIDE -> insideCount(i);
            case MAX -> min[i] == max[i] ? 0 : maxCount[i];
            default -> 0;
        };
    }

    /** Σ(v − anchor) over the reference values in an interval slot (anchor: its left end). */
    public double referenceOffsetSum(int s) {
        return s % SLOTS_PER_CELL == INSIDE ? insideOffsetSum[s / SLOTS_PER_CELL] : 0.0;
    }

    /** The cell holding 0-based rank k and the rank within it. */
    public int cellOfRank(long k) {
        long before = 0;
        for (int i = 0; i < cells(); i++) {
            if (k < before + count[i]) {
                return i;
            }
            before += count[i];
        }
        throw new IllegalArgumentException("rank " + k + " beyond " + before + " values");
    }

    long countBefore(int cell) {
        long before = 0;
        for (int i = 0; i < cell; i++) {
            before += count[i];
        }
        return before;
    }

    /** Whether rank k falls strictly inside its cell, so its value needs the cell's inside values. */
    public boolean rankInside(long k) {
        int i = cellOfRank(k);
        long r = k - countBefore(i);
        return r >= minCount[i] && r < count[i] - maxCount[i] && min[i] != max[i];
    }

    /** The value at 0-based rank k; {@code inside} holds the sorted inside values of the cells that need them. */
    public double valueAtRank(long k, Map<Integer, double[]> inside) {
        int i = cellOfRank(k);
        long r = k - countBefore(i);
        if (r < minCount[i] || min[i] == max[i]) {
            return min[i];
        }
        if (r >= count[i] - maxCount[i]) {
            return max[i];
        }
        return need(inside, i)[(int) (r - minCount[i])];
    }

    /** How many reference values are below e. */
    public long countBelow(double e, Map<Integer, double[]> inside) {
        long below = 0;
        for (int i = 0; i < cells(); i++) {
            if (max[i] < e) {
                below += count[i];
            } else if (min[i] < e) {
                if (e == max[i]) {
                    return below + count[i] - maxCount[i];
                }
                below += minCount[i];
                if (insideCount(i) > 0) {
                    double[] v = need(inside, i);
                    int at = Arrays.binarySearch(v, e);
                    if (at >= 0) {
                        while (at > 0 && v[at - 1] == e) {
                            at--;
                        }
                    } else {
                        at = -at - 1;
                    }
                    below += at;
                }
                return below;
            } else {
                return below;
            }
        }
        return below;
    }

    private static double[] need(Map<Integer, double[]> inside, int cell) {
        double[] v = inside.get(cell);
        if (v == null) {
            throw new IllegalStateException("inside values of cell " + cell + " were not collected");
        }
        return v;
    }
}
