package org.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.CliRun;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.Test;

/** driftwatch calibrate on the bundled Seattle example: the reference split against itself. */
class CalibrateCommandTest {
    private static List<CSVRecord> csv(String out) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(out)).getRecords();
    }

    @Test
    void randomSplitsGiveARatePerCheckAndColumnInOneScanEach() throws Exception {
        SparkSession spark = TestSpark.session();
        spark.sparkContext().setJobGroup("calibrate-test", "calibrate", false);
        CliRun r = CliRun.of("calibrate", "--rules", "rules/seattle-weather.yaml", "--trials", "8", "--format", "csv");
        int jobs = spark.sparkContext().statusTracker().getJobIdsForGroup("calibrate-test").length;
        spark.sparkContext().clearJobGroup();
        assertEquals(0, r.exitCode(), r.err());
        List<CSVRecord> rows = csv(r.out());
        // 4 numerical columns × (psi warn, psi fail, ks, wasserstein) + the categorical label × (psi warn, psi fail, χ², JS)
        assertEquals(20, rows.size(), r.out());
        for (CSVRecord row : rows) {
            int alarms = Integer.parseInt(row.get("alarms"));
            assertEquals(8, Integer.parseInt(row.get("trials")), row.toString());
            assertEquals(alarms / 8.0, Double.parseDouble(row.get("false_alarm_rate")), 1e-12);
            double t = Double.parseDouble(row.get("threshold"));
            double onePercent = Double.parseDouble(row.get("threshold_for_1_percent"));
            // no alarm: every trial is on the quiet side of the threshold, and so is its 1 % point (and every alarm the other way)
            boolean pValue = row.get("statistic").endsWith("p-value");
            if (alarms == 0) {
                assertTrue(pValue ? onePercent >= t : onePercent <= t, row.toString());
            } else if (alarms == 8) {
                assertTrue(pValue ? onePercent < t : onePercent > t, row.toString());
            }
        }
        assertTrue(jobs > 0 && jobs <= 8 + 3, "one Spark scan per trial (plus reading the CSV): " + jobs);
        CliRun again = CliRun.of("calibrate", "--rules", "rules/seattle-weather.yaml", "--trials", "8", "--format", "csv");
        assertEquals(r.out(), again.out(), "the same splits every time");
    }

    @Test
    void timeChunksShowSeasonsAndBadInputIsOneLine() throws Exception {
        TestSpark.session();
        CliRun r = CliRun.of("calibrate", "--rules", "rules/seattle-weather.yaml", "--trials", "3", "--by-column", "date");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("temp_max") && r.out().contains("fires on noise"), "seasons drift within 2012: " + r.out());
        assertTrue(r.out().contains("adjacent date chunks of the reference"), r.out());
        CliRun bad = CliRun.of("calibrate", "--rules", "rules/seattle-weather.yaml", "--by-column", "no_such");
        assertEquals(3, bad.exitCode(), bad.err());
        assertTrue(bad.errorLine().contains("--by-column no_such: no such column in the reference"), bad.err());
        CliRun trials = CliRun.of("calibrate", "--rules", "rules/seattle-weather.yaml", "--trials", "1");
        assertEquals(2, trials.exitCode());
        assertTrue(trials.errorLine().contains("--trials must be between 2 and 1000"), trials.err());
    }
}
