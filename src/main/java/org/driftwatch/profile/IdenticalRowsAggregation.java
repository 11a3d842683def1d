package org.driftwatch.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Current rows identical to some reference row: a 64-bit hash of each row's values, the distinct
 * reference hashes semi-joined with the current hash counts. One shuffle of one long per row.
 */
final class IdenticalRowsAggregation {
    private IdenticalRowsAggregation() {
    }

    static IdenticalRows compute(Dataset<Row> reference, Dataset<Row> current, List<String> columns) {
        // values keep their type when both sides agree (no text conversion per value), else compare as text
        Column[] values = columns.stream().map(n -> Columns.sameType(reference, current, n) ? Columns.named(n)
            : Columns.named(n).cast("string")).toArray(Column[]::new);
        Dataset<Row> ref = reference.select(xxhash64(values).as("h")).distinct();
        Dataset<Row> cur = current.select(xxhash64(values).as("h")).groupBy("h").agg(count(lit(1)).as("k"));
        Row r = cur.join(ref, "h").agg(sum(col("k")), count(lit(1))).first();
        return new IdenticalRows(columns, r.isNullAt(0) ? 0 : r.getLong(0), r.getLong(1));
    }
}
