package org.driftwatch.profile.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.TestSpark;
import org.driftwatch.profile.sketch.CrossingCounts;
import org.driftwatch.profile.sketch.CrossingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finishing rounds that read the values an earlier round kept count exactly what a scan of the files
 * counts — parts, offset sums, extremes and collected values — and do read the kept values (the files
 * are gone when they do); a round reaching outside what was kept reads the files.
 */
class CrossingSourceTest {
    @TempDir
    Path dir;

    @Test
    void laterRoundsCountTheKeptValuesAsAScanOfTheFiles() throws IOException {
        SparkSession spark = TestSpark.session();
        String path = dir.resolve("side.parquet").toString();
        frame(spark).write().parquet(path);
        Dataset<Row> data = spark.read().parquet(path);
        List<String> columns = List.of("a", "b");
        // kept: wide stretches of both columns; the rounds after look into parts of them
        CrossingPlan keep = plan(new double[][] {{-2, 0.5}, {-1}}, new double[][] {{0, 1.5}, {1}},
            new boolean[][] {{true, false}, {false}}, new int[][] {{0, 0}, {0}});
        CrossingPlan first = plan(new double[][] {{-1.5, 0.5}, {-1}}, new double[][] {{-0.5, 1.2}, {0.5}},
            new boolean[][] {{false, false}, {false}}, new int[][] {{8, 0}, {5}});
        CrossingPlan outside = plan(new double[][] {{-3}, {-1}}, new double[][] {{-1}, {0}},
            new boolean[][] {{true}, {false}}, new int[][] {{4}, {0}});
        CrossingPlan second = plan(new double[][] {{-0.2}}, new double[][] {{0}},
            new boolean[][] {{true}}, new int[][] {{3}});
        CrossingPlan third = plan(new double[][] {{-0.9, 0.6}}, new double[][] {{-0.8, 0.7}},
            new boolean[][] {{true, true}}, new int[][] {{0, 2}});
        CrossingScan plainFirst = files(data, columns, first);
        CrossingScan plainOutside = files(data, columns, outside);
        CrossingScan plainSecond = files(data, List.of("a"), second);
        CrossingScan plainThird = files(data, List.of("b"), third);
        try (CrossingSource source = new CrossingSource(data)) {
            assertSame(plainFirst.counts, source.scan(columns, first, keep).counts, first, 2);
            assertSame(plainOutside.counts, source.scan(columns, outside, null).counts, outside, 2);
            delete(Path.of(path));
            assertSame(plainSecond.counts, source.scan(List.of("a"), second, null).counts, second, 1);
            assertSame(plainThird.counts, source.scan(List.of("b"), third, null).counts, third, 1);
        }
    }

    private static CrossingScan files(Dataset<Row> data, List<String> columns, CrossingPlan plan) {
        return new CrossingSource(data).scan(columns, plan, null);
    }

    private static void assertSame(CrossingCounts expected, CrossingCounts actual, CrossingPlan plan, int columns) {
        for (int c = 0; c < columns; c++) {
            for (int p = 0; p < plan.partCount(c); p++) {
                assertEquals(expected.count(c, p), actual.count(c, p), "count, column " + c + " part " + p);
                assertEquals(expected.offsetSum(c, p), actual.offsetSum(c, p), 0.0, "offset sum");
                assertEquals(expected.min(c, p), actual.min(c, p), 0.0);
                assertEquals(expected.max(c, p), actual.max(c, p), 0.0);
            }
            assertArrayEquals(expected.sortedValues(c), actual.sortedValues(c), "collected values of column " + c);
        }
        long counted = 0;
        for (int p = 0; p < plan.partCount(0); p++) {
            counted += actual.count(0, p);
        }
        assertEquals(true, counted > 0 || actual.sortedValues(0).length > 0, "the plan looks into some values");
    }

    private static CrossingPlan plan(double[][] lo, double[][] hi, boolean[][] closed, int[][] parts) {
        CrossingPlan.Regions[] regions = new CrossingPlan.Regions[lo.length];
        long[] collect = new long[lo.length];
        for (int c = 0; c < lo.length; c++) {
            regions[c] = new CrossingPlan.Regions(lo[c], hi[c], closed[c], parts[c]);
            for (int p : parts[c]) {
                collect[c] += p == 0 ? 10_000 : 0;
            }
        }
        return CrossingPlan.of(regions, collect);
    }

    /** Two normal columns with nulls, NaN, −0.0 and values on the regions' ends, in four files. */
    private static Dataset<Row> frame(SparkSession spark) {
        Random rnd = new Random(11);
        double[] ends = {-2, -1.5, -1, -0.9, -0.8, -0.5, -0.2, 0, 0.5, 0.6, 0.7, 1, 1.2, 1.5};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Double a = i % 97 == 0 ? null : i % 89 == 0 ? Double.NaN : i % 83 == 0 ? -0.0 : i % 31 == 0 ? ends[i % ends.length] : rnd.nextGaussian();
            Double b = i % 101 == 0 ? null : i % 37 == 0 ? ends[i % ends.length] : rnd.nextGaussian();
            rows.add(RowFactory.create(a, b));
        }
        StructType schema = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema).repartition(4);
    }

    private static void delete(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
