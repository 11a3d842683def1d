package org.driftwatch.profile;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The reference's second scan, over its numeric columns only: splits heavy cells
 * ({@link CellRefinement}) and collects the values near the wanted percentile ranks
 * ({@link InsideValues}) at once, so a profile takes two scans whatever the columns look like.
 */
final class SecondPass implements Serializable {
    private static final long serialVersionUID = 1L;
    final CellRefinement refinement;
    final InsideValues values;

    SecondPass(CellRefinement.Heavy heavy, InsideValues.Wanted windows) {
        refinement = new CellRefinement(heavy);
        values = new InsideValues(windows);
    }

    void add(InternalRow row, CellRefinement.Heavy heavy, InsideValues.Wanted windows) {
        refinement.add(row, heavy);
        values.add(row, windows);
    }

    SecondPass merge(SecondPass o) {
        refinement.merge(o.refinement);
        values.merge(o.values);
        return this;
    }
}
