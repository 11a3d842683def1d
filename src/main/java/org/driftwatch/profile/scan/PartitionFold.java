package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.util.Collections;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * One Spark job that folds every row of a projection into a small accumulator per partition and
 * merges the accumulators in a tree: a single scan, however many columns, and only the accumulators
 * travel. Rows are read in Spark's internal form, which skips converting each one to a {@link Row}.
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

    /** An accumulator that buffers rows and must finish its work at the end of a partition. */
    interface Buffered {
        void flush();
    }

    public static <A extends Serializable> A fold(Dataset<Row> projection, Zero<A> zero, Step<A> step, Function2<A, A, A> merge) {
        try {
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
                })
                .treeReduce(merge, 2);
        } catch (UnsupportedOperationException empty) {
            return zero.get();
        }
    }
}
