package org.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta Lake stays optional at run time (#32): the shaded jar without it says in one line how to add it;
 * with Delta's jars given to spark-submit, or {@code bin/driftwatch --lakehouse}, a nightly partition of a
 * Delta table is read by {@code where} and both write the same report.
 */
class LakehouseSubmitIT {
    @TempDir
    Path tmp;

    @Test
    void deltaIsOptionalAndWorksWhenGiven() throws Exception {
        SparkSession spark = TestSpark.session();
        Path table = tmp.resolve("events");
        spark.range(3000).selectExpr("id", "randn(7) + CASE WHEN id % 3 = 0 THEN 0.8 ELSE 0 END AS x",
            "concat('2026-11-', lpad(cast(id % 3 + 1 AS STRING), 2, '0')) AS event_date").write().format("delta").partitionBy("event_date")
            .save(table.toString());
        spark.range(2000).selectExpr("id + 100000 AS id", "randn(8) AS x").write().parquet(tmp.resolve("train.parquet").toString());
        Path rules = tmp.resolve("events.yaml");
        Files.writeString(rules, "monitor: events\nreference: {path: \"" + tmp.resolve("train.parquet") + "\"}\n"
            + "current: {path: \"" + table + "\", format: delta, where: \"event_date = '{date}'\"}\n"
            + "columns: {numerical: [x], id: id}\nhistory: {enabled: false}\n");

        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve("target/driftwatch.jar");
        String lakehouseJars = Files.readString(root.resolve("target/classpath-lakehouse.txt")).strip().replace(':', ',');
        List<String> without = submit(jar, List.of(), rules, tmp.resolve("without"));
        Path log = tmp.resolve("without.log");
        assertEquals(3, run(without, root, log), "bad input: exit 3");
        String said = Files.readString(log);
        String line = rules + ": current.format delta: Delta Lake is not on the classpath: run bin/driftwatch --lakehouse ..., or give"
            + " spark-submit --packages io.delta:delta-spark_4.1_2.13:4.4.0";
        assertTrue(said.contains(line), said);
        assertTrue(!said.contains("\tat ") && !said.contains("starting Spark"), "one line, before Spark starts: " + said);
        // validate says the same without starting Spark, and is content with --lakehouse
        Path validated = tmp.resolve("validate.log");
        assertEquals(3, run(List.of(root.resolve("bin/driftwatch").toString(), "validate", "--rules", rules.toString()), root, validated));
        assertTrue(Files.readString(validated).contains(line), Files.readString(validated));
        assertEquals(0, run(List.of(root.resolve("bin/driftwatch").toString(), "--lakehouse", "validate", "--rules", rules.toString()), root,
            validated), Files.readString(validated));

        assertEquals(0, run(submit(jar, List.of("--jars", lakehouseJars), rules, tmp.resolve("submitted")), root, tmp.resolve("with.log")),
            Files.readString(tmp.resolve("with.log")));
        List<String> embedded = List.of(root.resolve("bin/driftwatch").toString(), "--lakehouse", "run", "--rules", rules.toString(),
            "--date", "2026-11-01", "--out", tmp.resolve("embedded").toString(), "--no-email");
        assertEquals(0, run(embedded, root, tmp.resolve("embedded.log")), Files.readString(tmp.resolve("embedded.log")));
        JsonNode a = SparkDistribution.comparableReport(tmp.resolve("submitted/events/2026-11-01/report.json"));
        JsonNode b = SparkDistribution.comparableReport(tmp.resolve("embedded/events/2026-11-01/report.json"));
        assertEquals(b, a);
        assertEquals(1000, a.get("current").get("rows").asInt(), "one partition of three");
        assertEquals("delta version 0", a.get("current").get("version").asText());
    }

    private static List<String> submit(Path jar, List<String> extra, Path rules, Path out) throws java.io.IOException {
        List<String> c = new ArrayList<>(SparkDistribution.java());
        c.addAll(List.of("-cp", SparkDistribution.classpath(), "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
            "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1"));
        c.addAll(extra);
        c.addAll(List.of("--class", "org.driftwatch.cli.Main", jar.toString(), "run", "--rules", rules.toString(), "--date", "2026-11-01",
            "--out", out.toString(), "--no-email"));
        return c;
    }

    private static int run(List<String> command, Path dir, Path log) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + Files.readString(log));
        }
        return p.exitValue();
    }
}
