package org.driftwatch.profile.scan;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.driftwatch.profile.sketch.CellRefinement;
import org.driftwatch.profile.sketch.InsideValues;
import org.driftwatch.profile.sketch.RowHashFilter;

/**
 * A scan of the reference's numeric columns after pass 1: splits heavy cells ({@link CellRefinement})
 * and collects the values near the wanted percentile ranks ({@link InsideValues}) in the same rows,
 * either part empty when not needed. Reads the rows; the two sketches only see finite values.
 */
public final class SecondPass implements Serializable {
    private static final long serialVersionUID = 1L;
    public final CellRefinement refinement;
    public final InsideValues values;
    private transient double[] buffer;
    private transient boolean[] missing;

    /** The reference's row hashes, when this pass builds them (the field after the numeric ones); else null. */
    public final RowHashFilter rowHashes;

    public SecondPass(CellRefinement.Heavy heavy, InsideValues.Wanted windows) {
        this(heavy, windows, -1);
    }

    /** @param hashedRows the reference's rows when the last field is a row hash to put in a filter, else −1 */
    public SecondPass(CellRefinement.Heavy heavy, InsideValues.Wanted windows, long hashedRows) {
        refinement = new CellRefinement(heavy);
        values = new InsideValues(windows);
        rowHashes = hashedRows < 0 ? null : RowHashFilter.forRows(hashedRows);
    }

    public void add(InternalRow row, CellRefinement.Heavy heavy, InsideValues.Wanted windows) {
        if (rowHashes != null) {
            rowHashes.add(row.getLong(heavy.min().length));
        }
        for (int i = 0; i < heavy.min().length; i++) {
            if (row.isNullAt(i)) {
                continue;
            }
            double v = row.getDouble(i) + 0.0;
            if (heavy.min()[i].length > 0) {
                refinement.add(i, v, heavy);
            }
            if (windows.min()[i].length > 0) {
                values.add(i, v, windows);
            }
        }
    }

    /** The same over a column batch, one column at a time. */
    public void add(ScanBatch batch, CellRefinement.Heavy heavy, InsideValues.Wanted windows) {
        if (buffer == null || buffer.length < batch.size()) {
            buffer = new double[Math.max(NumericBatch.ROWS, batch.size())];
            missing = new boolean[buffer.length];
        }
        if (rowHashes != null) {
            for (int r = 0; r < batch.size(); r++) {
                rowHashes.add(batch.getLong(heavy.min().length, r));
            }
        }
        for (int i = 0; i < heavy.min().length; i++) {
            boolean split = heavy.min()[i].length > 0;
            boolean collect = windows.min()[i].length > 0;
            if (!split && !collect) {
                continue;
            }
            int n = batch.compact(i, buffer, missing);
            for (int r = 0; r < n; r++) {
                if (missing[r]) {
                    continue;
                }
                double v = buffer[r] + 0.0;
                if (split) {
                    refinement.add(i, v, heavy);
                }
                if (collect) {
                    values.add(i, v, windows);
                }
            }
        }
    }

    public SecondPass merge(SecondPass o) {
        refinement.merge(o.refinement);
        values.merge(o.values);
        if (rowHashes != null) {
            rowHashes.merge(o.rowHashes);
        }
        return this;
    }
}
