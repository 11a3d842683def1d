package org.driftwatch.profile.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fold reads Parquet and ORC in batches of {@link ReaderBatch#rowsFor} rows (far more than Spark's
 * 4,096), leaves the session's settings as it found them, and keeps a batch size the user set.
 */
class ReaderBatchTest {
    @TempDir
    Path dir;

    /** The largest batch a fold was given, and the rows seen. */
    static final class Largest implements Serializable {
        int largest;
        long rows;

        Largest merge(Largest o) {
            largest = Math.max(largest, o.largest);
            rows += o.rows;
            return this;
        }
    }

    private static Largest fold(Dataset<Row> data) {
        return PartitionFold.fold(data, Largest::new, (acc, row) -> acc.rows++,
            (acc, batch) -> {
                acc.largest = Math.max(acc.largest, batch.size());
                acc.rows += batch.size();
            }, Largest::merge);
    }

    @Test
    void foldsReadLargeBatchesAndPutTheSettingBack() {
        SparkSession spark = TestSpark.session();
        for (String format : new String[] {"parquet", "orc"}) {
            String path = dir.resolve("data." + format).toString();
            spark.range(100_000).selectExpr("cast(id as double) as x", "cast(id * 2 as double) as y")
                .coalesce(1).write().format(format).save(path);
            Dataset<Row> data = spark.read().format(format).load(path);
            Largest seen = fold(data);
            assertEquals(100_000, seen.rows, format);
            assertEquals(Math.min(100_000, ReaderBatch.rowsFor(2)), seen.largest, format);
            assertFalse(spark.conf().contains(ReaderBatch.PARQUET), format);
            assertFalse(spark.conf().contains(ReaderBatch.ORC), format);

            String key = format.equals("parquet") ? ReaderBatch.PARQUET : ReaderBatch.ORC;
            spark.conf().set(key, "1000");
            try {
                Largest chosen = fold(spark.read().format(format).load(path));
                assertEquals(1000, chosen.largest, format + ": the user's batch size is kept");
                assertEquals("1000", spark.conf().get(key));
            } finally {
                spark.conf().unset(key);
            }
        }
    }

    @Test
    void theBatchHoldsAboutFourMillionValuesOverTheColumnsRead() {
        assertEquals(1 << 18, ReaderBatch.rowsFor(1));
        assertEquals(1 << 18, ReaderBatch.rowsFor(16));
        assertEquals((1 << 22) / 20, ReaderBatch.rowsFor(20));
        assertEquals(4096, ReaderBatch.rowsFor(5000));
        assertTrue(ReaderBatch.rowsFor(200) * 200 <= ReaderBatch.VALUES);
    }
}
