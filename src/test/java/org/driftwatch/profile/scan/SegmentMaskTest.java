package org.driftwatch.profile.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.TestSpark;
import org.driftwatch.data.ColumnPlan;
import org.driftwatch.data.SegmentPlan;
import org.driftwatch.rules.SegmentRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment columns on Parquet are read as masks of the fields the scan already reads (not expressions
 * evaluated row by row), and the masked batch gives exactly the rows' values: the segment's where the key
 * says so, null elsewhere — nulls and NaN of the column kept.
 */
class SegmentMaskTest {
    @TempDir
    Path tmp;

    @Test
    void segmentColumnsAreMasksOfTheirColumnsAndAgreeWithRows() {
        var spark = TestSpark.session();
        StructType schema = new StructType().add("g", DataTypes.StringType).add("x", DataTypes.DoubleType).add("c", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        String[] groups = {"a", "b", null, "a", "c", "b"};
        for (int i = 0; i < 600; i++) {
            rows.add(RowFactory.create(groups[i % groups.length], i % 7 == 0 ? null : i % 11 == 0 ? Double.NaN : i * 0.5, "k" + (i % 3)));
        }
        Path file = tmp.resolve("d.parquet");
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(file.toString());
        Dataset<Row> data = spark.read().parquet(file.toString());
        ColumnPlan plan = new ColumnPlan(List.of("x"), List.of("c"), null, null, false, List.of(),
            new ColumnPlan.SchemaDifference(List.of(), List.of(), Map.of()));
        SegmentRules rules = new SegmentRules(List.of("g"), Map.of("big", "x > 100"), 2, 1, null, null);
        SegmentPlan segments = SegmentPlan.of(rules, plan, Map.of("g", List.of("a", "b")), java.util.Set.of(data.columns()));
        Dataset<Row> applied = segments.apply(data, null);
        List<String> num = new ArrayList<>(List.of("x"));
        num.addAll(segments.numerical(plan));
        List<String> cat = new ArrayList<>(List.of("c"));
        cat.addAll(segments.categorical(plan));
        Dataset<Row> projection = ScanProjection.of(applied, num, cat, List.of(), false);
        ColumnarPlan columnar = ColumnarPlan.of(projection).orElseThrow();
        int masked = 0;
        for (ScanBatch.Field f : columnar.fields()) {
            masked += f.kind() == ScanBatch.Kind.MASKED ? 1 : 0;
        }
        assertEquals(3 * 3, masked, "x, c and the marker of each of the 3 segments");
        List<Row> expected = projection.collectAsList();
        List<Object[]> got = new ArrayList<>();
        PartitionFold.partials(projection, () -> new ArrayList<Object[]>(), (acc, row) -> { }, (acc, batch) -> {
            for (int r = 0; r < batch.size(); r++) {
                Object[] values = new Object[num.size() + cat.size()];
                double[] d = new double[batch.size()];
                boolean[] missing = new boolean[batch.size()];
                for (int i = 0; i < num.size(); i++) {
                    batch.doubles(i, d, missing);
                    values[i] = missing[r] ? null : d[r];
                    assertEquals(missing[r], batch.isNullAt(i, r));
                }
                for (int j = 0; j < cat.size(); j++) {
                    int f = num.size() + j;
                    values[f] = batch.isNullAt(f, r) ? null : batch.getUTF8String(f, r).toString();
                }
                acc.add(values);
            }
        }).collect().forEach(got::addAll);
        assertEquals(expected.size(), got.size());
        for (int r = 0; r < expected.size(); r++) {
            for (int i = 0; i < num.size() + cat.size(); i++) {
                Object want = expected.get(r).isNullAt(i) ? null : expected.get(r).get(i);
                Object have = got.get(r)[i];
                assertTrue(want == null ? have == null : want.equals(have), "row " + r + " field " + i + ": " + want + " vs " + have);
            }
        }
    }
}
