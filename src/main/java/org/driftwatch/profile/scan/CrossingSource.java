package org.driftwatch.profile.scan;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.driftwatch.profile.sketch.CrossingPlan;

/**
 * One side of the finishing rounds: its dataset, and once a round has kept them ({@link KeptValues}, on
 * the executors, spilling to disk), the values of its open intervals. A round whose regions lie inside
 * what is kept reads those — a few per cent of the values — instead of the files; any other round reads
 * the files. Either way the counts are the same.
 */
public final class CrossingSource implements AutoCloseable {
    private final Dataset<Row> data;
    private JavaRDD<KeptValues> kept;
    private List<String> keptColumns;
    private CrossingPlan keptRegions;

    public CrossingSource(Dataset<Row> data) {
        this.data = data;
    }

    /**
     * Counts this side's values in {@code plan}'s regions of {@code columns}; with {@code keep} (regions
     * over the same columns that hold all of plan's), also keeps the values inside them for later rounds.
     */
    public CrossingScan scan(List<String> columns, CrossingPlan plan, CrossingPlan keep) {
        int[] from = inKept(columns, plan);
        if (keep != null && inside(keep, plan)) {
            int[] keepFrom = inKept(columns, keep);
            int width = columns.size();
            JavaRDD<KeptValues> next = keepFrom != null
                ? kept.map(k -> k.narrow(keep, keepFrom))
                : PartitionFold.partials(projection(columns), () -> new KeptValues(width),
                    (acc, row) -> acc.add(row, keep), (acc, batch) -> acc.add(batch, keep));
            next.persist(StorageLevel.MEMORY_AND_DISK());
            int[] same = identity(columns.size());
            CrossingScan counts = count(next, plan, same);
            close();
            kept = next;
            keptColumns = List.copyOf(columns);
            keptRegions = keep;
            return counts;
        }
        if (from != null) {
            return count(kept, plan, from);
        }
        return PartitionFold.fold(projection(columns), () -> new CrossingScan(plan), (acc, row) -> acc.add(row, plan),
            (acc, batch) -> acc.add(batch, plan), CrossingScan::merge);
    }

    private static CrossingScan count(JavaRDD<KeptValues> values, CrossingPlan plan, int[] from) {
        return PartitionFold.reduce(values.map(k -> k.count(plan, from)), () -> new CrossingScan(plan), CrossingScan::merge);
    }

    /** Per column of plan, its column among the kept ones when the kept values hold all plan looks into; else null. */
    private int[] inKept(List<String> columns, CrossingPlan plan) {
        if (kept == null) {
            return null;
        }
        int[] from = new int[columns.size()];
        for (int c = 0; c < from.length; c++) {
            from[c] = keptColumns.indexOf(columns.get(c));
            if (plan.looksInto(c) && (from[c] < 0 || !keptRegions.covers(from[c], plan, c))) {
                return null;
            }
            from[c] = Math.max(0, from[c]);
        }
        return from;
    }

    private static boolean inside(CrossingPlan outer, CrossingPlan inner) {
        for (int c = 0; c < inner.columns(); c++) {
            if (inner.looksInto(c) && !outer.covers(c, inner, c)) {
                return false;
            }
        }
        return true;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private Dataset<Row> projection(List<String> columns) {
        return ScanProjection.of(data, columns, List.of(), List.of(), false);
    }

    /** Lets the executors drop what this side kept. */
    @Override
    public void close() {
        if (kept != null) {
            kept.unpersist(false);
            kept = null;
        }
    }
}
