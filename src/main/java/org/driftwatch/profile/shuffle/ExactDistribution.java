package org.driftwatch.profile.shuffle;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.driftwatch.profile.model.NumericDistribution;
import org.driftwatch.stats.EcdfSums;

/**
 * Exact KS and Wasserstein on small data, computed on the value-frequency table (one row per distinct
 * value) without collecting it: running counts of reference and current values in value order (a
 * window per column) give both ECDFs right-continuously at every pooled value, so KS D = max |F_ref −
 * F_cur| exactly and the Wasserstein distance = Σ |F_ref − F_cur|·(next value − value), as scipy
 * defines them. The result is one small row per column, with the value table when it is short.
 */
public final class ExactDistribution {
    private ExactDistribution() {
    }

    public record Facts(double ksStatistic, double wasserstein, long pooledDistinct, long referenceDistinct,
                 long currentDistinct, NumericDistribution.ValueTable values, Map<String, EcdfSums.Range> ecdf) {
    }

    public static Map<Integer, Facts> compute(Dataset<Row> numericFrequencies, int valueTableLimit) {
        WindowSpec column = Window.partitionBy("c");
        WindowSpec running = Window.partitionBy("c").orderBy("v")
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> ecdf = numericFrequencies
            .withColumn("cr", sum("r").over(running))
            .withColumn("ck", sum("k").over(running))
            .withColumn("nr", sum("r").over(column))
            .withColumn("nk", sum("k").over(column))
            .withColumn("nd", count(lit(1)).over(column))
            .withColumn("next", lead("v", 1).over(Window.partitionBy("c").orderBy("v")));
        Column both = col("nr").gt(0).and(col("nk").gt(0));
        Column gap = when(both, abs(col("cr").divide(col("nr")).minus(col("ck").divide(col("nk")))));
        List<Column> aggs = new ArrayList<>();
        aggs.add(max(gap).as("d"));
        aggs.add(sum(gap.multiply(col("next").minus(col("v")))).as("w"));
        aggs.add(count(lit(1)).as("nd"));
        aggs.add(count(when(col("r").gt(0), lit(1))).as("rd"));
        aggs.add(count(when(col("k").gt(0), lit(1))).as("kd"));
        aggs.add(collect_list(when(col("nd").leq(valueTableLimit), struct(col("v"), col("r"), col("k")))).as("small"));
        aggs.add(EcdfTerms.function().apply(col("r"), col("k"), col("cr"), col("ck"), col("nr"), col("nk")).as("ecdf"));
        List<Row> rows = ecdf.groupBy("c").agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).collectAsList();
        Map<Integer, Facts> out = new HashMap<>();
        for (Row row : rows) {
            out.put(row.getInt(0), new Facts(
                row.isNullAt(1) ? Double.NaN : row.getDouble(1),
                row.isNullAt(2) ? 0.0 : row.getDouble(2),
                row.getLong(3), row.getLong(4), row.getLong(5), valueTable(row.getList(6)), EcdfTerms.ranges(row.getAs(7))));
        }
        return out;
    }

    private static NumericDistribution.ValueTable valueTable(List<Row> entries) {
        if (entries == null || entries.isEmpty()) {
            return null;
        }
        List<Row> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> Double.compare(a.getDouble(0), b.getDouble(0)));
        double[] v = new double[sorted.size()];
        long[] r = new long[sorted.size()];
        long[] k = new long[sorted.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = sorted.get(i).getDouble(0);
            r[i] = sorted.get(i).getLong(1);
            k[i] = sorted.get(i).getLong(2);
        }
        return new NumericDistribution.ValueTable(v, r, k);
    }
}
