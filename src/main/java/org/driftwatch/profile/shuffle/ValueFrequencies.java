package org.driftwatch.profile.shuffle;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.SchemaColumns;

/**
 * For exact KS and Wasserstein on small data: every finite numeric value of both datasets in long form
 * {@code (c, v)} — c the column index — grouped to one row per distinct value with its count on each
 * side ({@code r} reference, {@code k} current). One shuffle for all columns; partial aggregation before
 * it collapses ties, so its size is the number of distinct values, not of rows.
 */
public final class ValueFrequencies {
    private ValueFrequencies() {
    }

    public static Dataset<Row> longForm(Dataset<Row> data, List<Indexed> numeric, boolean reference) {
        List<Column> entries = new ArrayList<>();
        for (Indexed n : numeric) {
            if (SchemaColumns.isNumeric(data, n.name())) {
                entries.add(struct(lit(n.index()).as("c"), SchemaColumns.finite(n.name()).as("v")));
            }
        }
        if (entries.isEmpty()) {
            entries.add(struct(lit(-1).as("c"), lit(null).cast("double").as("v")));
        }
        return data.select(inline(array(entries.toArray(Column[]::new))))
            .where(col("v").isNotNull())
            .withColumn("r", lit(reference ? 1L : 0L))
            .withColumn("k", lit(reference ? 0L : 1L));
    }

    public static Dataset<Row> table(Dataset<Row> referenceLong, Dataset<Row> currentLong) {
        return referenceLong.unionByName(currentLong).groupBy("c", "v").agg(sum("r").as("r"), sum("k").as("k"));
    }

    public record Indexed(String name, int index) {
    }
}
