package org.driftwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.data.DataException;
import org.driftwatch.data.DatasetReader;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta Lake and Iceberg tables written by the real libraries on local files: a nightly partition read by
 * {@code where}, time travel by version and by timestamp (the numbers equal those of the same data read as
 * Parquet), and a saved profile refused at another version (#32).
 */
class LakehouseTablesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final SparkSession spark = TestSpark.session();

    /** Rows whose x is shifted by {@code shift} and whose c leans to "b" by {@code lean}; deterministic for a seed. */
    private Dataset<Row> data(int rows, double shift, double lean, long seed, String date) {
        return spark.range(rows).selectExpr("id", "randn(" + seed + ") + " + shift + " AS x",
            "CASE WHEN rand(" + (seed + 1) + ") < " + (0.3 + lean) + " THEN 'b' ELSE 'a' END AS c", "'" + date + "' AS event_date");
    }

    private Path rules(String name, String reference, String current, String extra) throws IOException {
        Path f = tmp.resolve(name + ".yaml");
        Files.writeString(f, "monitor: " + name + "\nreference: " + reference + "\ncurrent: " + current + "\n"
            + "columns: {numerical: [x], categorical: [c], id: id}\n" + extra);
        return f;
    }

    private DriftJob.Outcome run(Path rulesFile, String date) {
        RuleSet rules = RuleFileParser.parse(rulesFile);
        return new DriftJob(spark, line -> { }).run(rules, CheckCatalog.checksFor(rules),
            new DriftJob.Inputs(rules.reference().withDate(date), rules.current().withDate(date), date, tmp.resolve("reports")));
    }

    private static JsonNode json(DriftJob.Outcome o) throws IOException {
        return JSON.readTree(o.reportJson().toFile());
    }

    /**
     * The statistics of report.json that must not depend on how the same rows were stored, to 10 significant
     * digits: a sum over rows in another order (Iceberg's files) may differ in the last bit.
     */
    private static String numbers(JsonNode report) {
        StringBuilder b = new StringBuilder();
        b.append(report.get("reference").get("rows")).append(' ').append(report.get("current").get("rows")).append('\n');
        for (String column : List.of("x", "c")) {
            JsonNode c = report.get("columns").get(column);
            JsonNode d = c.get("drift");
            b.append(column).append(" psi ").append(round(c.get("psi").asDouble())).append(" ks ").append(round(c.get("ks") == null
                ? 0 : c.get("ks").path("statistic").asDouble())).append(" drift ").append(d.get("test").asText()).append(' ')
                .append(round(d.get("score").asDouble())).append(' ').append(d.get("detected")).append('\n');
        }
        return b.toString();
    }

    private static String round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(10)).toString();
    }

    /** A Delta table partitioned by event_date, 30 nights: a nightly run reads only its night's partition. */
    @Test
    void aDeltaPartitionIsReadByWhere() throws IOException {
        String table = tmp.resolve("events").toString();
        Dataset<Row> nights = null;
        for (int night = 1; night <= 30; night++) {
            Dataset<Row> one = data(100 + night, night == 12 ? 1.0 : 0.0, 0, night, String.format("2026-11-%02d", night));
            nights = nights == null ? one : nights.unionAll(one);
        }
        nights.write().format("delta").partitionBy("event_date").save(table);
        spark.sql("DELETE FROM delta.`" + table + "` WHERE event_date = '2026-11-30' AND id >= 100");   // a second commit
        data(2000, 0, 0, 99, "2026-10-01").write().parquet(tmp.resolve("train.parquet").toString());
        Path rules = rules("delta-nightly", "{path: \"" + tmp.resolve("train.parquet") + "\"}",
            "{path: \"" + table + "\", format: delta, where: \"event_date = '{date}'\"}", "");

        DriftJob.Outcome out = run(rules, "2026-11-12");
        JsonNode report = json(out);
        assertEquals(112, report.get("current").get("rows").asInt(), "the night's partition only");
        assertEquals("delta version 1", report.get("current").get("version").asText(), "the table's latest version");
        assertTrue(report.get("current").get("source").asText().endsWith("where event_date = '2026-11-12'"));
        assertTrue(report.get("columns").get("x").get("psi").asDouble() > 0.25, "night 12 is the shifted one");

        // a relative path names the same table (Delta's path identifiers want it absolute: driftwatch qualifies it)
        String relative = Path.of("").toAbsolutePath().relativize(Path.of(table)).toString();
        assertEquals("delta version 1", org.driftwatch.data.TableVersions.resolve(spark, "current",
            new org.driftwatch.rules.DataSource(relative, null, "delta", java.util.Map.of())));

        // Spark prunes the other 29 partitions: the scan's files all sit under the night's folder
        Dataset<Row> opened = new DatasetReader(spark).open("current", RuleFileParser.parse(rules).current().withDate("2026-11-05"));
        String[] files = opened.inputFiles();
        assertTrue(files.length > 0);
        for (String f : files) {
            assertTrue(f.contains("event_date=2026-11-05"), f);
        }
    }

    /** Three commits with different data; the reference read at version 1 and at a timestamp gives the numbers of that data as Parquet. */
    @Test
    void deltaTimeTravelByVersionAndTimestamp() throws Exception {
        String table = tmp.resolve("train-delta").toString();
        Timestamp[] committed = new Timestamp[3];
        for (int v = 0; v < 3; v++) {
            Dataset<Row> rows = data(1500, 0.4 * v, 0.1 * v, 10 + v, "2026-10-01");
            rows.write().format("delta").mode("overwrite").save(table);
            rows.write().parquet(tmp.resolve("train-v" + v + ".parquet").toString());
            committed[v] = spark.sql("DESCRIBE HISTORY delta.`" + table + "`").where("version = " + v).select("timestamp").first().getTimestamp(0);
            Thread.sleep(1100);   // commits a second apart, so an instant between them names one
        }
        data(1500, 0.5, 0.1, 77, "2026-11-26").write().parquet(tmp.resolve("current.parquet").toString());
        String current = "{path: \"" + tmp.resolve("current.parquet") + "\"}";

        JsonNode asParquet = json(run(rules("delta-v1-parquet", "{path: \"" + tmp.resolve("train-v1.parquet") + "\"}", current, ""), "2026-11-26"));
        JsonNode byVersion = json(run(rules("delta-v1", "{path: \"" + table + "\", format: delta, as_of: {version: 1}}", current, ""),
            "2026-11-26"));
        String between = committed[1].toInstant().plusMillis(500).toString();
        JsonNode byTime = json(run(rules("delta-t1", "{path: \"" + table + "\", format: delta, as_of: {timestamp: \"" + between + "\"}}",
            current, ""), "2026-11-26"));
        JsonNode latest = json(run(rules("delta-latest", "{path: \"" + table + "\", format: delta}", current, ""), "2026-11-26"));
        // the same table by name in the session catalog (Delta's catalog, set up when Delta is on the classpath)
        spark.sql("CREATE TABLE default.train_delta_tt USING delta LOCATION '" + table + "'");
        JsonNode byName = json(run(rules("delta-name-v1", "{table: default.train_delta_tt, as_of: {version: 1}}", current, ""), "2026-11-26"));
        assertEquals(numbers(asParquet), numbers(byName), "a Delta table by name travels as by path");
        assertEquals("delta version 1", byName.get("reference").get("version").asText());

        assertEquals(numbers(asParquet), numbers(byVersion), "version 1 is the data of the second commit");
        assertEquals(numbers(asParquet), numbers(byTime), "the last commit at or before the instant is version 1");
        assertNotEquals(numbers(asParquet), numbers(latest), "without as_of the table is read as it is now");
        assertEquals("delta version 1", byVersion.get("reference").get("version").asText());
        assertEquals("delta version 1", byTime.get("reference").get("version").asText());
        assertEquals("delta version 2", latest.get("reference").get("version").asText());

        Path missing = rules("delta-v9", "{path: \"" + table + "\", format: delta, as_of: {version: 9}}", current, "");
        DataException e = assertThrows(DataException.class, () -> run(missing, "2026-11-26"));
        assertTrue(e.getMessage().startsWith("reference data " + table + " as of version 9: ") && e.getMessage().contains("version 9"),
            e.getMessage());
    }

    /** The same on an Iceberg table of a Hadoop catalog the rule file names: snapshots by id and by timestamp. */
    @Test
    void icebergTimeTravelBySnapshotAndTimestamp() throws Exception {
        String catalog = "lake_tt";
        String conf = "spark_conf:\n  spark.sql.catalog." + catalog + ": org.apache.iceberg.spark.SparkCatalog\n"
            + "  spark.sql.catalog." + catalog + ".type: hadoop\n  spark.sql.catalog." + catalog + ".warehouse: \"" + tmp.resolve("wh") + "\"\n";
        spark.conf().set("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set("spark.sql.catalog." + catalog + ".type", "hadoop");
        spark.conf().set("spark.sql.catalog." + catalog + ".warehouse", tmp.resolve("wh").toString());
        String table = catalog + ".ml.train";
        long[] snapshots = new long[3];
        Timestamp[] committed = new Timestamp[3];
        for (int v = 0; v < 3; v++) {
            Dataset<Row> rows = data(1500, 0.4 * v, 0.1 * v, 20 + v, "2026-10-01");
            if (v == 0) {
                rows.writeTo(table).using("iceberg").create();
            } else {
                rows.writeTo(table).overwrite(org.apache.spark.sql.functions.lit(true));
            }
            rows.write().parquet(tmp.resolve("ice-v" + v + ".parquet").toString());
            Row last = spark.sql("SELECT snapshot_id, committed_at FROM " + table + ".snapshots ORDER BY committed_at DESC LIMIT 1").first();
            snapshots[v] = last.getLong(0);
            committed[v] = last.getTimestamp(1);
            Thread.sleep(1100);
        }
        data(1500, 0.5, 0.1, 78, "2026-11-26").write().parquet(tmp.resolve("ice-current.parquet").toString());
        String current = "{path: \"" + tmp.resolve("ice-current.parquet") + "\"}";

        JsonNode asParquet = json(run(rules("ice-v1-parquet", "{path: \"" + tmp.resolve("ice-v1.parquet") + "\"}", current, ""), "2026-11-26"));
        JsonNode bySnapshot = json(run(rules("ice-v1", "{table: " + table + ", as_of: {version: " + snapshots[1] + "}}", current, conf),
            "2026-11-26"));
        JsonNode byTime = json(run(rules("ice-t1", "{table: " + table + ", as_of: {timestamp: \""
            + committed[1].toInstant().plusMillis(500) + "\"}}", current, conf), "2026-11-26"));
        JsonNode latest = json(run(rules("ice-latest", "{table: " + table + "}", current, conf), "2026-11-26"));

        assertEquals(numbers(asParquet), numbers(bySnapshot));
        assertEquals(numbers(asParquet), numbers(byTime));
        assertNotEquals(numbers(asParquet), numbers(latest));
        assertEquals("iceberg snapshot " + snapshots[1], bySnapshot.get("reference").get("version").asText());
        assertEquals("iceberg snapshot " + snapshots[1], byTime.get("reference").get("version").asText());
        assertEquals("iceberg snapshot " + snapshots[2], latest.get("reference").get("version").asText());
    }

    /** A profile of the table at version 1 is refused by rules that name version 2, with one line naming both. */
    @Test
    void aProfileOfOneVersionIsRefusedAtAnother() throws Exception {
        String table = tmp.resolve("train-prof").toString();
        for (int v = 0; v < 3; v++) {
            data(800, 0.3 * v, 0, 30 + v, "2026-10-01").write().format("delta").mode("overwrite").save(table);
        }
        data(800, 0.2, 0, 88, "2026-11-26").write().parquet(tmp.resolve("cur-prof.parquet").toString());
        String current = "{path: \"" + tmp.resolve("cur-prof.parquet") + "\"}";
        Path profile = tmp.resolve("profile-v1.json");
        RuleSet v1 = RuleFileParser.parse(rules("prof-v1", "{path: \"" + table + "\", format: delta, as_of: {version: 1}}", current, ""));
        new DriftJob(spark, line -> { }).writeProfile(v1, CheckCatalog.checksFor(v1), v1.reference(), profile);
        assertTrue(Files.readString(profile).contains("as of version 1 (delta version 1)"), "the profile records the version it was made from");

        RuleSet same = RuleFileParser.parse(rules("prof-v1", "{path: \"" + table + "\", format: delta, as_of: {version: 1}}", current, ""));
        DriftJob.Outcome fits = new DriftJob(spark, line -> { }).run(same, CheckCatalog.checksFor(same),
            new DriftJob.Inputs(same.reference(), same.current(), "2026-11-26", tmp.resolve("reports"), profile));
        assertTrue(json(fits).get("reference").get("source").asText().contains("delta version 1"));

        RuleSet v2 = RuleFileParser.parse(rules("prof-v1", "{path: \"" + table + "\", format: delta, as_of: {version: 2}}", current, ""));
        DataException e = assertThrows(DataException.class, () -> new DriftJob(spark, line -> { }).run(v2, CheckCatalog.checksFor(v2),
            new DriftJob.Inputs(v2.reference(), v2.current(), "2026-11-26", tmp.resolve("reports"), profile)));
        assertTrue(e.getMessage().contains("the profile was made from " + table + " as of version 1 (delta version 1), but the rules name the"
            + " reference " + table + " as of version 2 (delta version 2)"), e.getMessage());
    }
}
