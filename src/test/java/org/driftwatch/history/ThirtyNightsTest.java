package org.driftwatch.history;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.CliRun;
import org.driftwatch.TestSpark;
import org.driftwatch.actions.RecordingHttpServer;
import org.driftwatch.data.DriftingDataGenerator;
import org.driftwatch.data.DriftingDataGenerator.DriftSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A month of nights as a new monitor lives it: 30 nightly Parquet batches from the generator, drift growing
 * from night 10, night 20 arriving half-empty; one backfill over the 30 dates with a retrain rule that
 * needs 3 breaching nights in a row, the history-based volume check and checks against the history.
 */
class ThirtyNightsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NIGHTS = 30;
    @TempDir
    static Path dir;
    static RecordingHttpServer airflow;
    static Path rules;
    static Path out;
    static CliRun backfill;

    static String date(int night) {
        return String.format("2026-11-%02d", night);
    }

    @BeforeAll
    static void backfillAMonth() throws Exception {
        SparkSession spark = TestSpark.session();
        DriftingDataGenerator.generate(spark, 4000, 3, 1, DriftSpec.NONE, 1, false, 2).drop("id")
            .write().parquet(dir.resolve("reference.parquet").toString());
        for (int n = 1; n <= NIGHTS; n++) {
            double shift = n < 10 ? 0 : 0.06 * (n - 9);
            DriftSpec drift = new DriftSpec(shift, 1, 0, 0, 0.34);
            DriftingDataGenerator.generate(spark, n == 20 ? 1000 : 2000, 3, 1, drift, 100 + n, true, 2).drop("id")
                .write().parquet(dir.resolve("nights").resolve(date(n)).resolve("current.parquet").toString());
        }
        airflow = new RecordingHttpServer().on("/api/", r -> new RecordingHttpServer.Answer(200, "{\"dag_run_id\":\"x\",\"state\":\"queued\"}"));
        rules = dir.resolve("nightly.yaml");
        Files.writeString(rules, "monitor: nightly\n"
            + "reference: {path: \"" + dir.resolve("reference.parquet") + "\"}\n"
            + "current: {path: \"" + dir.resolve("nights") + "/{date}/current.parquet\"}\n"
            + "columns: {numerical: [n0, n1, n2], categorical: [cat0]}\n"
            + "checks:\n  history: {window: 30, min_runs: 7, metrics: [rows, psi]}\n"
            + "actions:\n  retrain:\n    consecutive: 3\n    cooldown_days: 30\n    dag_id: nightly_retrain\n"
            + "    airflow: {url: \"" + airflow.url() + "\"}\n");
        out = dir.resolve("reports");
        backfill = CliRun.of(Map.of("DRIFTWATCH_AIRFLOW_TOKEN", "tok-30-nights"), "backfill", "--rules", rules.toString(),
            "--from", date(1), "--to", date(NIGHTS), "--out", out.toString());
    }

    @AfterAll
    static void stop() {
        if (airflow != null) {
            airflow.close();
        }
    }

    static JsonNode report(int night) throws Exception {
        return JSON.readTree(out.resolve("nightly").resolve(date(night)).resolve("report.json").toFile());
    }

    static List<JsonNode> findings(JsonNode report, String check) {
        List<JsonNode> f = new ArrayList<>();
        report.get("checks").forEach(c -> {
            if (c.get("name").asText().equals(check)) {
                f.add(c);
            }
        });
        return f;
    }

    static boolean breached(JsonNode report) {
        for (JsonNode r : report.get("decision").get("reasons")) {
            if (r.get("kind").asText().equals("psi_fail") || r.get("kind").asText().equals("look_back")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theBackfillRunsEveryNight() {
        assertEquals(0, backfill.exitCode(), backfill.err());
        assertTrue(backfill.err().contains("backfill of nightly: 30 dates run, 0 skipped"), backfill.err());
    }

    @Test
    void theHistoryHasOneRowPerDateColumnAndMetric() {
        Dataset<Row> h = TestSpark.session().read().parquet(out.resolve("_history").toString());
        assertEquals(NIGHTS, h.select("date").distinct().count());
        assertEquals(0, h.groupBy("monitor", "date", "column", "metric").count().where(col("count").gt(1)).count());
        assertEquals(1, h.where(col("date").equalTo(date(20)).and(col("column").equalTo("_run")).and(col("metric").equalTo("rows_current"))
            .and(col("value").equalTo(1000.0))).count(), "night 20's row count is remembered");
    }

    @Test
    void retrainingIsTriggeredOnTheThirdBreachingNightWithFitDataOnly() throws Exception {
        int first = 0;
        for (int n = 1; n <= NIGHTS && first == 0; n++) {
            if (breached(report(n))) {
                first = n;
            }
        }
        assertTrue(first >= 10 && first <= NIGHTS - 2, "drift breaches PSI 0.25 after night 10 and early enough: night " + first);
        assertEquals(1, airflow.requests("/api/").size(), "one trigger in the month (cooldown_days 30)");
        // the third breaching night whose data is fit: night 20 (half its rows) holds its retrain and is passed over
        int third = 0;
        for (int n = first, counted = 0; n <= NIGHTS && third == 0; n++) {
            if (!report(n).get("decision").get("data_unfit").asBoolean() && ++counted == 3) {
                third = n;
            }
        }
        assertTrue(report(20).get("decision").get("data_unfit").asBoolean(), "night 20 is short of rows");
        for (int n = 1; n <= NIGHTS; n++) {
            JsonNode r = report(n);
            boolean triggered = false;
            for (JsonNode a : r.get("actions")) {
                triggered |= a.get("action").asText().equals("airflow") && a.get("outcome").asText().equals("triggered");
            }
            assertEquals(n == third, triggered, "Airflow triggered on night " + n + " (first breach night " + first + ")");
            String verdict = r.get("decision").get("verdict").asText();
            if (n == first || n == first + 1) {
                assertEquals("alert", verdict, "night " + n);
                assertTrue(r.get("decision").get("reasons").get(0).get("message").asText()
                    .contains((n == first ? "1st" : "2nd") + " of 3 required nights"), r.get("decision").toString());
            }
            if (n == third) {
                assertEquals("retrain", verdict);
            }
            if (n == 20) {
                assertEquals("alert", verdict, "never retrain on broken data");
                assertEquals("data_unfit", r.get("decision").get("reasons").get(0).get("kind").asText());
            }
            if (n > third && breached(r)) {
                assertTrue(r.get("decision").get("reasons").get(0).get("message").asText().contains("in cooldown until"),
                    "night " + n + ": " + r.get("decision"));
            }
        }
    }

    @Test
    void theVolumeCheckFailsTheHalfEmptyNightOnly() throws Exception {
        for (int n = 1; n <= NIGHTS; n++) {
            List<JsonNode> volume = findings(report(n), "volume");
            boolean failed = volume.stream().anyMatch(f -> f.get("status").asText().equals("fail"));
            assertEquals(n == 20, failed, "volume on night " + n + ": " + volume);
            if (n <= 7) {
                assertTrue(volume.get(0).get("message").asText().contains("still learning"), volume.toString());
            }
        }
        JsonNode night20 = findings(report(20), "volume").get(0);
        assertEquals(0.5, night20.get("value").asDouble(), 1e-9);
        assertTrue(night20.get("message").asText().contains("1,000 current rows, 0.50× the median 2,000 of the last 19 runs"), night20.toString());
    }

    @Test
    void theHistoryCheckLearnsThenFlagsTheDriftingColumnAgainstItsOwnPast() throws Exception {
        List<JsonNode> early = findings(report(5), "history");
        assertEquals(1, early.size());
        assertTrue(early.get(0).get("message").asText().startsWith("learning: 4 of the 7 earlier runs"), early.toString());
        boolean flagged = false;
        for (int n = 10; n <= 16; n++) {
            flagged |= findings(report(n), "history").stream()
                .anyMatch(f -> f.get("column").asText().equals("n0") && !f.get("status").asText().equals("ok"));
        }
        assertTrue(flagged, "n0's PSI leaves its band within a week of the drift's start");
        assertTrue(findings(report(20), "history").stream().anyMatch(f -> f.get("column").isNull()
            && f.get("message").asText().startsWith("rows 1,000 ") && !f.get("status").asText().equals("ok")), "rows of night 20 out of band");
        assertFalse(findings(report(9), "history").stream().anyMatch(f -> f.get("column").asText().equals("n2")
            && !f.get("status").asText().equals("ok")), "a stable column stays in its band");
    }

    @Test
    void aRerunOfNightFifteenChangesNothing() throws Exception {
        List<String> before = night(15);
        long all = TestSpark.session().read().parquet(out.resolve("_history").toString()).count();
        String decision = report(15).get("decision").toString();
        CliRun again = CliRun.of(Map.of("DRIFTWATCH_AIRFLOW_TOKEN", "tok-30-nights"), "run", "--rules", rules.toString(),
            "--date", date(15), "--out", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(before, night(15));
        assertEquals(all, TestSpark.session().read().parquet(out.resolve("_history").toString()).count());
        assertEquals(decision, report(15).get("decision").toString());
        assertEquals(1, airflow.requests("/api/").size(), "no second trigger");
    }

    /** One night's history rows, without the run's duration (the one number a rerun may change). */
    private static List<String> night(int n) {
        return TestSpark.session().read().parquet(out.resolve("_history").toString())
            .where(col("date").equalTo(date(n)).and(col("metric").notEqual("duration_seconds")))
            .orderBy("column", "metric").collectAsList().stream().map(Row::toString).toList();
    }

    @Test
    void nightThirtyShowsTheSparklinesInABrowser() throws Exception {
        Path page = out.resolve("nightly").resolve(date(NIGHTS)).resolve("report.html");
        String html = Files.readString(page);
        assertTrue(html.contains("alt=\"PSI, 30 runs: "), "a sparkline of 30 runs beside each PSI");
        assertTrue(html.contains("Trend: the last 14 nights"), "the verdict row");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .usingAnyFreePort().build(), options);
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            browser.get(page.toUri().toString());
            Files.createDirectories(Path.of("target/screenshots"));
            Files.write(Path.of("target/screenshots/thirty-nights.png"), browser.getScreenshotAs(OutputType.BYTES));
            assertTrue(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()), "no console errors");
            Object sparklines = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.images).filter(i => i.alt.startsWith('PSI, 30 runs') && i.complete && i.naturalWidth > 0).length;");
            assertEquals(4L, ((Number) sparklines).longValue(), "one decoded sparkline per column");
        } finally {
            browser.quit();
        }
    }
}
