package org.driftwatch.profile.scan;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.driftwatch.profile.sketch.CrossingCounts;
import org.driftwatch.profile.sketch.CrossingPlan;

/**
 * A finishing scan of one side's numeric columns: counts, or collects, the finite values inside the
 * regions of a {@link CrossingPlan} ({@link CrossingCounts}); columns the plan does not look into are
 * not read value by value.
 */
public final class CrossingScan implements Serializable {
    private static final long serialVersionUID = 1L;
    public final CrossingCounts counts;
    private transient double[] buffer;
    private transient boolean[] missing;
    private transient int[] at;
    private transient double[] offset;

    public CrossingScan(CrossingPlan plan) {
        counts = new CrossingCounts(plan);
    }

    public void add(InternalRow row, CrossingPlan plan) {
        for (int c = 0; c < plan.columns(); c++) {
            if (plan.looksInto(c) && !row.isNullAt(c)) {
                add(c, row.getDouble(c), plan);
            }
        }
    }

    public void add(ScanBatch batch, CrossingPlan plan) {
        if (buffer == null || buffer.length < batch.size()) {
            buffer = new double[Math.max(NumericBatch.ROWS, batch.size())];
            missing = new boolean[buffer.length];
            at = new int[buffer.length];
            offset = new double[buffer.length];
        }
        for (int c = 0; c < plan.columns(); c++) {
            if (!plan.looksInto(c)) {
                continue;
            }
            int n = batch.compact(c, buffer, missing);
            counts.addAll(c, buffer, missing, n, plan, at, offset);
        }
    }

    private void add(int c, double v, CrossingPlan plan) {
        if (Double.isFinite(v)) {
            counts.add(c, v + 0.0, plan);
        }
    }

    public CrossingScan merge(CrossingScan o) {
        counts.merge(o.counts);
        return this;
    }
}
