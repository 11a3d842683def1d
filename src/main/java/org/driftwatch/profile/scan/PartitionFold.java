package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.util.Collections;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * One Spark job that folds every row of a projection into a small accumulator per partition and
 * merges the accumulators in a tree: a single scan, however many columns, and only the accumulators
 * travel. An accumulator that can read column batches ({@link BatchStep}) gets the vectorised reader's
 * batches as they are when the source has them ({@link ColumnarPlan}: Parquet, ORC); every other source
 * is read as rows in Spark's internal form, which skips converting each one to a {@link Row}. Both paths
 * see the same values in the same order, so they give the same accumulator.
 */
public final class PartitionFold {
    private PartitionFold() {
    }

    public interface Zero<A> extends Serializable {
        A get();
    }

    public interface Step<A> extends Serializable {
        void add(A accumulator, InternalRow row);
    }

    /** Adds one column batch, laid out as the projection's fields. */
    public interface BatchStep<A> extends Serializable {
        void add(A accumulator, ScanBatch batch);
    }

    /**
     * Levels of the merge tree: the executors merge all but a few partial accumulators, so the driver
     * holds about the cube root of the partition count of them at once, not its square root.
     */
    static final int TREE_DEPTH = 3;

    /** Session setting that turns the columnar path off (to compare the two paths, or to rule it out). */
    public static final String COLUMNAR_SETTING = "driftwatch.scan.columnar";

    /** An accumulator that buffers rows and must finish its work at the end of a partition. */
    interface Buffered {
        void flush();
    }

    public static <A extends Serializable> A fold(Dataset<Row> projection, Zero<A> zero, Step<A> step, Function2<A, A, A> merge) {
        return fold(projection, zero, step, null, merge);
    }

    /** Folds column batches with {@code batches} when the source has them, else rows with {@code step}. */
    public static <A extends Serializable> A fold(Dataset<Row> projection, Zero<A> zero, Step<A> step, BatchStep<A> batches,
                                                  Function2<A, A, A> merge) {
        return reduce(partials(projection, zero, step, batches), zero, merge);
    }

    /** Merges per-partition accumulators in a tree (the zero for no partitions). */
    public static <A extends Serializable> A reduce(JavaRDD<A> partials, Zero<A> zero, Function2<A, A, A> merge) {
        try {
            return partials.treeReduce(merge, TREE_DEPTH);
        } catch (UnsupportedOperationException empty) {
            return zero.get();
        }
    }

    /**
     * One accumulator per partition, not yet merged: to keep on the executors ({@code persist}) and fold
     * again later, or to {@link #reduce}.
     */
    public static <A extends Serializable> JavaRDD<A> partials(Dataset<Row> projection, Zero<A> zero, Step<A> step, BatchStep<A> batches) {
        boolean allowed = batches != null
            && Boolean.parseBoolean(projection.sparkSession().conf().get(COLUMNAR_SETTING, "true"));
        java.util.Optional<ColumnarPlan> columnar = allowed ? ColumnarPlan.of(projection) : java.util.Optional.empty();
        if (columnar.isPresent()) {
            return batchPartials(columnar.get(), zero, batches);
        }
        return projection.queryExecution().toRdd().toJavaRDD()
            .mapPartitions(rows -> {
                A acc = zero.get();
                while (rows.hasNext()) {
                    step.add(acc, rows.next());
                }
                if (acc instanceof Buffered b) {
                    b.flush();
                }
                return Collections.singletonList(acc).iterator();
            });
    }

    private static <A extends Serializable> JavaRDD<A> batchPartials(ColumnarPlan plan, Zero<A> zero, BatchStep<A> step) {
        ScanBatch.Field[] fields = plan.fields();
        return plan.batches().toJavaRDD()
            .mapPartitions((java.util.Iterator<ColumnarBatch> batches) -> {
                A acc = zero.get();
                ScanBatch view = new ScanBatch(fields);
                while (batches.hasNext()) {
                    step.add(acc, view.of(batches.next()));
                }
                if (acc instanceof Buffered b) {
                    b.flush();
                }
                return Collections.singletonList(acc).iterator();
            });
    }
}
