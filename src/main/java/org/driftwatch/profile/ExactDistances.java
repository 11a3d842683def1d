package org.driftwatch.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.driftwatch.profile.model.DistanceMethod;
import org.driftwatch.profile.model.DistributionDistance;
import org.driftwatch.profile.model.ReferenceProfile;
import org.driftwatch.profile.model.ValueCounts;
import org.driftwatch.profile.shuffle.ExactDistribution;
import org.driftwatch.profile.shuffle.ValueFrequencies;

/**
 * The exact comparison strategy for small data: one shuffle of the current numeric values into a
 * value-frequency table, joined with the reference's — from its raw data, or from the tables a saved
 * profile stored — and a window over it ({@link ExactDistribution}). Both reference sources give the
 * same table, so the same numbers.
 */
final class ExactDistances {
    private static final StructType LONG_FORM = new StructType().add("c", DataTypes.IntegerType).add("v", DataTypes.DoubleType)
        .add("r", DataTypes.LongType).add("k", DataTypes.LongType);

    private ExactDistances() {
    }

    /** The reference's long form from its raw data. */
    static Dataset<Row> referenceLong(Dataset<Row> reference, List<String> numeric) {
        return ValueFrequencies.longForm(reference, indexed(numeric), true);
    }

    /** The reference's long form from a saved profile's value tables (one row per distinct value, r its count). */
    static Dataset<Row> referenceLong(Dataset<Row> current, ReferenceProfile profile, List<String> numeric) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < numeric.size(); i++) {
            ValueCounts t = profile.numeric().get(numeric.get(i)).all();
            for (int j = 0; j < t.size(); j++) {
                rows.add(RowFactory.create(i, t.values()[j], t.counts()[j], 0L));
            }
        }
        return current.sparkSession().createDataFrame(rows, LONG_FORM);
    }

    /** Every distinct finite value of each numeric column with its count: what a saved profile keeps for small references. */
    static Map<String, ValueCounts> referenceTables(Dataset<Row> reference, List<String> numeric) {
        Map<Integer, List<double[]>> byColumn = new HashMap<>();
        Dataset<Row> table = referenceLong(reference, numeric).groupBy("c", "v").agg(sum("r").as("r"))
            .where(col("c").geq(0)).orderBy("c", "v");
        for (Row r : table.collectAsList()) {
            byColumn.computeIfAbsent(r.getInt(0), c -> new ArrayList<>()).add(new double[] {r.getDouble(1), r.getLong(2)});
        }
        Map<String, ValueCounts> out = new HashMap<>();
        for (int i = 0; i < numeric.size(); i++) {
            List<double[]> entries = byColumn.getOrDefault(i, List.of());
            double[] v = new double[entries.size()];
            long[] c = new long[entries.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = entries.get(j)[0];
                c[j] = (long) entries.get(j)[1];
            }
            out.put(numeric.get(i), new ValueCounts(v, c));
        }
        return out;
    }

    /** Exact distances of every numeric column, against the current data. */
    static Map<String, DistributionDistance> distances(Dataset<Row> referenceLong, Dataset<Row> current, List<String> numeric,
                                                       int valueTableLimit, DistanceMethod method) {
        Dataset<Row> table = ValueFrequencies.table(referenceLong, ValueFrequencies.longForm(current, indexed(numeric), false))
            .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<Integer, ExactDistribution.Facts> facts = ExactDistribution.compute(table.where(col("c").geq(0)), valueTableLimit);
            Map<String, DistributionDistance> out = new HashMap<>();
            for (int i = 0; i < numeric.size(); i++) {
                ExactDistribution.Facts f = facts.get(i);
                out.put(numeric.get(i), f == null ? DistributionDistance.undefined(method)
                    : DistributionDistance.exact(method, f.ksStatistic(), f.wasserstein(), new DistributionDistance.Distinct(
                        f.pooledDistinct(), f.referenceDistinct(), f.currentDistinct()), f.values(), f.ecdf()));
            }
            return out;
        } finally {
            table.unpersist();
        }
    }

    private static List<ValueFrequencies.Indexed> indexed(List<String> names) {
        List<ValueFrequencies.Indexed> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new ValueFrequencies.Indexed(names.get(i), i));
        }
        return columns;
    }
}
