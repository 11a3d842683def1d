package org.driftwatch.profile;

import static org.driftwatch.GoldenCase.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.TestSpark;
import org.driftwatch.profile.model.CategoryTable;
import org.driftwatch.profile.model.JointProfile;
import org.driftwatch.profile.model.IdenticalRows;
import org.driftwatch.profile.model.LeakageProfile;
import org.driftwatch.profile.model.NumericDistribution;
import org.driftwatch.profile.model.NumericSummary;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.shuffle.LeakageAggregation;
import org.driftwatch.stats.KolmogorovSmirnov;
import org.driftwatch.stats.PopulationStabilityIndex;
import org.driftwatch.stats.Wasserstein;
import org.junit.jupiter.api.Test;

/**
 * The distributed profile equals the plain-array statistics on data spread over many partitions,
 * with ties, nulls, NaN and ±∞, and with column names Spark would otherwise misread.
 */
class DatasetProfilerTest {
    private static final String TRICKY = "weird name.with (dots) `and` ticks";

    private static Dataset<Row> frame(SparkSession spark, double[] values, String[] categories, int partitions) {
        StructType schema = new StructType()
            .add(TRICKY, DataTypes.DoubleType, true)
            .add("ints", DataTypes.LongType, true)
            .add("cat", DataTypes.StringType, true);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(RowFactory.create(values[i] == -999 ? null : values[i], (long) (i % 7), categories[i]));
        }
        return spark.createDataFrame(rows, schema).repartition(partitions);
    }

    @Test
    void distributedStatisticsEqualArrayStatistics() {
        SparkSession spark = TestSpark.session();
        Random rnd = new Random(42);
        int n1 = 3000;
        int n2 = 2500;
        double[] a = new double[n1];
        double[] b = new double[n2];
        String[] ca = new String[n1];
        String[] cb = new String[n2];
        for (int i = 0; i < n1; i++) {
            a[i] = Math.round(rnd.nextGaussian() * 20) / 4.0;     // many ties
            ca[i] = rnd.nextInt(10) == 0 ? null : "c" + rnd.nextInt(5);
        }
        for (int i = 0; i < n2; i++) {
            b[i] = Math.round((rnd.nextGaussian() * 24 + 3)) / 4.0;
            cb[i] = "c" + rnd.nextInt(6);
        }
        a[0] = Double.NaN;
        a[1] = Double.POSITIVE_INFINITY;
        a[2] = -999;   // null
        b[0] = Double.NEGATIVE_INFINITY;
        b[1] = -0.0;
        JointProfile p = DatasetProfiler.profile(frame(spark, a, ca, 7), frame(spark, b, cb, 5),
            new ProfileRequest(List.of(TRICKY, "ints"), List.of("cat"), null, 10, 1000, 1000));

        double[] fa = Arrays.stream(a).filter(v -> v != -999 && Double.isFinite(v)).toArray();
        double[] fb = Arrays.stream(b).filter(Double::isFinite).toArray();
        NumericSummary rs = p.reference().numeric().get(TRICKY);
        assertEquals(fa.length, rs.count());
        assertEquals(1, rs.nullCount());
        assertEquals(1, rs.nanCount());
        assertEquals(1, rs.infiniteCount());
        assertEquals(1, p.current().numeric().get(TRICKY).infiniteCount());

        NumericDistribution d = p.numeric().get(TRICKY);
        double[] edges = PopulationStabilityIndex.innerEdges(fa, 10);
        assertArrayEquals(edges, d.innerEdges(), 0.0, "edges bit-exact");
        assertArrayEquals(PopulationStabilityIndex.binCounts(edges, fa), d.referenceBins());
        assertArrayEquals(PopulationStabilityIndex.binCounts(edges, fb), d.currentBins());
        assertClose(KolmogorovSmirnov.statistic(fa, fb), d.ksStatistic(), 1e-12, "KS D");
        assertClose(Wasserstein.distance(fa, fb), d.wasserstein(), 1e-9, "Wasserstein");
        assertEquals(Arrays.stream(fa).distinct().count(), d.referenceDistinct());

        NumericDistribution ints = p.numeric().get("ints");
        assertEquals(7, ints.pooledDistinct());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6}, ints.values().values(), 0.0, "small value table");

        CategoryTable cats = p.categorical().get("cat");
        assertEquals(List.of("c0", "c1", "c2", "c3", "c4", "c5"), cats.categories());
        long nonNull = Arrays.stream(ca).filter(x -> x != null).count();
        assertEquals(nonNull, Arrays.stream(cats.reference()).sum());
        assertEquals(0, cats.reference()[5], "c5 unseen in reference");
        assertEquals(n1 - nonNull, p.reference().rows() - p.reference().nonNull("cat"));
    }

    @Test
    void highCardinalityCategoriesFoldIntoOther() {
        SparkSession spark = TestSpark.session();
        int n = 500;
        double[] v = new double[n];
        String[] ca = new String[n];
        String[] cb = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
            ca[i] = i < 300 ? "top" + (i % 3) : "tail" + i;
            cb[i] = i < 250 ? "top" + (i % 3) : "tail" + (i + 1000);
        }
        JointProfile p = DatasetProfiler.profile(frame(spark, v, ca, 3), frame(spark, v, cb, 3),
            new ProfileRequest(List.of(), List.of("cat"), null, 10, 5, 10));
        CategoryTable t = p.categorical().get("cat");
        assertTrue(t.folded());
        assertEquals(6, t.categories().size(), "5 kept and one other");
        assertTrue(t.categories().contains(CategoryTable.OTHER));
        assertEquals(n, Arrays.stream(t.reference()).sum());
        assertEquals(n, Arrays.stream(t.current()).sum());
    }

    @Test
    void sparkJobsDoNotGrowWithTheNumberOfColumns() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> wide = spark.range(2000).selectExpr(java.util.stream.IntStream.range(0, 40)
            .mapToObj(i -> i % 4 == 0 ? "cast(id % " + (i + 3) + " as string) as c" + i : "(id * " + (i + 1) + ") % 997 / 7.0 as n" + i)
            .toArray(String[]::new));
        List<String> num = new ArrayList<>();
        List<String> cat = new ArrayList<>();
        for (String c : wide.columns()) {
            (c.startsWith("n") ? num : cat).add(c);
        }
        int narrow = jobs(spark, () -> DatasetProfiler.profile(wide, wide,
            new ProfileRequest(num.subList(0, 1), cat.subList(0, 1), null, 10, 1000, 1000, List.of("n1", "c0"))));
        int all = jobs(spark, () -> DatasetProfiler.profile(wide, wide,
            new ProfileRequest(num, cat, null, 10, 1000, 1000, List.of(wide.columns()))));
        assertEquals(narrow, all, "2 columns and 40 columns take the same Spark jobs");
    }

    private static int jobs(SparkSession spark, Runnable work) {
        String group = "count-" + System.nanoTime();
        spark.sparkContext().setJobGroup(group, group, false);
        try {
            work.run();
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        return spark.sparkContext().statusTracker().getJobIdsForGroup(group).length;
    }

    @Test
    void identicalRowsAreCountedAcrossTypes() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> ref = spark.range(100).selectExpr("cast(id as int) as id", "id % 3 as g", "cast(id as string) as s");
        Dataset<Row> cur = spark.range(95, 120).selectExpr("id", "id % 3 as g", "cast(id as string) as s")
            .union(spark.range(96, 97).selectExpr("id", "id % 3 as g", "cast(id as string) as s"));
        IdenticalRows r = DatasetProfiler.profile(ref, cur, new ProfileRequest(List.of(), List.of(), null, 10, 10, 10,
            List.of("id", "g", "s"))).identicalRows().orElseThrow();
        assertEquals(6, r.currentRows(), "ids 95..99 plus a duplicate of 96");
        assertEquals(5, r.distinctRows());
    }

    @Test
    void leakageCountsIdsInBothSides() {
        SparkSession spark = TestSpark.session();
        StructType schema = new StructType().add("id", DataTypes.LongType, true);
        List<Row> ref = new ArrayList<>();
        List<Row> cur = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            ref.add(RowFactory.create(i));
            cur.add(RowFactory.create(i + 90));
        }
        cur.add(RowFactory.create(95L));   // a duplicate current row with a leaked id
        cur.add(RowFactory.create((Object) null));
        LeakageProfile l = DatasetProfiler.profile(spark.createDataFrame(ref, schema), spark.createDataFrame(cur, schema),
            new ProfileRequest(List.of(), List.of(), "id", 10, 100, 10)).leakage().orElseThrow();
        assertEquals(10, l.overlappingIds());
        assertEquals(11, l.currentRowsWithReferenceId());
        assertEquals(10, l.referenceRowsWithCurrentId());
        assertEquals(List.of("90", "91", "92", "93", "94", "95", "96", "97", "98", "99"), l.exampleIds());
    }

    @Test
    void disjointIntegerIdsNeedNoJoinAndGiveTheSameCounts() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> ref = spark.range(0, 5000, 1, 3).selectExpr("id", "id % 7 as g");
        Dataset<Row> cur = spark.range(5000, 9000, 1, 2).selectExpr("id", "id % 7 as g")
            .union(spark.range(5000, 5010).selectExpr("id", "id % 7 as g"));   // duplicates, still no shared id
        ProfileRequest request = new ProfileRequest(List.of(), List.of(), "id", 10, 100, 10, List.of("id", "g"));
        String group = "bitmap-" + System.nanoTime();
        spark.sparkContext().setJobGroup(group, group, false);
        JointProfile p;
        try {
            p = DatasetProfiler.profile(ref, cur, request);
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        LeakageProfile viaBitmaps = p.leakage().orElseThrow();
        LeakageProfile viaJoin = LeakageAggregation.compute(ref, cur, "id");
        assertEquals(viaJoin, viaBitmaps);
        assertEquals(5000, viaBitmaps.referenceDistinctIds());
        assertEquals(4000, viaBitmaps.currentDistinctIds());
        assertEquals(0, p.identicalRows().orElseThrow().currentRows());
        assertEquals(2, spark.sparkContext().statusTracker().getJobIdsForGroup(group).length,
            "one scan per side, no join for leakage, no hashing for identical rows");
    }

    @Test
    void rowsWithNullIdsOnBothSidesAreStillComparedWhole() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> ref = spark.range(0, 50).selectExpr("if(id < 5, null, id) as id", "id % 3 as g");
        Dataset<Row> cur = spark.range(100, 120).selectExpr("if(id < 103, null, id) as id", "id % 3 as g");
        IdenticalRows r = DatasetProfiler.profile(ref, cur, new ProfileRequest(List.of(), List.of(), "id", 10, 100, 10,
            List.of("id", "g"))).identicalRows().orElseThrow();
        assertEquals(3, r.currentRows(), "current rows (null, 1), (null, 2), (null, 0) all occur in the reference");
    }

    @Test
    void aCategoricalColumnWithTooManyValuesForAScanIsCountedInSpark() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> ref = spark.range(0, 250_000, 1, 4).selectExpr("concat('v', id % 240000) as cat");
        Dataset<Row> cur = spark.range(0, 100).selectExpr("concat('w', id) as cat")
            .union(spark.range(0, 3).selectExpr("'v5' as cat"));
        JointProfile p = DatasetProfiler.profile(ref, cur, new ProfileRequest(List.of(), List.of("cat"), null, 10, 5, 10));
        CategoryTable t = p.categorical().get("cat");
        // kept: the 5 largest shares on either side (v5 is 3/103 of the current, each w 1/103, ties by name), and
        // the 10 most frequent values new in the current data; the rest fold
        assertEquals(List.of("(other)", "v5", "w0", "w1", "w10", "w11", "w12", "w13", "w14", "w15", "w16", "w17"), t.categories());
        assertEquals(100, t.unseen().rows());
        assertEquals(100, t.unseen().distinct());
        assertEquals(240_100, t.distinct());
        assertTrue(t.folded());
        assertEquals(250_000, Arrays.stream(t.reference()).sum());
        assertEquals(103, Arrays.stream(t.current()).sum());
        assertEquals(250_000L, p.reference().nonNull("cat"));
        assertEquals(103L, p.current().nonNull("cat"));
    }
}
