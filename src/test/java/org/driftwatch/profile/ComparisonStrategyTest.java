package org.driftwatch.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.TestSpark;
import org.driftwatch.profile.model.DistanceMethod;
import org.driftwatch.profile.model.JointProfile;
import org.driftwatch.profile.model.NumericDistribution;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.model.ReferenceProfile;
import org.junit.jupiter.api.Test;

/**
 * The numeric comparison strategy is chosen once, for a stated reason, and the same way whether the
 * reference is raw data or a saved profile: on small data both give the exact numbers, bit for bit.
 */
class ComparisonStrategyTest {
    private static final List<String> NUMERIC = List.of("x", "k");

    private static Dataset<Row> frame(SparkSession spark, int n, double shift, long seed) {
        StructType schema = new StructType().add("x", DataTypes.DoubleType, true).add("k", DataTypes.LongType, true);
        Random rnd = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(RowFactory.create(i % 50 == 0 ? null : rnd.nextGaussian() + shift, (long) rnd.nextInt(40)));
        }
        return spark.createDataFrame(rows, schema).repartition(3);
    }

    private static ProfileRequest request(long exactValues) {
        return new ProfileRequest(NUMERIC, List.of(), null, 10, 1000, 1000, List.of(), exactValues);
    }

    @Test
    void aSavedProfileOfSmallDataComparesExactlyLikeTheRawReference() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> ref = frame(spark, 4000, 0, 1);
        Dataset<Row> cur = frame(spark, 3000, 0.3, 2);
        JointProfile raw = DatasetProfiler.profile(ref, cur, request(1_000_000));
        ReferenceProfile saved = DatasetProfiler.referenceForFile(ref, request(1_000_000));
        assertNotNull(saved.numeric().get("x").all(), "a small reference's profile keeps its value tables");
        assertEquals(4000 - 80, java.util.Arrays.stream(saved.numeric().get("x").all().counts()).sum());
        JointProfile fromFile = DatasetProfiler.profile(saved, cur, request(1_000_000), null);
        for (String c : NUMERIC) {
            NumericDistribution a = raw.numeric().get(c);
            NumericDistribution b = fromFile.numeric().get(c);
            assertTrue(a.method().exact() && b.method().exact(), a.method() + " / " + b.method());
            assertEquals(a.method(), b.method());
            assertEquals(a.ksStatistic(), b.ksStatistic(), 0.0, c);
            assertEquals(a.wasserstein(), b.wasserstein(), 0.0, c);
            assertEquals(0.0, b.ksBound());
            assertEquals(a.pooledDistinct(), b.pooledDistinct(), c);
            assertEquals(a.values() == null, b.values() == null, c);
        }
        assertEquals(41, raw.numeric().get("k").pooledDistinct() + 1, "40 integers: the value table holds them all");
    }

    /**
     * Above the exact size the raw run's finishing scans make KS exact (and say so); against a saved
     * profile, which does not scan the reference, it stays bounded, for the same stated reason.
     */
    @Test
    void aboveTheExactSizeTheProfileIsBoundedAndTheRawRunFinishedBothSayWhy() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> ref = frame(spark, 4000, 0, 3);
        Dataset<Row> cur = frame(spark, 3000, 0.3, 4);
        JointProfile raw = DatasetProfiler.profile(ref, cur, request(1000));
        ReferenceProfile saved = DatasetProfiler.referenceForFile(ref, request(1000));
        assertNull(saved.numeric().get("x").all(), "no value tables above the exact size");
        JointProfile fromFile = DatasetProfiler.profile(saved, cur, request(1000), null);
        DistanceMethod m = raw.numeric().get("x").method();
        assertTrue(m.exact(), m.toString());
        assertTrue(m.reason().contains("the reference has 8,000 numeric values") && m.reason().contains("finishing scan"), m.reason());
        DistanceMethod p = fromFile.numeric().get("x").method();
        assertFalse(p.exact());
        assertTrue(p.reason().startsWith(m.reason().substring(0, m.reason().indexOf(':'))), p.reason());
        assertFalse(m.reason().contains("within the stated bounds"), m.reason());
        double exactD = raw.numeric().get("x").ksStatistic();
        NumericDistribution b = fromFile.numeric().get("x");
        assertTrue(b.ksStatistic() <= exactD + 1e-12 && exactD <= b.ksStatistic() + b.ksBound() + 1e-12,
            exactD + " vs " + b.ksStatistic() + " + " + b.ksBound());
        assertEquals(0.0, raw.numeric().get("x").ksBound());
    }

    @Test
    void aProfileWithoutValueTablesSaysSo() {
        DistanceMethod m = DistanceStrategy.choose(100, 100, 2, 1_000_000, false);
        assertEquals(DistanceMethod.BOUNDED, m.method());
        assertTrue(m.reason().contains("holds no value tables"), m.reason());
        assertTrue(DistanceStrategy.choose(100, 100, 2, 1_000_000, true).exact());
        assertTrue(DistanceStrategy.choose(100, 600_000, 2, 1_000_000, true).reason().contains("the current data has 1,200,000"));
    }
}
