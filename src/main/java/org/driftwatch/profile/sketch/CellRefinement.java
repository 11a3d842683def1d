package org.driftwatch.profile.sketch;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A scan that splits the reference's heavy cells — those with more than the target share strictly
 * inside, as when a column's values sit close together far from zero (prices, timestamps) — into
 * up to {@link #PARTS} equal-width parts with the same {@link CellFacts} as {@link CellHistogram}. Parts are
 * ordered like their values, so they replace their cell in place.
 */
public final class CellRefinement implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int PARTS = 4096;
    /** Per numeric column and heavy cell, the facts of its parts. */
    final CellFacts[][] parts;
    /** Per column, which values can fall in a heavy cell at all; built where the pass runs. */
    private final transient CellFilter[] filters;

    /** Per numeric column, the heavy cells' (min, max) in increasing order and how many parts each gets. */
    public record Heavy(double[][] min, double[][] max, int[][] parts) implements Serializable {
        /** Enough equal parts that an evenly spread cell ends up a quarter of the target per part. */
        public static int partsFor(long inside, long target) {
            long wanted = Math.max(2, 4 * inside / Math.max(1, target));
            return (int) Math.min(PARTS, Long.highestOneBit(wanted - 1) << 1);
        }

        /** No heavy cell in any of n columns. */
        public static Heavy none(int n) {
            return new Heavy(new double[n][0], new double[n][0], new int[n][0]);
        }

        public boolean any() {
            return Arrays.stream(min).anyMatch(m -> m.length > 0);
        }
    }

    public CellRefinement(Heavy heavy) {
        int n = heavy.min().length;
        parts = new CellFacts[n][];
        for (int i = 0; i < n; i++) {
            parts[i] = new CellFacts[heavy.min()[i].length];
            for (int c = 0; c < parts[i].length; c++) {
                parts[i][c] = new CellFacts(heavy.parts()[i][c]);
            }
        }
        filters = new CellFilter[n];
        for (int i = 0; i < n; i++) {
            filters[i] = new CellFilter(heavy.min()[i], heavy.max()[i]);
        }
    }

    /** Adds a finite value of numeric column i when it falls in one of that column's heavy cells. */
    public void add(int i, double v, Heavy heavy) {
        if (!filters[i].mayHold(v)) {
            return;
        }
        double[] mins = heavy.min()[i];
        int at = Arrays.binarySearch(mins, v);
        int cell = at >= 0 ? at : -at - 2;
        if (cell < 0 || !(v <= heavy.max()[i][cell])) {
            return;
        }
        double lo = mins[cell];
        int n = heavy.parts()[i][cell];
        int p = (int) Math.min(n - 1, Math.floor((v - lo) / (heavy.max()[i][cell] - lo) * n));
        parts[i][cell].add(p, v);
    }

    public CellRefinement merge(CellRefinement o) {
        for (int i = 0; i < parts.length; i++) {
            for (int h = 0; h < parts[i].length; h++) {
                for (int p = 0; p < parts[i][h].size(); p++) {
                    parts[i][h].absorb(p, o.parts[i][h], p);
                }
            }
        }
        return this;
    }

    /** The cells of column i with each heavy one replaced by its non-empty parts. */
    public CellHistogram.Cells refine(int i, CellHistogram.Cells cells, double[] heavyMins) {
        int n = cells.min().length - heavyMins.length;
        for (CellFacts f : parts[i]) {
            for (int p = 0; p < f.size(); p++) {
                n += f.count[p] > 0 ? 1 : 0;
            }
        }
        CellHistogram.Cells out = CellHistogram.Cells.of(n);
        int h = 0;
        int k = 0;
        for (int c = 0; c < cells.min().length; c++) {
            if (h < heavyMins.length && cells.min()[c] == heavyMins[h]) {
                CellFacts f = parts[i][h++];
                for (int p = 0; p < f.size(); p++) {
                    if (f.count[p] > 0) {
                        f.copyTo(p, out, k++);
                    }
                }
            } else {
                out.min()[k] = cells.min()[c];
                out.max()[k] = cells.max()[c];
                out.count()[k] = cells.count()[c];
                out.minCount()[k] = cells.minCount()[c];
                out.maxCount()[k] = cells.maxCount()[c];
                out.sum()[k++] = cells.sum()[c];
            }
        }
        return out;
    }
}
