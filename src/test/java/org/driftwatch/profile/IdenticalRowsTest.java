package org.driftwatch.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
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
import org.driftwatch.profile.model.IdenticalRows;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.scan.ColumnarPlan;
import org.driftwatch.profile.scan.PartitionFold;
import org.driftwatch.profile.scan.ScanProjection;
import org.driftwatch.profile.shuffle.IdenticalRowsAggregation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copied rows found through the reference's row-hash filter (no shuffle) are exactly the rows the
 * shuffle of row hashes finds: every column type a batch hashes, nulls, repeated copies, a column whose
 * type differs between the sides (compared as text, on the row path), and no copies at all.
 */
class IdenticalRowsTest {
    private static final StructType SCHEMA = new StructType()
        .add("x", DataTypes.DoubleType, true).add("k", DataTypes.IntegerType, true)
        .add("c", DataTypes.StringType, true).add("day", DataTypes.DateType, true)
        .add("at", DataTypes.TimestampType, true).add("flag", DataTypes.BooleanType, true)
        .add("amount", DataTypes.createDecimalType(10, 2), true).add("f", DataTypes.FloatType, true);

    @TempDir
    Path dir;

    private static List<Row> rows(long seed, int n) {
        Random rnd = new Random(seed);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(RowFactory.create(i % 50 == 0 ? null : rnd.nextGaussian(), rnd.nextInt(20), i % 30 == 0 ? null : "c" + rnd.nextInt(9),
                new Date(86_400_000L * (18_000 + rnd.nextInt(400))), new Timestamp(1_700_000_000_000L + rnd.nextInt(1_000_000) * 1000L),
                rnd.nextBoolean(), new BigDecimal(rnd.nextInt(100_000)).movePointLeft(2), i % 40 == 0 ? -0.0f : (float) rnd.nextGaussian()));
        }
        return out;
    }

    private Dataset<Row> parquet(SparkSession spark, String name, List<Row> rows, StructType schema) {
        String path = dir.resolve(name).toString();
        spark.createDataFrame(rows, schema).repartition(3).write().parquet(path);
        return spark.read().parquet(path);
    }

    private static ProfileRequest request(List<String> rowColumns) {
        return new ProfileRequest(List.of("x", "f"), List.of("c"), null, 10, 50, 20, rowColumns, 0);
    }

    @Test
    void filteredCopiesEqualTheShuffle() {
        SparkSession spark = TestSpark.session();
        List<Row> ref = rows(1, 20_000);
        List<Row> cur = new ArrayList<>(rows(2, 15_000));
        for (int i = 0; i < 1_200; i++) {
            cur.set(i * 7, ref.get(i * 13));          // 1,200 copies of distinct reference rows
        }
        cur.set(5, ref.get(13));                      // the reference row at 13 copied twice
        Dataset<Row> reference = parquet(spark, "ref", ref, SCHEMA);
        Dataset<Row> current = parquet(spark, "cur", cur, SCHEMA);
        List<String> columns = Arrays.asList(SCHEMA.fieldNames());
        assertTrue(ColumnarPlan.of(ScanProjection.of(current, List.of("x"), List.of(), List.of(), false, null,
            IdenticalRowsAggregation.rowHash(reference, current, columns))).isPresent(), "the row hash is taken from column batches");

        IdenticalRows shuffled = IdenticalRowsAggregation.compute(reference, current, columns);
        IdenticalRows filtered = DatasetProfiler.profile(reference, current, request(columns)).identicalRows().orElseThrow();
        assertEquals(1_201, shuffled.currentRows());
        assertEquals(1_200, shuffled.distinctRows());
        assertEquals(shuffled, filtered);
        spark.conf().set(PartitionFold.COLUMNAR_SETTING, "false");
        try {
            assertEquals(shuffled, DatasetProfiler.profile(reference, current, request(columns)).identicalRows().orElseThrow(),
                "the row path hashes as the batches do");
        } finally {
            spark.conf().unset(PartitionFold.COLUMNAR_SETTING);
        }

        Dataset<Row> fresh = parquet(spark, "fresh", rows(3, 10_000), SCHEMA);
        assertEquals(new IdenticalRows(columns, 0, 0), DatasetProfiler.profile(reference, fresh, request(columns)).identicalRows().orElseThrow());
    }

    @Test
    void aColumnOfAnotherTypeIsComparedAsText() {
        SparkSession spark = TestSpark.session();
        StructType longK = new StructType(Arrays.stream(SCHEMA.fields())
            .map(f -> f.name().equals("k") ? DataTypes.createStructField("k", DataTypes.LongType, true) : f)
            .toArray(org.apache.spark.sql.types.StructField[]::new));
        List<Row> ref = rows(4, 5_000);
        List<Row> cur = new ArrayList<>();
        for (Row r : rows(5, 4_000)) {
            cur.add(withLongK(r));
        }
        for (int i = 0; i < 300; i++) {
            cur.set(i * 11, withLongK(ref.get(i * 3)));
        }
        Dataset<Row> reference = parquet(spark, "ref-int", ref, SCHEMA);
        Dataset<Row> current = parquet(spark, "cur-long", cur, longK);
        List<String> columns = Arrays.asList(SCHEMA.fieldNames());
        IdenticalRows shuffled = IdenticalRowsAggregation.compute(reference, current, columns);
        assertEquals(300, shuffled.currentRows());
        assertEquals(shuffled, DatasetProfiler.profile(reference, current, request(columns)).identicalRows().orElseThrow());
    }

    private static Row withLongK(Row r) {
        Object[] v = new Object[r.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.get(i);
        }
        v[1] = ((Integer) v[1]).longValue();
        return RowFactory.create(v);
    }
}
