package org.driftwatch.profile.scan;

import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The first {@code columns} fields (doubles) of some ten thousand rows, turned column-wise: a scan adds
 * rows (or a reader's column batches) as they come and then works through one column at a time, which
 * keeps that column's counters in the CPU cache instead of touching every column's for every row. Many
 * more values than a reader's batch (4,096 rows) per column: a column's counters are reloaded from the
 * shared cache once per flush, so a flush must reuse them many times to pay for that.
 */
public final class NumericBatch {
    /** A reader's batch: the fewest rows buffered. */
    static final int ROWS = 4096;
    private static final int MAX_ROWS = 1 << 15;
    /** Values buffered over all columns (~19 MB per scan task), so a wide dataset buffers fewer rows. */
    private static final int VALUES = 1 << 21;
    final double[][] values;
    final boolean[][] missing;
    /** Whether each row is in the reference's second half (the self-check's split); set by the reference scan. */
    final boolean[] second;
    /**
     * Per column read as a segment column from batches ({@link ScanBatch#masked}), the buffered rows that hold
     * its values, in order (its {@link #missing} is then not kept: every other row is null); null for the others.
     */
    final int[][] present;
    final int[] presentCount;
    int size;

    NumericBatch(int columns) {
        this(columns, Math.max(ROWS, Math.min(MAX_ROWS, VALUES / Math.max(1, columns))));
    }

    NumericBatch(int columns, int rows) {
        values = new double[columns][rows];
        missing = new boolean[columns][rows];
        second = new boolean[rows];
        present = new int[columns][];
        presentCount = new int[columns];
    }

    /** Whether column {@code i} is a segment column: its values only at {@link #present} rows. */
    boolean sparse(int i) {
        return present[i] != null;
    }

    /** Empties the buffer. */
    void clear() {
        size = 0;
        java.util.Arrays.fill(presentCount, 0);
    }

    /** A batch that holds {@code rows} rows: this one if it can, else a larger one. */
    NumericBatch holding(int rows) {
        return rows <= second.length ? this : new NumericBatch(values.length, rows);
    }

    /** Whether {@code rows} more rows fit behind those buffered. */
    boolean fits(int rows) {
        return size + rows <= second.length;
    }

    /** Appends the first {@code columns} fields of a column batch behind those buffered (they must fit). */
    void append(ScanBatch batch) {
        for (int i = 0; i < values.length; i++) {
            if (batch.masked(i)) {
                if (present[i] == null) {
                    present[i] = new int[second.length];
                }
                presentCount[i] = batch.present(i, values[i], size, present[i], presentCount[i]);
            } else {
                batch.doubles(i, values[i], missing[i], size);
            }
        }
        size += batch.size();
    }

    /** Buffers the row's numeric fields; true when the batch is full and must be flushed. */
    boolean add(InternalRow row) {
        for (int i = 0; i < values.length; i++) {
            boolean isNull = row.isNullAt(i);
            missing[i][size] = isNull;
            values[i][size] = isNull ? 0.0 : row.getDouble(i);
        }
        return ++size == second.length;
    }
}
