package org.driftwatch.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.TestSpark;
import org.driftwatch.profile.model.JointProfile;
import org.driftwatch.profile.model.NumericDistribution;
import org.driftwatch.profile.model.ProfileRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scalable path (reference cells, one current scan) against the exact path on the same data: PSI
 * edges, bins and medians identical; KS never above the exact D and within its stated bound, which
 * stays ≤ 0.001; Wasserstein within its bound. Shapes that stress the cells: a wide normal, a
 * long-tailed lognormal, values packed close together far from zero (prices, timestamps), heavy ties.
 */
class BoundedDistributionTest {
    private static final List<String> COLUMNS = List.of("normal", "lognormal", "price", "timestamp", "ties", "counts");
    private static JointProfile exact;
    private static JointProfile bounded;
    private static JointProfile finished;

    private static Dataset<Row> data(long seed, int n, boolean drifted) {
        Random rnd = new Random(seed);
        StructType schema = new StructType();
        for (String c : COLUMNS) {
            schema = schema.add(c, DataTypes.DoubleType, true);
        }
        List<Row> rows = new ArrayList<>();
        double shift = drifted ? 1 : 0;
        for (int i = 0; i < n; i++) {
            rows.add(RowFactory.create(
                14 + 2.4 * rnd.nextGaussian() + 0.3 * shift,
                Math.exp(rnd.nextGaussian() * (drifted ? 1.1 : 1.0)),
                1000 + rnd.nextDouble() + 0.05 * shift,
                1.7e9 + Math.floor(rnd.nextDouble() * 86400 * 30) + 3600 * shift,
                rnd.nextInt(50) == 0 ? null : Math.round(rnd.nextGaussian() * 4 + shift) / 2.0,
                (double) Math.round(300 + 90 * rnd.nextGaussian() + 5 * shift)));
        }
        return TestSpark.session().createDataFrame(rows, schema).repartition(3);
    }

    @BeforeAll
    static void profileBothWays() {
        Dataset<Row> ref = data(1, 120_000, false);
        Dataset<Row> cur = data(2, 90_000, true);
        exact = DatasetProfiler.profile(ref, cur, request(Long.MAX_VALUE));
        bounded = DatasetProfiler.profile(ref, cur, request(0, 0));
        finished = DatasetProfiler.profile(ref, cur, request(0, ProfileRequest.FINISH_ROUNDS));
    }

    private static ProfileRequest request(long exactRows) {
        return request(exactRows, 0);
    }

    private static ProfileRequest request(long exactRows, int finishRounds) {
        return new ProfileRequest(COLUMNS, List.of(), null, 10, 100, 1000, List.of(), exactRows, null, finishRounds);
    }

    /** With the raw reference at hand, finishing scans make every column's KS and Wasserstein the exact ones. */
    @Test
    void finishingScansMakeTheBoundedPathExact() {
        for (String c : COLUMNS) {
            NumericDistribution e = exact.numeric().get(c);
            NumericDistribution f = finished.numeric().get(c);
            assertEquals(e.ksStatistic(), f.ksStatistic(), 1e-12, c);
            assertEquals(e.wasserstein(), f.wasserstein(), 1e-9 * e.wasserstein(), c);
            assertEquals(0.0, f.ksBound(), c);
            assertEquals(0.0, f.wassersteinBound(), c);
            assertTrue(f.distance().method().exact(), c + ": " + f.distance().method());
            assertArrayEquals(e.currentBins(), f.currentBins(), c);
        }
        assertTrue(finished.numeric().get("normal").distance().method().reason().contains("finishing scan"),
            finished.numeric().get("normal").distance().method().reason());
    }

    @Test
    void psiEdgesBinsAndMediansAreIdentical() {
        for (String c : COLUMNS) {
            NumericDistribution e = exact.numeric().get(c);
            NumericDistribution b = bounded.numeric().get(c);
            assertArrayEquals(e.innerEdges(), b.innerEdges(), c);
            assertArrayEquals(e.referenceBins(), b.referenceBins(), c);
            assertArrayEquals(e.currentBins(), b.currentBins(), c);
            assertEquals(e.referenceMedian(), b.referenceMedian(), c);
        }
    }

    @Test
    void ksIsWithinItsBoundAndTheBoundIsSmall() {
        for (String c : COLUMNS) {
            NumericDistribution e = exact.numeric().get(c);
            NumericDistribution b = bounded.numeric().get(c);
            assertEquals(0.0, e.ksBound(), c);
            assertTrue(b.ksStatistic() <= e.ksStatistic() + 1e-12, c + ": " + b.ksStatistic() + " > exact " + e.ksStatistic());
            assertTrue(e.ksStatistic() <= b.ksStatistic() + b.ksBound() + 1e-12,
                c + ": exact " + e.ksStatistic() + " beyond " + b.ksStatistic() + " + " + b.ksBound());
            assertTrue(b.ksBound() <= 0.001, c + ": bound " + b.ksBound());
        }
    }

    @Test
    void wassersteinIsWithinItsBound() {
        for (String c : COLUMNS) {
            NumericDistribution e = exact.numeric().get(c);
            NumericDistribution b = bounded.numeric().get(c);
            double slack = 1e-9 * Math.max(1, Math.abs(e.wasserstein()));
            assertTrue(Math.abs(e.wasserstein() - b.wasserstein()) <= b.wassersteinBound() + slack,
                c + ": exact " + e.wasserstein() + " vs " + b.wasserstein() + " ± " + b.wassersteinBound());
            // normed by the reference std, as the drift test reads it: far below its 0.1 threshold
            double std = bounded.reference().numeric().get(c).stdPop();
            assertTrue(b.wassersteinBound() / std <= 0.005, c + ": bound " + b.wassersteinBound() + " with std " + std);
        }
    }

    /** Columns whose distinct values both scans counted (here ~35 and ~540) are exact at any size: bound 0. */
    @Test
    void columnsWithFewValuesAreExactOnTheBoundedPath() {
        for (String c : List.of("ties", "counts")) {
            NumericDistribution e = exact.numeric().get(c);
            NumericDistribution b = bounded.numeric().get(c);
            assertTrue(b.pooledDistinct() > (c.equals("counts") ? 400 : 20), c + " has " + b.pooledDistinct() + " values");
            assertEquals(0.0, b.ksBound(), c);
            assertEquals(0.0, b.wassersteinBound(), c);
            assertEquals(e.ksStatistic(), b.ksStatistic(), 1e-12, c);
            assertEquals(e.wasserstein(), b.wasserstein(), 1e-9 * e.wasserstein(), c);
            assertTrue(b.distance().method().exact(), c + ": " + b.distance().method());
        }
        assertTrue(bounded.numeric().get("normal").ksBound() > 0, "a continuous column keeps its bound");
    }

    @Test
    void columnsWithManyValuesHaveNoDistinctCountOnTheBoundedPath() {
        assertEquals(-1, bounded.numeric().get("normal").referenceDistinct());
        assertTrue(exact.numeric().get("normal").referenceDistinct() > 100_000);
    }

    @Test
    void fewValuedColumnsKeepTheirValueTable() {
        NumericDistribution e = exact.numeric().get("ties");
        NumericDistribution b = bounded.numeric().get("ties");
        assertEquals(e.values() == null, b.values() == null);
        assertArrayEquals(e.values().values(), b.values().values());
        assertArrayEquals(e.values().reference(), b.values().reference());
        assertArrayEquals(e.values().current(), b.values().current());
        assertEquals(e.pooledDistinct(), b.pooledDistinct());
    }
}
