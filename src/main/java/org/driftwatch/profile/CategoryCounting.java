package org.driftwatch.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Category counts per column from the value-frequency table. Only the {@code maxCategories} most
 * frequent reference categories are collected; the tail is summed into one "other" bin in Spark, so
 * an id-like column never floods the driver.
 */
final class CategoryCounting {
    private CategoryCounting() {
    }

    static Map<Integer, CategoryTable> tables(Dataset<Row> categoricalFrequencies, int maxCategories) {
        List<Row> rows = categoricalFrequencies
            .withColumn("rank", row_number().over(Window.partitionBy("c").orderBy(col("r").desc(), col("k").desc(), col("s"))))
            .withColumn("nd", count(lit(1)).over(Window.partitionBy("c")))
            .withColumn("cat", when(col("rank").leq(maxCategories), col("s")).otherwise(lit(CategoryTable.OTHER)))
            .groupBy("c", "cat").agg(sum("r"), sum("k"), first("nd"))
            .collectAsList();
        Map<Integer, TreeMap<String, long[]>> byColumn = new HashMap<>();
        Map<Integer, Long> distinct = new HashMap<>();
        for (Row row : rows) {
            byColumn.computeIfAbsent(row.getInt(0), c -> new TreeMap<>())
                .put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
            distinct.put(row.getInt(0), row.getLong(4));
        }
        Map<Integer, CategoryTable> out = new HashMap<>();
        byColumn.forEach((c, cats) -> {
            long[] r = new long[cats.size()];
            long[] k = new long[cats.size()];
            int i = 0;
            for (long[] counts : cats.values()) {
                r[i] = counts[0];
                k[i++] = counts[1];
            }
            long nd = distinct.get(c);
            out.put(c, new CategoryTable(List.copyOf(cats.keySet()), r, k, nd, nd > maxCategories));
        });
        return out;
    }
}
