package org.driftwatch.profile;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.driftwatch.data.DataException;
import org.driftwatch.stats.Percentiles;

/**
 * Turns the reference and current datasets into a small {@link ComparisonProfile}, all columns at once.
 * <p>Spark work per run, independent of the number of columns:
 * <ol>
 * <li>one aggregation per dataset: rows, null/NaN/∞ counts, moments (a scan each);</li>
 * <li>one shuffle of both datasets in long form into the value-frequency table (a scan each),
 *     persisted because the next three steps read it;</li>
 * <li>one window pass over its numeric part: exact KS D, Wasserstein, reference order statistics;</li>
 * <li>one pass over its numeric part for PSI bin counts on the now known edges;</li>
 * <li>one pass over its categorical part for category counts;</li>
 * <li>with an id column, one join of the two id columns for leakage.</li>
 * <li>when asked, one pass over the row hashes in the table for identical rows.</li>
 * </ol>
 * Raw data is read twice per dataset; nothing bigger than the per-column results reaches the driver.
 */
public final class DatasetProfiler {
    private DatasetProfiler() {
    }

    public static ComparisonProfile profile(Dataset<Row> reference, Dataset<Row> current, ProfileRequest request) {
        List<String> curNumeric = request.numerical().stream().filter(n -> isNumeric(current, n)).toList();
        List<String> curOthers = othersPresent(current, request);
        DatasetSummary refSummary = SummaryAggregation.summarize(reference, request.numerical(), othersPresent(reference, request));
        if (refSummary.rows() == 0) {
            throw new DataException("reference data has no rows");
        }
        DatasetSummary curSummary = SummaryAggregation.summarize(current, curNumeric, curOthers);
        if (curSummary.rows() == 0) {
            throw new DataException("current data has no rows");
        }
        List<ValueFrequencies.Indexed> numeric = indexed(request.numerical(), 0);
        List<ValueFrequencies.Indexed> categorical = indexed(request.categorical(), numeric.size());
        Map<String, NumericDistribution> numericOut = new HashMap<>();
        Map<String, CategoryTable> categoricalOut = new HashMap<>();
        Optional<IdenticalRows> identical = Optional.empty();
        List<String> rowColumns = request.rowColumns();
        if (!numeric.isEmpty() || !categorical.isEmpty() || !rowColumns.isEmpty()) {
            Dataset<Row> refLong = ValueFrequencies.longForm(reference, numeric, categorical, rowColumns, true);
            List<ValueFrequencies.Indexed> curNum = numeric.stream().filter(n -> curNumeric.contains(n.name())).toList();
            List<ValueFrequencies.Indexed> curCat = categorical.stream().filter(c -> curOthers.contains(c.name())).toList();
            Dataset<Row> curLong = curNum.isEmpty() && curCat.isEmpty() && rowColumns.isEmpty() ? null
                : ValueFrequencies.longForm(current, curNum, curCat, rowColumns, false);
            Dataset<Row> table = ValueFrequencies.table(refLong, curLong).persist(StorageLevel.MEMORY_AND_DISK());
            try {
                if (!numeric.isEmpty()) {
                    numericOut = numeric(table.where(col("c").geq(0).and(col("c").lt(numeric.size()))), numeric, refSummary, request);
                }
                if (!categorical.isEmpty()) {
                    Map<Integer, CategoryTable> counts = CategoryCounting.tables(table.where(col("c").geq(numeric.size())), request.maxCategories());
                    for (ValueFrequencies.Indexed c : categorical) {
                        categoricalOut.put(c.name(), counts.getOrDefault(c.index(), new CategoryTable(List.of(), new long[0], new long[0], 0, false)));
                    }
                }
                if (!rowColumns.isEmpty()) {
                    identical = Optional.of(identicalRows(table.where(col("c").equalTo(ValueFrequencies.ROWS)), rowColumns));
                }
            } finally {
                table.unpersist();
            }
        }
        Optional<LeakageProfile> leakage = Optional.empty();
        if (request.id() != null && hasColumn(current, request.id())) {
            leakage = Optional.of(LeakageAggregation.compute(reference, current, request.id()));
        }
        return new ComparisonProfile(refSummary, curSummary, numericOut, categoricalOut, leakage, identical);
    }

    private static IdenticalRows identicalRows(Dataset<Row> rowHashes, List<String> columns) {
        org.apache.spark.sql.Column both = col("r").gt(0).and(col("k").gt(0));
        Row r = rowHashes.agg(org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.when(both, col("k"))),
            org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.when(both, org.apache.spark.sql.functions.lit(1)))).first();
        return new IdenticalRows(columns, r.isNullAt(0) ? 0 : r.getLong(0), r.getLong(1));
    }

    private static Map<String, NumericDistribution> numeric(Dataset<Row> table, List<ValueFrequencies.Indexed> columns,
                                                            DatasetSummary refSummary, ProfileRequest request) {
        double[] all = Percentiles.linspaceFractions(request.psiBins());
        double[] fractions = new double[request.psiBins()];
        System.arraycopy(all, 1, fractions, 0, request.psiBins() - 1);
        fractions[request.psiBins() - 1] = 0.5;
        Map<Integer, ExactDistribution.Facts> facts = ExactDistribution.compute(table, fractions, request.valueTableLimit());
        Map<Integer, double[]> edges = new HashMap<>();
        Map<Integer, Double> medians = new HashMap<>();
        for (ValueFrequencies.Indexed c : columns) {
            ExactDistribution.Facts f = facts.get(c.index());
            long n = refSummary.numeric().get(c.name()).count();
            if (f == null || n == 0) {
                continue;
            }
            double[] values = new double[fractions.length];
            for (int j = 0; j < fractions.length; j++) {
                Percentiles.Position p = Percentiles.position(n, fractions[j]);
                double upper = p.upper() == p.lower() ? f.lower()[j] : f.upper()[j];
                values[j] = Percentiles.lerp(f.lower()[j], upper, p.gamma());
            }
            double[] inner = new double[request.psiBins() - 1];
            System.arraycopy(values, 0, inner, 0, inner.length);
            edges.put(c.index(), inner);
            medians.put(c.index(), values[values.length - 1]);
        }
        Map<Integer, long[][]> bins = PsiBinning.count(table, edges, request.psiBins());
        Map<String, NumericDistribution> out = new HashMap<>();
        for (ValueFrequencies.Indexed c : columns) {
            ExactDistribution.Facts f = facts.get(c.index());
            if (f == null) {
                continue;
            }
            long[][] b = bins.get(c.index());
            out.put(c.name(), new NumericDistribution(f.ksStatistic(), f.wasserstein(), f.pooledDistinct(), f.referenceDistinct(),
                f.currentDistinct(), edges.get(c.index()), b == null ? null : b[0], b == null ? null : b[1],
                medians.get(c.index()), f.values()));
        }
        return out;
    }

    private static List<String> othersPresent(Dataset<Row> data, ProfileRequest request) {
        List<String> out = new ArrayList<>();
        for (String c : request.categorical()) {
            if (hasColumn(data, c)) {
                out.add(c);
            }
        }
        if (request.id() != null && hasColumn(data, request.id()) && !out.contains(request.id())) {
            out.add(request.id());
        }
        return out;
    }

    private static List<ValueFrequencies.Indexed> indexed(List<String> names, int offset) {
        List<ValueFrequencies.Indexed> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new ValueFrequencies.Indexed(names.get(i), offset + i));
        }
        return out;
    }

    private static boolean hasColumn(Dataset<Row> data, String name) {
        for (StructField f : data.schema().fields()) {
            if (f.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumeric(Dataset<Row> data, String name) {
        for (StructField f : data.schema().fields()) {
            if (f.name().equals(name)) {
                return f.dataType() instanceof NumericType;
            }
        }
        return false;
    }
}
