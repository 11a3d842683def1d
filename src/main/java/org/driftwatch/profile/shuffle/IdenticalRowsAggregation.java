package org.driftwatch.profile.shuffle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.SchemaColumns;
import org.driftwatch.profile.model.IdenticalRows;

/**
 * Current rows identical to some reference row: a 64-bit hash of each row's values on both sides,
 * tagged and grouped by hash — one shuffle of one long per row (partial aggregation first). The scans
 * avoid it in the common case (a filter of the reference's hashes, {@code RowHashFilter}); it remains for
 * rule files whose rows include an id shared by both sides, and when very many rows are copies.
 */
public final class IdenticalRowsAggregation {
    private IdenticalRowsAggregation() {
    }

    /** The 64-bit hash both sides' rows are compared by; the same expression resolves on either side. */
    public static Column rowHash(Dataset<Row> reference, Dataset<Row> current, List<String> columns) {
        // values keep their type when both sides agree (no text conversion per value), else compare as text
        Column[] values = columns.stream().map(n -> SchemaColumns.sameType(reference, current, n) ? SchemaColumns.named(n)
            : SchemaColumns.named(n).cast("string")).toArray(Column[]::new);
        return xxhash64(values);
    }

    public static IdenticalRows compute(Dataset<Row> reference, Dataset<Row> current, List<String> columns) {
        Column hash = rowHash(reference, current, columns);
        Dataset<Row> perRow = reference.select(hash.as("h"), lit(1L).as("r"), lit(0L).as("k"))
            .unionByName(current.select(hash.as("h"), lit(0L).as("r"), lit(1L).as("k")))
            .groupBy("h").agg(sum("r").as("r"), sum("k").as("k"));
        Column both = col("r").gt(0).and(col("k").gt(0));
        Row r = perRow.agg(sum(when(both, col("k"))), count(when(both, lit(1)))).first();
        return new IdenticalRows(columns, r.isNullAt(0) ? 0 : r.getLong(0), r.getLong(1));
    }
}
