package org.driftwatch.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.CliRun;
import org.driftwatch.DriftJob;
import org.driftwatch.TestSpark;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics history as a Delta Lake or Iceberg table, written by the real libraries on local files: 30
 * nights of backfill with a rerun in the middle leave exactly one row set per night, and two monitors
 * writing from two threads at once both land every night (#32).
 */
class LakehouseHistoryTest {
    @TempDir
    Path tmp;

    private final SparkSession spark = TestSpark.session();

    /** The history table and the rule-file lines that name it: Iceberg in a Hadoop catalog, Delta in a database of the session catalog. */
    private String[] table(String format, String name) {
        if (format.equals("iceberg")) {
            String catalog = "hist_" + name;
            String conf = "spark_conf:\n  spark.sql.catalog." + catalog + ": org.apache.iceberg.spark.SparkCatalog\n"
                + "  spark.sql.catalog." + catalog + ".type: hadoop\n  spark.sql.catalog." + catalog + ".warehouse: \"" + tmp.resolve("wh") + "\"\n";
            return new String[] {catalog + ".ml.drift_metrics", conf};
        }
        String db = "hist_" + name;
        spark.sql("CREATE DATABASE IF NOT EXISTS " + db + " LOCATION '" + tmp.resolve("db-" + name) + "'");
        return new String[] {db + ".drift_metrics", ""};
    }

    private Path rules(String monitor, String table, String format, String conf) throws Exception {
        Path data = tmp.resolve("data");
        if (!Files.exists(data.resolve("reference.parquet"))) {
            spark.range(600).selectExpr("id", "randn(1) AS x", "CASE WHEN rand(2) < 0.3 THEN 'b' ELSE 'a' END AS c")
                .write().parquet(data.resolve("reference.parquet").toString());
            for (int night = 1; night <= 30; night++) {
                spark.range(300).selectExpr("id", "randn(" + (10 + night) + ") + " + (night * 0.02) + " AS x",
                    "CASE WHEN rand(" + (50 + night) + ") < 0.3 THEN 'b' ELSE 'a' END AS c")
                    .write().parquet(data.resolve(String.format("2026-11-%02d", night)).resolve("current.parquet").toString());
            }
        }
        Path f = tmp.resolve(monitor + ".yaml");
        Files.writeString(f, "monitor: " + monitor + "\nreference: {path: \"" + data.resolve("reference.parquet") + "\"}\n"
            + "current: {path: \"" + data + "/{date}/current.parquet\"}\ncolumns: {numerical: [x], categorical: [c], id: id}\n"
            + "history: {table: " + table + ", format: " + format + "}\n" + conf);
        return f;
    }

    /** Per night of a monitor: how many rows, and whether any (column, metric) appears twice. */
    private void assertOneRowSetPerNight(String table, String monitor, int nights) {
        List<Row> perNight = spark.sql("SELECT `date`, count(*), count(DISTINCT `column`, metric) FROM " + table + " WHERE monitor = '"
            + monitor + "' GROUP BY `date` ORDER BY `date`").collectAsList();
        assertEquals(nights, perNight.size(), "one row set per night: " + perNight);
        long rows = perNight.get(0).getLong(1);
        for (Row r : perNight) {
            assertEquals(r.getLong(1), r.getLong(2), "no (column, metric) twice on " + r.getString(0));
            assertEquals(rows, r.getLong(1), "the same rows every night: " + r.getString(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"delta", "iceberg"})
    void thirtyNightsOfBackfillWithARerunLeaveOneRowSetPerNight(String format) throws Exception {
        String[] t = table(format, "backfill");
        Path rules = rules("nightly", t[0], format, t[1]);
        Path out = tmp.resolve("out");
        CliRun first = CliRun.of("backfill", "--rules", rules.toString(), "--from", "2026-11-01", "--to", "2026-11-20", "--out", out.toString(),
            "--no-email");
        assertEquals(0, first.exitCode(), first.err());
        CliRun rerun = CliRun.of("run", "--rules", rules.toString(), "--date", "2026-11-15", "--out", out.toString(), "--no-email");
        assertEquals(0, rerun.exitCode(), rerun.err());
        CliRun rest = CliRun.of("backfill", "--rules", rules.toString(), "--from", "2026-11-21", "--to", "2026-11-30", "--out", out.toString(),
            "--no-email");
        assertEquals(0, rest.exitCode(), rest.err());
        assertTrue(rest.err().contains("metrics history: 29 earlier runs read"), "the last night reads the 29 before it from the table: " + rest.err());

        assertOneRowSetPerNight(t[0], "nightly", 30);
        String provider = spark.sql("DESCRIBE TABLE EXTENDED " + t[0]).where("col_name = 'Provider'").first().getString(1);
        assertEquals(format, provider.strip().toLowerCase(), "created in the format the rule file names");
        // the dashboard query of README's "Lakehouse tables": PSI of every column of a monitor over the last nights
        List<Row> psi = spark.sql("SELECT `date`, `column`, value AS psi FROM " + t[0] + " WHERE monitor = 'nightly' AND metric = 'psi'"
            + " AND `column` NOT LIKE '\\_%' AND `date` >= date_format(date_sub(DATE'2026-11-30', 89), 'yyyy-MM-dd')"
            + " ORDER BY `date`, `column`").collectAsList();
        assertEquals(30 * 2, psi.size(), "x and c on each of the 30 nights");
        CliRun history = CliRun.of("history", "--rules", rules.toString(), "--out", out.toString(), "--column", "x", "--metric", "psi",
            "--format", "csv");
        assertEquals(0, history.exitCode(), history.err());
        assertEquals(31, history.out().lines().count(), "driftwatch history reads the table: a header and 30 nights");
    }

    @ParameterizedTest
    @ValueSource(strings = {"delta", "iceberg"})
    void twoMonitorsWritingAtOnceBothLand(String format) throws Exception {
        String[] t = table(format, "concurrent");
        List<Path> rules = List.of(rules("first", t[0], format, t[1]), rules("second", t[0], format, t[1]));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Path r : rules) {
                runs.add(pool.submit(() -> {
                    RuleSet set = RuleFileParser.parse(r);
                    for (int night = 1; night <= 4; night++) {
                        String date = String.format("2026-11-%02d", night);
                        DriftJob.Outcome o = new DriftJob(spark, line -> { }).run(set, CheckCatalog.checksFor(set),
                            new DriftJob.Inputs(set.reference(), set.current().withDate(date), date, tmp.resolve("out-" + set.monitor())));
                        assertTrue(o.report().history().writeError() == null, o.report().history().writeError());
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertOneRowSetPerNight(t[0], "first", 4);
        assertOneRowSetPerNight(t[0], "second", 4);
    }
}
