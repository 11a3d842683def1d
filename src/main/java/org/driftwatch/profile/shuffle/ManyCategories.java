package org.driftwatch.profile.shuffle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.driftwatch.data.SchemaColumns;
import org.driftwatch.profile.model.CategoryTable;

/**
 * Category counts of one column with more distinct values than a scan keeps (an id-like or free-text
 * column, often inferred): both sides' values grouped in Spark, the most frequent kept and the tail
 * folded into {@link CategoryTable#OTHER} there, so the driver sees {@code maxCategories} rows. Only runs
 * for such columns, and only on raw data.
 */
public final class ManyCategories {
    private ManyCategories() {
    }

    /** The table, and the non-null counts of the reference and the current side. */
    public record Counted(CategoryTable table, long referenceNonNull, long currentNonNull) {
    }

    public static Counted countBoth(Dataset<Row> reference, Dataset<Row> current, String column, int maxCategories) {
        Dataset<Row> both = side(reference, column, true).unionByName(side(current, column, false))
            .groupBy("s").agg(sum("r").as("r"), sum("k").as("k"));
        List<Row> rows = both
            .withColumn("rank", row_number().over(Window.orderBy(col("r").desc(), col("k").desc(), col("s"))))
            .withColumn("nd", count(lit(1)).over(Window.partitionBy()))
            .withColumn("cat", when(col("rank").leq(maxCategories), col("s")).otherwise(lit(CategoryTable.OTHER)))
            .groupBy("cat").agg(sum("r"), sum("k"), first("nd"))
            .collectAsList();
        TreeMap<String, long[]> cats = new TreeMap<>();
        long distinct = 0;
        long refTotal = 0;
        long curTotal = 0;
        for (Row row : rows) {
            cats.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2)});
            distinct = row.getLong(3);
            refTotal += row.getLong(1);
            curTotal += row.getLong(2);
        }
        long[] r = new long[cats.size()];
        long[] k = new long[cats.size()];
        int i = 0;
        for (long[] c : cats.values()) {
            r[i] = c[0];
            k[i++] = c[1];
        }
        return new Counted(new CategoryTable(List.copyOf(cats.keySet()), r, k, distinct, distinct > maxCategories),
            refTotal, curTotal);
    }

    private static Dataset<Row> side(Dataset<Row> data, String column, boolean reference) {
        if (!SchemaColumns.has(data, column)) {
            return data.sparkSession().emptyDataFrame()
                .select(lit(null).cast("string").as("s"), lit(0L).as("r"), lit(0L).as("k"));
        }
        return data.select(SchemaColumns.named(column).cast("string").as("s"), lit(reference ? 1L : 0L).as("r"),
            lit(reference ? 0L : 1L).as("k")).where(col("s").isNotNull());
    }
}
