package org.driftwatch.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.CliRun;
import org.driftwatch.GoldenCase;
import org.driftwatch.TestSpark;
import org.driftwatch.compare.EarlierRuns;
import org.driftwatch.rules.HistorySettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both history stores (Parquet folder, catalog table) on local Spark: replace a date, keep concurrent monitors, recall. */
class MetricsHistoryTest {
    @TempDir
    Path dir;

    private MetricsHistory history(String store) {
        SparkSession spark = TestSpark.session();
        if (store.equals("folder")) {
            return new MetricsHistory(spark, dir.toString());
        }
        String db = "dw_" + Math.abs(dir.hashCode());
        spark.sql("CREATE DATABASE IF NOT EXISTS " + db + " LOCATION '" + dir.resolve("warehouse").toUri() + "'");
        return new MetricsHistory(spark, dir.toString(), HistorySettings.DEFAULT.withTable(db + ".drift_metrics"));
    }

    private static List<HistoryRow> night(double psi) {
        return List.of(new HistoryRow("x", "psi", psi, null), new HistoryRow(HistoryRow.RUN, "breached", psi > 0.25 ? 1.0 : 0.0, null),
            new HistoryRow(HistoryRow.RUN, "verdict", null, psi > 0.25 ? "retrain" : "ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder", "table"})
    void aRerunReplacesItsDateAndConcurrentMonitorsKeepTheirRows(String store) throws Exception {
        MetricsHistory h = history(store);
        h.write("a", "2026-11-01", night(0.1));
        h.write("a", "2026-11-01", night(0.3));
        assertEquals(3, h.read("a").count(), "the rerun replaced the date");
        assertEquals(0.3, h.read("a").where("metric = 'psi'").first().getDouble(3));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (String monitor : new String[] {"b", "c"}) {
            done.add(pool.submit((Callable<Void>) () -> {
                for (int d = 1; d <= 4; d++) {
                    h.write(monitor, "2026-11-0" + d, night(0.05 * d));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        for (String monitor : new String[] {"a", "b", "c"}) {
            assertEquals(monitor.equals("a") ? 3 : 12, h.read(monitor).count(), monitor);
        }
        assertEquals(List.of("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"),
            h.recall("b", LocalDate.parse("2026-11-05"), 30, 0).dates());
    }

    @ParameterizedTest
    @ValueSource(strings = {"folder", "table"})
    void recallReadsTheLastRunsAndEveryDayOfACooldown(String store) {
        MetricsHistory h = history(store);
        for (int d = 1; d <= 9; d++) {
            h.write("m", "2026-10-0" + d, night(d == 2 ? 0.4 : 0.01 * d));
        }
        EarlierRuns last3 = h.recall("m", LocalDate.parse("2026-10-09"), 3, 0);
        assertEquals(List.of("2026-10-06", "2026-10-07", "2026-10-08"), last3.dates(), "before tonight only");
        assertEquals(0.07, last3.numbers("x", "psi", 3)[1], 1e-12);
        EarlierRuns cooldown = h.recall("m", LocalDate.parse("2026-10-09"), 3, 7);
        assertEquals("2026-10-02", cooldown.dates().get(0), "the days of the cooldown reach the retrain of 10-02");
        assertEquals(LocalDate.parse("2026-10-02"), MetricsHistory.pastNights(cooldown).lastRetrain());
        assertEquals(0, h.recall("new", LocalDate.parse("2026-10-09"), 30, 30).dates().size());
    }

    /** {@code history --drop} removes one night, in a folder or a catalog table, and no other. */
    @ParameterizedTest
    @ValueSource(strings = {"folder", "table"})
    void dropRemovesOneNight(String store) {
        MetricsHistory h = history(store);
        for (int d = 1; d <= 3; d++) {
            h.write("drop", "2026-09-0" + d, night(0.1 * d));
        }
        assertTrue(h.drop("drop", "2026-09-02"));
        assertEquals(List.of("2026-09-01", "2026-09-03"), h.dates("drop"));
        assertEquals(6, h.read("drop").count());
        assertEquals(false, h.drop("drop", "2026-09-02"), "nothing left to drop");
    }

    @Test
    void theCommandLineWritesAndReadsAHistoryTable() throws Exception {
        TestSpark.session().sql("CREATE DATABASE IF NOT EXISTS dw_cli LOCATION '" + dir.resolve("cli-warehouse").toUri() + "'");
        GoldenCase g = GoldenCase.load("synthetic_injected_drift");
        Path rules = dir.resolve("t.yaml");
        Files.writeString(rules, "monitor: tabled\nreference: {path: \"" + g.file("reference", "csv") + "\"}\n"
            + "current: {path: \"" + g.file("current", "csv") + "\"}\n"
            + "columns: {numerical: [x_stable, x_shift], categorical: [cat_drift]}\n");
        for (String d : new String[] {"2026-10-01", "2026-10-02", "2026-10-02"}) {
            CliRun r = CliRun.of("run", "--rules", rules.toString(), "--date", d, "--out", dir.resolve("out").toString(),
                "--history-table", "dw_cli.metrics");
            assertEquals(0, r.exitCode(), r.err());
        }
        assertTrue(Files.notExists(dir.resolve("out/_history")), "nothing in the folder when a table is named");
        CliRun h = CliRun.of("history", "--rules", rules.toString(), "--history-table", "dw_cli.metrics", "--column", "_run",
            "--metric", "verdict", "--format", "csv");
        assertEquals(List.of("date,column,metric,value,text", "2026-10-01,_run,verdict,,retrain", "2026-10-02,_run,verdict,,retrain"),
            h.out().lines().toList());
        assertEquals(2, TestSpark.session().sql("SELECT DISTINCT `date` FROM dw_cli.metrics WHERE monitor = 'tabled'").count(),
            "any SQL reader sees one set of rows per date");
        Files.writeString(dir.resolve("bad.yaml"), Files.readString(rules) + "history: {table: \"drop table x\"}\n");
        CliRun bad = CliRun.of("run", "--rules", dir.resolve("bad.yaml").toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.errorLine().contains("history.table 'drop table x' is not a table name"), bad.err());
    }
}
