package org.driftwatch.profile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * A scan that splits the reference's heavy cells — those with more than the target share strictly
 * inside, as when a column's values sit close together far from zero (prices, timestamps) — into
 * up to {@link #PARTS} equal-width parts with the same per-cell facts as {@link CellHistogram}. Parts are
 * ordered like their values, so they replace their cell in place.
 */
final class CellRefinement implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PARTS = 4096;
    final long[][][] count;
    final double[][][] min;
    final double[][][] max;
    final long[][][] minCount;
    final long[][][] maxCount;
    final double[][][] sum;

    /** Per numeric column, the heavy cells' (min, max) in increasing order and how many parts each gets. */
    record Heavy(double[][] min, double[][] max, int[][] parts) implements Serializable {
        /** Enough equal parts that an evenly spread cell ends up a quarter of the target per part. */
        static int partsFor(long inside, long target) {
            long wanted = Math.max(2, 4 * inside / Math.max(1, target));
            return (int) Math.min(PARTS, Long.highestOneBit(wanted - 1) << 1);
        }

        boolean any() {
            return Arrays.stream(min).anyMatch(m -> m.length > 0);
        }
    }

    CellRefinement(Heavy heavy) {
        int n = heavy.min().length;
        count = new long[n][][];
        min = new double[n][][];
        max = new double[n][][];
        minCount = new long[n][][];
        maxCount = new long[n][][];
        sum = new double[n][][];
        for (int i = 0; i < n; i++) {
            int h = heavy.min()[i].length;
            count[i] = new long[h][];
            min[i] = new double[h][];
            max[i] = new double[h][];
            minCount[i] = new long[h][];
            maxCount[i] = new long[h][];
            sum[i] = new double[h][];
            for (int c = 0; c < h; c++) {
                int parts = heavy.parts()[i][c];
                count[i][c] = new long[parts];
                min[i][c] = new double[parts];
                max[i][c] = new double[parts];
                minCount[i][c] = new long[parts];
                maxCount[i][c] = new long[parts];
                sum[i][c] = new double[parts];
            }
        }
    }

    void add(InternalRow row, Heavy heavy) {
        for (int i = 0; i < count.length; i++) {
            double[] mins = heavy.min()[i];
            if (mins.length == 0 || row.isNullAt(i)) {
                continue;
            }
            double v = row.getDouble(i) + 0.0;
            int at = Arrays.binarySearch(mins, v);
            int cell = at >= 0 ? at : -at - 2;
            if (cell < 0 || !(v <= heavy.max()[i][cell])) {
                continue;
            }
            double lo = mins[cell];
            int parts = heavy.parts()[i][cell];
            int p = (int) Math.min(parts - 1, Math.floor((v - lo) / (heavy.max()[i][cell] - lo) * parts));
            add(i, cell, p, v);
        }
    }

    private void add(int i, int cell, int p, double v) {
        long c = ++count[i][cell][p];
        sum[i][cell][p] += v;
        if (c == 1) {
            min[i][cell][p] = v;
            max[i][cell][p] = v;
            minCount[i][cell][p] = 1;
            maxCount[i][cell][p] = 1;
            return;
        }
        if (v < min[i][cell][p]) {
            min[i][cell][p] = v;
            minCount[i][cell][p] = 1;
        } else if (v == min[i][cell][p]) {
            minCount[i][cell][p]++;
        }
        if (v > max[i][cell][p]) {
            max[i][cell][p] = v;
            maxCount[i][cell][p] = 1;
        } else if (v == max[i][cell][p]) {
            maxCount[i][cell][p]++;
        }
    }

    CellRefinement merge(CellRefinement o) {
        for (int i = 0; i < count.length; i++) {
            for (int h = 0; h < count[i].length; h++) {
                for (int p = 0; p < count[i][h].length; p++) {
                    long c = o.count[i][h][p];
                    if (c == 0) {
                        continue;
                    }
                    if (count[i][h][p] == 0) {
                        min[i][h][p] = o.min[i][h][p];
                        max[i][h][p] = o.max[i][h][p];
                        minCount[i][h][p] = o.minCount[i][h][p];
                        maxCount[i][h][p] = o.maxCount[i][h][p];
                    } else {
                        if (o.min[i][h][p] < min[i][h][p]) {
                            min[i][h][p] = o.min[i][h][p];
                            minCount[i][h][p] = o.minCount[i][h][p];
                        } else if (o.min[i][h][p] == min[i][h][p]) {
                            minCount[i][h][p] += o.minCount[i][h][p];
                        }
                        if (o.max[i][h][p] > max[i][h][p]) {
                            max[i][h][p] = o.max[i][h][p];
                            maxCount[i][h][p] = o.maxCount[i][h][p];
                        } else if (o.max[i][h][p] == max[i][h][p]) {
                            maxCount[i][h][p] += o.maxCount[i][h][p];
                        }
                    }
                    count[i][h][p] += c;
                    sum[i][h][p] += o.sum[i][h][p];
                }
            }
        }
        return this;
    }

    /** The cells of column i with each heavy one replaced by its non-empty parts. */
    CellHistogram.Cells refine(int i, CellHistogram.Cells cells, double[] heavyMins) {
        List<double[]> rows = new ArrayList<>();
        int h = 0;
        for (int k = 0; k < cells.min().length; k++) {
            if (h < heavyMins.length && cells.min()[k] == heavyMins[h]) {
                for (int p = 0; p < count[i][h].length; p++) {
                    long c = count[i][h][p];
                    if (c > 0) {
                        boolean atom = min[i][h][p] == max[i][h][p];
                        rows.add(new double[] {min[i][h][p], max[i][h][p], c, atom ? c : minCount[i][h][p],
                            atom ? c : maxCount[i][h][p], sum[i][h][p]});
                    }
                }
                h++;
            } else {
                rows.add(new double[] {cells.min()[k], cells.max()[k], cells.count()[k], cells.minCount()[k],
                    cells.maxCount()[k], cells.sum()[k]});
            }
        }
        int n = rows.size();
        CellHistogram.Cells out = new CellHistogram.Cells(new double[n], new double[n], new long[n], new long[n], new long[n], new double[n]);
        for (int k = 0; k < n; k++) {
            double[] r = rows.get(k);
            out.min()[k] = r[0];
            out.max()[k] = r[1];
            out.count()[k] = (long) r[2];
            out.minCount()[k] = (long) r[3];
            out.maxCount()[k] = (long) r[4];
            out.sum()[k] = r[5];
        }
        return out;
    }
}
