package org.driftwatch.profile.sketch;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Pass 2 over the reference, only when a percentile falls strictly inside a cell: collects the values
 * strictly inside those few cells, so the order statistics (PSI edges, median) come out exact while
 * the driver holds a few cells' worth of values, not the column.
 */
public final class InsideValues implements Serializable {
    private static final long serialVersionUID = 1L;
    final double[][][] values;
    final int[][] sizes;
    /** Per column, which values can be wanted at all; built where the pass runs. */
    private final transient CellFilter[] filters;

    /** Per numeric column, the (min, max) of each cell whose inside values are wanted, in increasing order. */
    public record Wanted(double[][] min, double[][] max) implements Serializable {
        /** No wanted cell in any of n columns. */
        public static Wanted none(int n) {
            return new Wanted(new double[n][0], new double[n][0]);
        }

        public boolean any() {
            return java.util.Arrays.stream(min).anyMatch(m -> m.length > 0);
        }
    }

    public InsideValues(Wanted wanted) {
        int n = wanted.min().length;
        values = new double[n][][];
        sizes = new int[n][];
        for (int i = 0; i < n; i++) {
            values[i] = new double[wanted.min()[i].length][16];
            sizes[i] = new int[wanted.min()[i].length];
        }
        filters = new CellFilter[n];
        for (int i = 0; i < n; i++) {
            filters[i] = new CellFilter(wanted.min()[i], wanted.max()[i]);
        }
    }

    /** Keeps a value of numeric column i when it lies strictly inside one of that column's wanted cells. */
    public void add(int i, double v, Wanted wanted) {
        if (!filters[i].mayHold(v)) {
            return;
        }
        int at = Arrays.binarySearch(wanted.min()[i], v);
        int cell = at >= 0 ? -1 : -at - 2;
        if (cell >= 0 && v < wanted.max()[i][cell]) {
            append(i, cell, v);
        }
    }

    private void append(int column, int cell, double v) {
        double[] a = values[column][cell];
        int size = sizes[column][cell];
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
            values[column][cell] = a;
        }
        a[size] = v;
        sizes[column][cell] = size + 1;
    }

    public InsideValues merge(InsideValues o) {
        for (int i = 0; i < values.length; i++) {
            for (int c = 0; c < values[i].length; c++) {
                for (int k = 0; k < o.sizes[i][c]; k++) {
                    append(i, c, o.values[i][c][k]);
                }
            }
        }
        return this;
    }

    /** All values collected for a column, sorted. */
    public double[] sortedAll(int column) {
        int total = 0;
        for (int s : sizes[column]) {
            total += s;
        }
        double[] all = new double[total];
        int at = 0;
        for (int c = 0; c < sizes[column].length; c++) {
            System.arraycopy(values[column][c], 0, all, at, sizes[column][c]);
            at += sizes[column][c];
        }
        Arrays.sort(all);
        return all;
    }

    /** The sorted inside values of one wanted cell. */
    public double[] sorted(int column, int cell) {
        double[] v = Arrays.copyOf(values[column][cell], sizes[column][cell]);
        Arrays.sort(v);
        return v;
    }
}
