package org.driftwatch.profile.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.DriftJob;
import org.driftwatch.TestSpark;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column batches whose numeric vectors hold no value at all — every vector kind null on every row, NaN on
 * every row — and an empty file among the current files: the run reads them on the batch path and says
 * "insufficient data", as the CSV path does (hardening issue, item 3).
 */
class AllNullBatchTest {
    @TempDir
    Path tmp;

    static final StructType SCHEMA = new StructType().add("d", DataTypes.DoubleType).add("f", DataTypes.FloatType)
        .add("l", DataTypes.LongType).add("i", DataTypes.IntegerType).add("s", DataTypes.ShortType).add("b", DataTypes.ByteType)
        .add("nan", DataTypes.DoubleType).add("t", DataTypes.StringType).add("x", DataTypes.DoubleType);

    /**
     * A column chunk of nulls only as pyarrow writes it (no value storage in the reader's vector: reading it as
     * doubles was an ArrayIndexOutOfBoundsException). Files: src/test/resources/parquet, written by pyarrow
     * 26 (x all null in the current file, y present).
     */
    @Test
    void aPyarrowColumnOfNullsOnlyIsInsufficientData() throws Exception {
        Path ref = Path.of(getClass().getResource("/parquet/all-null-reference-pyarrow.parquet").toURI());
        Path cur = Path.of(getClass().getResource("/parquet/all-null-double-pyarrow.parquet").toURI());
        Path rules = tmp.resolve("pyarrow.yaml");
        Files.writeString(rules, "monitor: nulls\nreference: {path: \"" + ref + "\"}\ncurrent: {path: \"" + cur + "\"}\n"
            + "columns: {numerical: [x, y]}\n");
        RuleSet set = RuleFileParser.parse(rules);
        DriftJob.Outcome out = new DriftJob(TestSpark.session(), line -> { }).run(set, CheckCatalog.checksFor(set),
            new DriftJob.Inputs(set.reference(), set.current(), "2026-12-07", tmp.resolve("pyarrow-reports")));
        JsonNode columns = new ObjectMapper().readTree(out.reportJson().toFile()).get("columns");
        assertEquals(1000, columns.get("x").get("current").get("null_count").asLong());
        assertTrue(columns.get("x").get("notes").toString().contains("insufficient data"));
        assertEquals(1000, columns.get("y").get("current").get("count").asLong());
    }

    @Test
    void allNullAndAllNaNVectorsOfEveryKindAreInsufficientDataNotACrash() throws Exception {
        SparkSession spark = TestSpark.session();
        List<Row> reference = new ArrayList<>();
        List<Row> current = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            reference.add(RowFactory.create(r * 0.5, (float) r, (long) r, r, (short) r, (byte) (r % 100), r * 1.0, "c" + r % 3, r * 1.0));
            current.add(RowFactory.create(null, null, null, null, null, null, Double.NaN, null, r * 1.0));
        }
        Path ref = tmp.resolve("reference.parquet");
        Path cur = tmp.resolve("current.parquet");
        spark.createDataFrame(reference, SCHEMA).coalesce(1).write().parquet(ref.toString());
        spark.createDataFrame(current, SCHEMA).coalesce(1).write().parquet(cur.toString());
        spark.createDataFrame(List.of(), SCHEMA).coalesce(1).write().mode("append").parquet(cur.toString());   // an empty file too
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, "monitor: nulls\nreference: {path: \"" + ref + "\"}\ncurrent: {path: \"" + cur + "\"}\n"
            + "columns: {numerical: [d, f, l, i, s, b, nan, x], categorical: [t]}\n");
        RuleSet set = RuleFileParser.parse(rules);
        DriftJob.Outcome out = new DriftJob(spark, line -> { }).run(set, CheckCatalog.checksFor(set),
            new DriftJob.Inputs(set.reference(), set.current(), "2026-12-07", tmp.resolve("reports")));
        JsonNode columns = new ObjectMapper().readTree(out.reportJson().toFile()).get("columns");
        for (String c : List.of("d", "f", "l", "i", "s", "b", "t")) {
            assertEquals(0, columns.get(c).get("current").get("count").asLong(), c);
            assertEquals(200, columns.get(c).get("current").get("null_count").asLong(), c);
            assertTrue(columns.get(c).get("notes").toString().contains("insufficient data"), c + ": " + columns.get(c).get("notes"));
        }
        assertEquals(200, columns.get("nan").get("current").get("nan_count").asLong(), "NaN is counted, not a value");
        assertTrue(columns.get("nan").get("notes").toString().contains("insufficient data"));
        assertEquals(200, columns.get("x").get("current").get("count").asLong(), "the other columns are compared as usual");
    }
}
