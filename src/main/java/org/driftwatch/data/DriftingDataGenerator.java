package org.driftwatch.data;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reference/current Parquet pairs with drift known by construction, for benchmarks and demos.
 * Numeric column {@code n<i>} is N(i, 1 + i/10); categorical {@code c<j>} has 20 skewed categories;
 * {@code id} is the row number (current ids continue after the reference's, so none overlap).
 * The drift spec applies to the first {@code columns} share of each kind: {@code shift} (in standard
 * deviations), {@code scale} (spread factor), {@code nulls} (share of values set to null) and
 * {@code new_category} (share of values moved to an unseen category).
 */
public final class DriftingDataGenerator {
    private DriftingDataGenerator() {
    }

    /** A drift specification such as {@code shift=0.5,scale=1.2,nulls=0.05,new_category=0.1,columns=0.3}. */
    public record DriftSpec(double shift, double scale, double nulls, double newCategory, double columns) {
        public static final DriftSpec NONE = new DriftSpec(0, 1, 0, 0, 0);

        public static DriftSpec parse(String spec) {
            if (spec == null || spec.isBlank() || spec.equals("none")) {
                return NONE;
            }
            Map<String, Double> v = new LinkedHashMap<>(Map.of("shift", 0.0, "scale", 1.0, "nulls", 0.0, "new_category", 0.0, "columns", 1.0));
            for (String part : spec.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2 || !v.containsKey(kv[0].strip())) {
                    throw new IllegalArgumentException("--drift: '" + part + "' is not one of shift=, scale=, nulls=, new_category=, columns=");
                }
                try {
                    v.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--drift: '" + part + "' needs a number");
                }
            }
            return new DriftSpec(v.get("shift"), v.get("scale"), v.get("nulls"), v.get("new_category"), v.get("columns"));
        }
    }

    public static Dataset<Row> generate(SparkSession spark, long rows, int numerical, int categorical, DriftSpec drift,
                                        long seed, boolean current, int partitions) {
        long offset = current ? rows : 0;
        Dataset<Row> base = spark.range(offset, offset + rows, 1, partitions).toDF("id");
        List<Column> cols = new ArrayList<>();
        cols.add(col("id"));
        long salt = current ? 7919 : 0;
        int driftedNumeric = (int) Math.round(numerical * drift.columns());
        for (int i = 0; i < numerical; i++) {
            double mean = i;
            double sd = 1 + i / 10.0;
            Column x = randn(seed + salt + i).multiply(sd);
            boolean drifted = current && i < driftedNumeric;
            if (drifted) {
                x = x.multiply(drift.scale()).plus(drift.shift() * sd);
            }
            x = x.plus(mean);
            if (drifted && drift.nulls() > 0) {
                x = when(rand(seed + salt + 1000 + i).geq(drift.nulls()), x);
            }
            cols.add(x.as("n" + i));
        }
        int driftedCategorical = (int) Math.round(categorical * drift.columns());
        for (int j = 0; j < categorical; j++) {
            Column c = concat(lit("c"), floor(pow(rand(seed + salt + 2000 + j), 2).multiply(20)).cast("int").cast("string"));
            if (current && j < driftedCategorical && drift.newCategory() > 0) {
                c = when(rand(seed + salt + 3000 + j).lt(drift.newCategory()), lit("new")).otherwise(c);
            }
            cols.add(c.as("cat" + j));
        }
        return base.select(cols.toArray(Column[]::new));
    }
}
