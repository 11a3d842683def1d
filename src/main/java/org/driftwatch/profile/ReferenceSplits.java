package org.driftwatch.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.driftwatch.data.DataException;
import org.driftwatch.data.SchemaColumns;
import org.driftwatch.profile.model.SelfCheck;
import org.driftwatch.profile.model.SplitTrial;
import org.driftwatch.profile.scan.PartitionFold;
import org.driftwatch.profile.scan.SplitScan;
import org.driftwatch.profile.sketch.HalfSplit;
import org.driftwatch.stats.ChiSquareContingency;

/**
 * The reference against itself, for {@code driftwatch calibrate}: each trial splits the reference in two and
 * folds every column of both parts in one Spark scan ({@link SplitScan}). Random splits hash each row with
 * the trial's number (the same split on every run); time splits cut a column into equal-count chunks (one
 * quantile job first) and compare each chunk with the next.
 */
public final class ReferenceSplits {
    private ReferenceSplits() {
    }

    public static List<SplitTrial> random(Dataset<Row> reference, List<String> numeric, List<String> categorical, int bins, int trials) {
        List<Column> values = values(numeric, categorical);
        List<SplitTrial> out = new ArrayList<>();
        for (int t = 1; t <= trials; t++) {
            List<Column> hashed = new ArrayList<>(values);
            hashed.add(0, lit(t));
            Column second = pmod(xxhash64(hashed.toArray(Column[]::new)), lit(2L)).equalTo(1L);
            out.add(trial("random split " + t, reference, values, second, numeric, categorical, bins));
        }
        return out;
    }

    public static List<SplitTrial> byColumn(Dataset<Row> reference, String column, List<String> numeric, List<String> categorical,
                                            int bins, int trials) {
        if (!SchemaColumns.has(reference, column)) {
            throw new DataException("--by-column " + column + ": no such column in the reference");
        }
        Column c = SchemaColumns.named(column).cast("double");
        if (reference.schema().apply(column).dataType() instanceof org.apache.spark.sql.types.DateType
            || reference.schema().apply(column).dataType() instanceof org.apache.spark.sql.types.TimestampType) {
            c = org.apache.spark.sql.functions.unix_timestamp(SchemaColumns.named(column).cast("timestamp")).cast("double");
        }
        double[] fractions = new double[trials + 2];
        for (int k = 0; k <= trials + 1; k++) {
            fractions[k] = (double) k / (trials + 1);
        }
        Dataset<Row> keyed = reference.withColumn("__driftwatch_chunk_key", c);
        double[] edges = keyed.stat().approxQuantile("__driftwatch_chunk_key", fractions, 1e-4);
        if (edges.length < 2) {
            throw new DataException("--by-column " + column + ": the column has no values to cut into time chunks");
        }
        List<Column> values = values(numeric, categorical);
        List<SplitTrial> out = new ArrayList<>();
        Column key = col("__driftwatch_chunk_key");
        for (int t = 0; t + 2 < edges.length; t++) {
            Dataset<Row> pair = keyed.where(key.geq(edges[t]).and(t + 3 == edges.length ? key.leq(edges[t + 2]) : key.lt(edges[t + 2])));
            out.add(trial(String.format("%s chunk %d against %d", column, t + 1, t + 2), pair, values, key.geq(edges[t + 1]),
                numeric, categorical, bins));
        }
        return out;
    }

    private static List<Column> values(List<String> numeric, List<String> categorical) {
        List<Column> cols = new ArrayList<>();
        numeric.forEach(n -> cols.add(SchemaColumns.named(n).cast("double")));
        categorical.forEach(n -> cols.add(SchemaColumns.named(n).cast("string")));
        return cols;
    }

    private static SplitTrial trial(String name, Dataset<Row> data, List<Column> values, Column second, List<String> numeric,
                                    List<String> categorical, int bins) {
        List<Column> cols = new ArrayList<>(values);
        cols.add(org.apache.spark.sql.functions.coalesce(second, lit(false)));
        int nn = numeric.size();
        int nc = categorical.size();
        SplitScan scan = PartitionFold.fold(data.select(cols.toArray(Column[]::new)), () -> new SplitScan(nn, nc), SplitScan::add,
            SplitScan::merge);
        Map<String, SelfCheck> stats = new HashMap<>();
        Map<String, Double> chi = new HashMap<>();
        for (int i = 0; i < nn; i++) {
            SelfCheck s = HalfSplit.numeric(scan.cells[i], bins, scan.summaries[i].summary().stdPop());
            if (s != null) {
                stats.put(numeric.get(i), s);
            }
        }
        for (int j = 0; j < nc; j++) {
            if (scan.categories[j].overflow()) {
                continue;
            }
            long[] all = scan.categories[j].sorted().values().stream().mapToLong(Long::longValue).toArray();
            long[] part = scan.categories[j].sortedSecondHalf().values().stream().mapToLong(Long::longValue).toArray();
            SelfCheck s = HalfSplit.categorical(all, part);
            if (s != null) {
                stats.put(categorical.get(j), s);
                long[] first = new long[all.length];
                for (int k = 0; k < all.length; k++) {
                    first[k] = all[k] - part[k];
                }
                chi.put(categorical.get(j), ChiSquareContingency.test(first, part).pValue());
            }
        }
        return new SplitTrial(name, stats, chi);
    }
}
