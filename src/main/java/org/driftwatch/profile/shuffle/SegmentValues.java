package org.driftwatch.profile.shuffle;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.driftwatch.data.SegmentPlan;

/**
 * The values that become segments: per {@code by} column the {@code most} values with the most reference rows,
 * ties by value text ascending; null is no value. One aggregation for every by column, ranked in Spark, so
 * the driver sees at most {@code most} rows per column however many values a column has.
 */
public final class SegmentValues {
    private SegmentValues() {
    }

    /** Per by column (in the order given), its selected values in segment order. */
    public static Map<String, List<String>> top(Dataset<Row> reference, List<String> by, int most) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        by.forEach(b -> out.put(b, new ArrayList<>()));
        if (by.isEmpty()) {
            return out;
        }
        Column[] pairs = new Column[by.size()];
        for (int i = 0; i < by.size(); i++) {
            pairs[i] = struct(lit(i).as("k"), SegmentPlan.text(reference, by.get(i)).as("v"));
        }
        Dataset<Row> counted = reference.select(explode(org.apache.spark.sql.functions.array(pairs)).as("e"))
            .select(col("e.k").as("k"), col("e.v").as("v")).where(col("v").isNotNull())
            .groupBy("k", "v").count();
        List<Row> rows = counted.withColumn("rank", row_number().over(Window.partitionBy("k").orderBy(col("count").desc(), col("v").asc())))
            .where(col("rank").leq(most)).orderBy("k", "rank").collectAsList();
        for (Row r : rows) {
            out.get(by.get(r.getInt(0))).add(r.getString(1));
        }
        return out;
    }
}
