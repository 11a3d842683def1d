package org.driftwatch.profile;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Counts reference and current values per PSI bin on the value-frequency table. A value's bin is the
 * number of inner edges ≤ it: left-closed bins, and with repeated edges the last bin starting at the
 * value, exactly as {@code np.histogram}.
 */
final class PsiBinning {
    private PsiBinning() {
    }

    /** @param edges inner edges per column index (columns absent here get no bins) */
    static Map<Integer, long[][]> count(Dataset<Row> numericFrequencies, Map<Integer, double[]> edges, int bins) {
        Map<Integer, long[][]> out = new HashMap<>();
        if (edges.isEmpty()) {
            return out;
        }
        int maxIndex = edges.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Column> perColumn = new ArrayList<>();
        for (int c = 0; c <= maxIndex; c++) {
            double[] e = edges.get(c);
            List<Column> lits = new ArrayList<>();
            if (e != null) {
                for (double x : e) {
                    lits.add(lit(x));
                }
            }
            perColumn.add(lits.isEmpty() ? array().cast("array<double>") : array(lits.toArray(Column[]::new)));
        }
        List<Row> rows = numericFrequencies
            .where(col("c").isin(edges.keySet().toArray()))
            .withColumn("edges", element_at(array(perColumn.toArray(Column[]::new)), col("c").plus(1)))
            .withColumn("bin", expr("size(filter(edges, e -> e <= v))"))
            .groupBy("c", "bin").agg(sum("r"), sum("k"))
            .collectAsList();
        for (Row row : rows) {
            long[][] counts = out.computeIfAbsent(row.getInt(0), c -> new long[2][bins]);
            int bin = row.getInt(1);
            counts[0][bin] += row.getLong(2);
            counts[1][bin] += row.getLong(3);
        }
        return out;
    }
}
