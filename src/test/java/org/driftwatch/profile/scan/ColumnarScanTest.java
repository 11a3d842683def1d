package org.driftwatch.profile.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.TestSpark;
import org.driftwatch.profile.DatasetProfiler;
import org.driftwatch.profile.model.CategoryTable;
import org.driftwatch.profile.model.JointProfile;
import org.driftwatch.profile.model.NumericDistribution;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.model.ReferenceProfile;
import org.driftwatch.data.ModelPlan;
import org.driftwatch.data.ModelTask;
import org.driftwatch.profile.model.ModelOutcomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar scans (Parquet and ORC column batches, dictionary ids) give exactly what the row scans
 * give, on every numeric type the projection casts, nulls, NaN, ±∞, −0.0, a dictionary-encoded and a
 * plain-encoded string column, integer columns counted as categories, and an integer id, over several
 * files; sources without batches keep rows.
 */
class ColumnarScanTest {
    private static final List<String> NUMERIC = List.of("d", "f", "i", "l", "s", "b");
    /** Strings, and integer classes (cast to text: small ones, negative ones, and ones past the small-number cache). */
    private static final List<String> CATEGORICAL = List.of("cat", "text", "k", "kl");

    @TempDir
    Path dir;

    private static Dataset<Row> frame(SparkSession spark, long seed, int rows, double shift) {
        StructType schema = new StructType()
            .add("d", DataTypes.DoubleType, true).add("f", DataTypes.FloatType, true)
            .add("i", DataTypes.IntegerType, true).add("l", DataTypes.LongType, true)
            .add("s", DataTypes.ShortType, true).add("b", DataTypes.ByteType, true)
            .add("cat", DataTypes.StringType, true).add("text", DataTypes.StringType, true)
            .add("id", DataTypes.LongType, true)
            .add("k", DataTypes.IntegerType, true).add("kl", DataTypes.LongType, true);
        Random rnd = new Random(seed);
        List<Row> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double d = rnd.nextGaussian() + shift;
            Double dv = r % 97 == 0 ? null : r % 101 == 0 ? Double.NaN : r % 211 == 0 ? Double.POSITIVE_INFINITY
                : r % 307 == 0 ? -0.0 : d;
            out.add(RowFactory.create(dv, r % 89 == 0 ? null : (float) (d * 3),
                r % 83 == 0 ? null : (int) Math.round(d * 10), (long) (d * 1e6),
                (short) (r % 50), r % 79 == 0 ? null : (byte) (r % 7),
                r % 13 == 0 ? null : "c" + rnd.nextInt(shift > 0 ? 8 : 6),
                "a fairly long and mostly distinct text value number " + rnd.nextInt(1_000_000) + " of the column",
                seed * 1_000_000 + r,
                r % 61 == 0 ? null : rnd.nextInt(shift > 0 ? 7 : 5) - 2,
                r % 67 == 0 ? null : (long) rnd.nextInt(3000) - 1000));
        }
        return spark.createDataFrame(out, schema).repartition(3);
    }

    private static ProfileRequest request() {
        return new ProfileRequest(NUMERIC, CATEGORICAL, "id", 10, 50, 20, List.of(), 0);
    }

    @Test
    void columnarAndRowScansAgreeOnParquetAndOrc() {
        SparkSession spark = TestSpark.session();
        for (String format : List.of("parquet", "orc")) {
            String ref = dir.resolve("ref." + format).toString();
            String cur = dir.resolve("cur." + format).toString();
            frame(spark, 1, 30_000, 0).write().format(format).save(ref);
            frame(spark, 2, 20_000, 0.3).write().format(format).save(cur);
            Dataset<Row> reference = spark.read().format(format).load(ref);
            Dataset<Row> current = spark.read().format(format).load(cur);
            assertTrue(ColumnarPlan.of(ScanProjection.of(reference, NUMERIC, CATEGORICAL, List.of("id"), true)).isPresent(),
                format + " is read in column batches");

            String columnar = describe(() -> DatasetProfiler.profile(reference, current, request()));
            String columnarProfile = describe(DatasetProfiler.referenceForFile(reference, request()));
            String rows = rowPath(spark, () -> describe(() -> DatasetProfiler.profile(reference, current, request())));
            String rowsProfile = rowPath(spark, () -> describe(DatasetProfiler.referenceForFile(reference, request())));
            assertEquals(rows, columnar, format + ": the comparison");
            assertEquals(rowsProfile, columnarProfile, format + ": the reference profile");
            assertTrue(columnar.contains("c7"), "the current's new category is counted: " + columnar);
        }
    }

    @Test
    void sourcesWithoutBatchesAreReadAsRows() {
        SparkSession spark = TestSpark.session();
        String csv = dir.resolve("ref.csv").toString();
        frame(spark, 1, 500, 0).write().option("header", "true").csv(csv);
        Dataset<Row> data = spark.read().option("header", "true").option("inferSchema", "true").csv(csv);
        assertFalse(ColumnarPlan.of(ScanProjection.of(data, List.of("d"), List.of("cat"), List.of(), false)).isPresent());
        String parquet = dir.resolve("p.parquet").toString();
        frame(spark, 1, 500, 0).write().parquet(parquet);
        Dataset<Row> filtered = spark.read().parquet(parquet).where("l > 0");
        assertFalse(ColumnarPlan.of(ScanProjection.of(filtered, List.of("d"), List.of("cat"), List.of(), false)).isPresent(),
            "a filter on top of the scan keeps the row path");
    }

    @Test
    void modelOutcomesAreTheSameFromColumnBatches() {
        SparkSession spark = TestSpark.session();
        StructType schema = new StructType().add("x", DataTypes.DoubleType, true).add("y", DataTypes.StringType, true)
            .add("p", DataTypes.StringType, true).add("s", DataTypes.DoubleType, true)
            .add("ry", DataTypes.DoubleType, true).add("rp", DataTypes.DoubleType, true)
            .add("iy", DataTypes.IntegerType, true).add("ip", DataTypes.IntegerType, true);
        Random rnd = new Random(9);
        List<Row> out = new ArrayList<>();
        for (int r = 0; r < 20_000; r++) {
            double s = rnd.nextDouble();
            String y = rnd.nextDouble() < s ? "yes" : "no";
            double ry = rnd.nextGaussian() * 10;
            out.add(RowFactory.create(rnd.nextGaussian(), r % 71 == 0 ? null : y, r % 73 == 0 ? null : s > 0.5 ? "yes" : "no",
                r % 79 == 0 ? null : r % 83 == 0 ? Double.NaN : s, r % 89 == 0 ? null : r % 97 == 0 ? Double.NaN : ry,
                r % 101 == 0 ? null : ry + rnd.nextGaussian(),
                r % 103 == 0 ? null : y.equals("yes") ? 1 : 0, r % 107 == 0 ? null : s > 0.5 ? 1 : 0));
        }
        String path = dir.resolve("model.parquet").toString();
        spark.createDataFrame(out, schema).repartition(3).write().parquet(path);
        Dataset<Row> data = spark.read().parquet(path);
        ModelPlan classifier = new ModelPlan(ModelTask.BINARY, false, "given", "y", "p", "s", "yes", true, 0.5, null);
        ModelPlan regression = new ModelPlan(ModelTask.REGRESSION, false, "given", "ry", "rp", null, null, true, 0.5, null);
        ModelPlan integerClasses = new ModelPlan(ModelTask.BINARY, false, "given", "iy", "ip", "s", "1", true, 0.5, null);
        for (ModelPlan model : List.of(classifier, regression, integerClasses)) {
            ProfileRequest request = new ProfileRequest(List.of("x"), List.of(), null, 10, 1000, 1000, List.of(), 0, model);
            assertTrue(ColumnarPlan.of(ScanProjection.of(data, List.of("x"), List.of(), List.of(), false, model, null)).isPresent(),
                model.task() + " outcomes are read in column batches");
            String columnar = outcomes(DatasetProfiler.profile(data, data, request));
            String rows = rowPath(spark, () -> outcomes(DatasetProfiler.profile(data, data, request)));
            assertEquals(rows, columnar, model.task().toString());
            assertTrue(columnar.contains("labelNull="), columnar);
        }
    }

    private static String outcomes(JointProfile p) {
        StringBuilder b = new StringBuilder();
        for (ModelOutcomes o : List.of(p.referenceOutcomes(), p.currentOutcomes())) {
            b.append(o.counts()).append(o.confusion()).append('\n');
            if (o.scores() != null) {
                ModelOutcomes.Scores s = o.scores();
                b.append(s.min()).append(' ').append(s.max()).append(' ').append(s.mean()).append(' ').append(s.logLoss())
                    .append(' ').append(s.brier());
                if (s.table() != null) {
                    b.append(Arrays.toString(s.table().scores()).hashCode()).append(Arrays.toString(s.table().positives()))
                        .append(Arrays.toString(s.table().negatives()).hashCode());
                }
                b.append('\n');
            }
            if (o.errors() != null) {
                b.append(o.errors()).append('\n');
            }
        }
        return b.toString();
    }

    private static <T> T rowPath(SparkSession spark, Supplier<T> work) {
        spark.conf().set(PartitionFold.COLUMNAR_SETTING, "false");
        try {
            return work.get();
        } finally {
            spark.conf().unset(PartitionFold.COLUMNAR_SETTING);
        }
    }

    private static String describe(Supplier<JointProfile> p) {
        JointProfile c = p.get();
        StringBuilder b = new StringBuilder();
        b.append(c.reference().rows()).append(' ').append(c.current().rows()).append('\n');
        b.append(new TreeMap<>(c.reference().numeric())).append('\n').append(new TreeMap<>(c.current().numeric())).append('\n');
        b.append(new TreeMap<>(c.reference().nonNullCounts())).append(new TreeMap<>(c.current().nonNullCounts())).append('\n');
        b.append(new TreeMap<>(c.reference().selfChecks())).append('\n');
        for (Map.Entry<String, NumericDistribution> e : new TreeMap<>(c.numeric()).entrySet()) {
            NumericDistribution d = e.getValue();
            b.append(e.getKey()).append(Arrays.toString(d.innerEdges())).append(Arrays.toString(d.referenceBins()))
                .append(Arrays.toString(d.currentBins())).append(d.referenceMedian()).append(' ').append(d.ksStatistic())
                .append(' ').append(d.ksBound()).append(' ').append(d.wasserstein()).append(' ').append(d.wassersteinBound())
                .append(' ').append(d.pooledDistinct()).append('\n');
        }
        for (Map.Entry<String, CategoryTable> e : new TreeMap<>(c.categorical()).entrySet()) {
            CategoryTable t = e.getValue();
            b.append(e.getKey()).append(t.categories()).append(Arrays.toString(t.reference())).append(Arrays.toString(t.current()))
                .append(t.distinct()).append(t.unseen()).append('\n');
        }
        b.append(c.leakage()).append(c.identicalRows());
        return b.toString();
    }

    private static String describe(ReferenceProfile p) {
        StringBuilder b = new StringBuilder().append(p.rows()).append(new TreeMap<>(p.categorical())).append(new TreeMap<>(p.nonNull()));
        for (Map.Entry<String, ReferenceProfile.NumericReference> e : new TreeMap<>(p.numeric()).entrySet()) {
            ReferenceProfile.NumericReference n = e.getValue();
            b.append(e.getKey()).append(n.summary()).append(Arrays.toString(n.innerEdges())).append(Arrays.toString(n.bins()))
                .append(n.median()).append(n.layout().slots());
            for (int s = 0; s < n.layout().slots(); s++) {
                b.append(' ').append(n.layout().slotLeft(s)).append(':').append(n.layout().referenceCount(s))
                    .append(':').append(n.layout().referenceOffsetSum(s));
            }
        }
        return b.append(p.idBitmap()).append(new TreeMap<>(p.selfChecks())).toString();
    }
}
