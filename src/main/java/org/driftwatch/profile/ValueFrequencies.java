package org.driftwatch.profile;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pass 2: every compared value of both datasets in long form {@code (c, v, s)} — c the column index,
 * v a finite numeric value or s a category — grouped to one row per distinct value with its count on
 * each side ({@code r} reference, {@code k} current). One shuffle for all columns; partial aggregation
 * before it collapses ties, so its size is the number of distinct values, not of rows. Whole rows,
 * when asked for, ride along as column {@link #ROWS}: a hash of the row's values as the category.
 */
final class ValueFrequencies {
    static final int ROWS = -1;

    private ValueFrequencies() {
    }

    /**
     * @param numeric     numeric columns available on this side, with their index
     * @param categorical categorical columns available on this side, with their index
     */
    static Dataset<Row> longForm(Dataset<Row> data, List<Indexed> numeric, List<Indexed> categorical,
                                 List<String> rowColumns, boolean reference) {
        List<Column> entries = new ArrayList<>();
        if (!rowColumns.isEmpty()) {
            Column[] values = rowColumns.stream().map(n -> Columns.named(n).cast("string")).toArray(Column[]::new);
            entries.add(struct(lit(ROWS).as("c"), lit(null).cast("double").as("v"), xxhash64(values).cast("string").as("s")));
        }
        for (Indexed n : numeric) {
            entries.add(struct(lit(n.index()).as("c"), SummaryAggregation.finite(n.name()).as("v"),
                lit(null).cast("string").as("s")));
        }
        for (Indexed c : categorical) {
            entries.add(struct(lit(c.index()).as("c"), lit(null).cast("double").as("v"),
                Columns.named(c.name()).cast("string").as("s")));
        }
        return data.select(inline(array(entries.toArray(Column[]::new))))
            .where(col("v").isNotNull().or(col("s").isNotNull()))
            .withColumn("r", lit(reference ? 1L : 0L))
            .withColumn("k", lit(reference ? 0L : 1L));
    }

    static Dataset<Row> table(Dataset<Row> referenceLong, Dataset<Row> currentLong) {
        Dataset<Row> both = referenceLong == null ? currentLong
            : currentLong == null ? referenceLong : referenceLong.unionByName(currentLong);
        return both.groupBy("c", "v", "s").agg(sum("r").as("r"), sum("k").as("k"));
    }

    record Indexed(String name, int index) {
    }
}
