package org.driftwatch.profile.sketch;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Exact counts of one column's finite values per {@link OrderedCells cell}, with each cell's smallest
 * and largest value, how often those two occur, and the cell's sum: enough to place every value of
 * the reference within 0.01 % of its magnitude and to know exactly where its ties are. An
 * open-addressing table keyed by cell; only occupied cells cost memory.
 */
public final class CellHistogram implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Cells per column before they are halved; bounds the memory of a scan whatever the data. */
    private final int maxCells;
    private int coarser;
    /** Open addressing: per table slot the cell's key in the high 32 bits, its index + 1 in the low (0: empty). */
    private long[] table = new long[64];
    private int size;
    private CellFacts facts = new CellFacts(32);
    private long[] cellKeys = new long[32];

    public CellHistogram(int maxCells) {
        this.maxCells = maxCells;
    }

    /**
     * How many times the cells were halved: a pure function of the data, since a partition halves only
     * when it alone has too many cells, and then the whole column has too — so the merged result is the
     * same for any partitioning.
     */
    int coarser() {
        return coarser;
    }

    public void add(double v) {
        add(v, false);
    }

    /** Adds a value; {@code second}: its row is in the reference's second half (the self-check's split). */
    public void add(double v, boolean second) {
        facts.add(slotOf(OrderedCells.cell(v, coarser)), v, second);
        if (size > maxCells) {
            coarsen(coarser + 1);
        }
    }

    /**
     * Adds the first n values (finite, no −0.0) with their halves, as {@link #add(double, boolean)} one
     * by one would: in three loops (cell keys, table lookups, facts), so the lookups of many values
     * overlap instead of each value waiting on its own. Halving after the batch rather than at the
     * value that overflowed gives the same cells, counts and ends (the cells are the coarsest needed by
     * the values seen); a halved cell's sum is added in another order, so it agrees to rounding, as when
     * partitions merge.
     */
    public void addAll(double[] values, boolean[] second, int n, int[] scratch) {
        for (int r = 0; r < n; r++) {
            scratch[r] = slotOf(OrderedCells.cell(values[r], coarser));
        }
        for (int r = 0; r < n; r++) {
            facts.add(scratch[r], values[r], second[r]);
        }
        if (size > maxCells) {
            coarsen(coarser + 1);
        }
    }

    /** Halves the cells until there are few enough, at least down to the given coarseness. */
    private void coarsen(int atLeast) {
        while (coarser < atLeast || size > maxCells) {
            CellHistogram c = new CellHistogram(maxCells);
            c.coarser = coarser + 1;
            c.absorb(this, 1);
            copyFrom(c);
        }
    }

    private void copyFrom(CellHistogram c) {
        coarser = c.coarser;
        table = c.table;
        size = c.size;
        facts = c.facts;
        cellKeys = c.cellKeys;
    }

    public CellHistogram merge(CellHistogram o) {
        if (o.coarser > coarser) {
            coarsen(o.coarser);
        }
        absorb(o, coarser - o.coarser);
        if (size > maxCells) {
            coarsen(coarser + 1);
        }
        return this;
    }

    /** Adds another histogram's cells, its keys shifted by {@code drop} bits to this resolution. */
    private void absorb(CellHistogram o, int drop) {
        for (int j = 0; j < o.size; j++) {
            long key = o.keyOf(j) >> drop;
            facts.absorb(slotOf(key), o.facts, j);
        }
    }

    /** The occupied cells in increasing order. */
    public Cells sorted() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(facts.min[a], facts.min[b]));
        Cells out = Cells.of(size);
        for (int k = 0; k < size; k++) {
            facts.copyTo(order[k], out, k);
        }
        return out;
    }

    /**
     * Cells in increasing order; an atom (min == max) has minCount == maxCount == count. {@code second}: of
     * the count, the values in the reference's second half (pass 1 only; zero after refinement).
     */
    public record Cells(double[] min, double[] max, long[] count, long[] minCount, long[] maxCount, double[] sum, long[] second) {
        static Cells of(int n) {
            return new Cells(new double[n], new double[n], new long[n], new long[n], new long[n], new double[n], new long[n]);
        }
    }

    private long keyOf(int index) {
        return cellKeys[index];
    }

    /** The index of a cell, added when new; one table read per value (key and index share a long). */
    private int slotOf(long key) {
        int mask = table.length - 1;
        int s = (int) (mix(key) & mask);
        long e;
        while ((e = table[s]) != 0) {
            if (e >> 32 == key) {
                return (int) e - 1;
            }
            s = (s + 1) & mask;
        }
        table[s] = key << 32 | (size + 1L);
        if (size == cellKeys.length) {
            facts.grow(size * 2);
            cellKeys = Arrays.copyOf(cellKeys, size * 2);
        }
        cellKeys[size] = key;
        int index = size++;
        if (size * 2 > table.length) {
            rehash();
        }
        return index;
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long e : old) {
            if (e != 0) {
                int t = (int) (mix(e >> 32) & mask);
                while (table[t] != 0) {
                    t = (t + 1) & mask;
                }
                table[t] = e;
            }
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
