package org.driftwatch.profile.shuffle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
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
        // kept: the values frequent on either side, and the most frequent values new tonight; the rest fold
        Column unseen = col("r").equalTo(0).and(col("k").gt(0));
        Column share = greatest(col("r").divide(sum("r").over(Window.partitionBy())), col("k").divide(sum("k").over(Window.partitionBy())));
        List<Row> rows = both
            .withColumn("share", share)
            .withColumn("rank", row_number().over(Window.orderBy(col("share").desc(), col("r").desc(), col("s"))))
            .withColumn("urank", row_number().over(Window.orderBy(when(unseen, col("k")).desc_nulls_last(), col("s"))))
            .withColumn("nd", count(lit(1)).over(Window.partitionBy()))
            .withColumn("ur", sum(when(unseen, col("k")).otherwise(0L)).over(Window.partitionBy()))
            .withColumn("ud", sum(when(unseen, 1L).otherwise(0L)).over(Window.partitionBy()))
            .withColumn("cat", when(col("rank").leq(maxCategories).or(unseen.and(col("urank").leq(CategoryTable.TOP_UNSEEN))), col("s"))
                .otherwise(lit(CategoryTable.OTHER)))
            .groupBy("cat").agg(sum("r"), sum("k"), first("nd"), first("ur"), first("ud"))
            .collectAsList();
        TreeMap<String, long[]> cats = new TreeMap<>();
        long distinct = 0;
        long refTotal = 0;
        long curTotal = 0;
        long unseenRows = 0;
        long unseenDistinct = 0;
        for (Row row : rows) {
            cats.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2)});
            distinct = row.getLong(3);
            unseenRows = row.getLong(4);
            unseenDistinct = row.getLong(5);
            refTotal += row.getLong(1);
            curTotal += row.getLong(2);
        }
        java.util.List<java.util.Map.Entry<String, long[]>> fresh = new java.util.ArrayList<>(cats.entrySet().stream()
            .filter(e -> e.getValue()[0] == 0 && e.getValue()[1] > 0 && !e.getKey().equals(CategoryTable.OTHER)).toList());
        fresh.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        java.util.LinkedHashMap<String, Long> top = new java.util.LinkedHashMap<>();
        fresh.forEach(e -> top.put(e.getKey(), e.getValue()[1]));
        long[] r = new long[cats.size()];
        long[] k = new long[cats.size()];
        int i = 0;
        for (long[] c : cats.values()) {
            r[i] = c[0];
            k[i++] = c[1];
        }
        return new Counted(new CategoryTable(List.copyOf(cats.keySet()), r, k, distinct, distinct > maxCategories,
            new CategoryTable.Unseen(unseenRows, unseenDistinct, top)), refTotal, curTotal);
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
