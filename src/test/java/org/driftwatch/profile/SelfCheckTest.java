package org.driftwatch.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.CliRun;
import org.driftwatch.GoldenCase;
import org.driftwatch.TestSpark;
import org.driftwatch.profile.model.ProfileRequest;
import org.driftwatch.profile.model.ReferenceProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference self-check: in the reference scan, independent of partitioning, in the reports, kept by saved profiles. */
class SelfCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void theSplitDoesNotDependOnThePartitioning() {
        SparkSession spark = TestSpark.session();
        GoldenCase g = GoldenCase.load("synthetic_injected_drift");
        Dataset<Row> ref = spark.read().parquet(g.file("reference", "parquet").toString());
        ProfileRequest request = new ProfileRequest(List.of("x_stable", "x_shift"), List.of("cat_drift"), null, 10, 1000, 1000);
        ReferenceProfile one = ReferenceProfiler.build(ref.coalesce(1), request);
        ReferenceProfile many = ReferenceProfiler.build(ref.repartition(7), request);
        assertEquals(3, one.selfChecks().size(), one.selfChecks().toString());
        one.selfChecks().forEach((name, a) -> {
            var b = many.selfChecks().get(name);
            // counts only: exactly equal; the normed Wasserstein divides by the std, equal to its last bits
            assertEquals(a.psi(), b.psi(), name);
            assertEquals(a.ksStatistic(), b.ksStatistic(), name);
            assertEquals(a.jensenShannon(), b.jensenShannon(), name);
            assertEquals(a.firstHalf(), b.firstHalf(), name);
            if (a.wassersteinNormed() != null) {
                assertEquals(a.wassersteinNormed(), b.wassersteinNormed(), 1e-12 * a.wassersteinNormed(), name);
            }
        });
        long half = one.selfChecks().get("x_stable").firstHalf();
        assertTrue(Math.abs(half - ref.count() / 2.0) < 4 * Math.sqrt(ref.count()), "about half the rows: " + half);
    }

    @Test
    void aThresholdBelowTheReferencesNoiseWarnsAndSavedProfilesKeepTheSelfCheck() throws Exception {
        TestSpark.session();
        GoldenCase g = GoldenCase.load("seattle_2012_vs_2015");
        Path rules = dir.resolve("noise.yaml");
        Files.writeString(rules, "monitor: noise\nreference: {path: \"" + g.file("reference", "csv") + "\"}\n"
            + "current: {path: \"" + g.file("current", "csv") + "\"}\n"
            + "columns: {numerical: [temp_max, wind], categorical: [weather]}\n"
            + "checks: {psi: {warn: 0.01, fail: 0.02}, identical_rows: {enabled: false}}\n");
        CliRun run = CliRun.of("run", "--rules", rules.toString(), "--date", "2026-11-01", "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(dir.resolve("out/noise/2026-11-01/report.json").toFile());
        JsonNode wind = report.get("columns").get("wind").get("self_check");
        assertTrue(wind.get("psi").asDouble() > 0.02 && wind.has("ks_statistic") && wind.has("wasserstein_normed"), wind.toString());
        assertTrue(report.get("columns").get("weather").get("self_check").has("jensen_shannon"));
        boolean warned = false;
        for (JsonNode c : report.get("checks")) {
            warned |= c.get("name").asText().equals("psi") && c.get("column").asText().equals("wind") && c.get("status").asText().equals("warn")
                && c.get("message").asText().contains("threshold below the reference's own noise: checks.psi.fail 0.02 < psi 0.");
        }
        assertTrue(warned, report.get("checks").toString());
        String csv = Files.readString(dir.resolve("out/noise/2026-11-01/summary.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().contains("self_check"), csv);
        assertTrue(Files.readString(dir.resolve("out/noise/2026-11-01/report.html")).contains("Reference half against half (its own noise): PSI "));

        Path profile = dir.resolve("noise-profile.json");
        CliRun saved = CliRun.of("profile", "--rules", rules.toString(), "--out", profile.toString());
        assertEquals(0, saved.exitCode(), saved.err());
        assertTrue(JSON.readTree(profile.toFile()).get("profile").get("self_check").has("wind"));
        CliRun again = CliRun.of("run", "--rules", rules.toString(), "--date", "2026-11-02", "--out", dir.resolve("out").toString(),
            "--reference-profile", profile.toString());
        assertEquals(0, again.exitCode(), again.err());
        JsonNode fromProfile = JSON.readTree(dir.resolve("out/noise/2026-11-02/report.json").toFile());
        for (String c : List.of("temp_max", "wind", "weather")) {
            assertEquals(report.get("columns").get(c).get("self_check"), fromProfile.get("columns").get(c).get("self_check"), c);
        }
        assertFalse(report.get("columns").get("wind").get("self_check").isNull());
    }
}
