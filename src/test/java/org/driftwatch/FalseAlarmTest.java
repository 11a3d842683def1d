package org.driftwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On real data: a random split of one year of Seattle weather has no drift, and psi mode "both" says so;
 * the injected drifts of the synthetic golden case stay detected in mode "both"; every PSI carries its
 * no-drift critical values, and a rule file that names no columns leaves the id out of the features.
 */
class FalseAlarmTest {
    @TempDir
    Path tmp;

    private JsonNode run(Path reference, Path current, String columns, String extra) throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, "monitor: fa\nreference: {path: \"" + reference + "\"}\ncurrent: {path: \"" + current + "\"}\n"
            + columns + extra);
        RuleSet set = RuleFileParser.parse(rules);
        DriftJob.Outcome out = new DriftJob(TestSpark.session(), line -> { })
            .run(set, CheckCatalog.checksFor(set), new DriftJob.Inputs(set.reference(), set.current(), "2026-11-26", tmp.resolve("out")));
        return new ObjectMapper().readTree(out.reportJson().toFile());
    }

    private static List<String> psiStatuses(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("checks").forEach(c -> {
            if (c.get("name").asText().equals("psi")) {
                out.add(c.get("column").asText() + ":" + c.get("status").asText());
            }
        });
        return out;
    }

    @Test
    void aRandomSplitOfOneYearDoesNotDriftInModeBoth() throws Exception {
        List<String> lines = Files.readAllLines(GoldenCase.load("seattle_2012_vs_2015").file("reference", "csv"));
        StringBuilder odd = new StringBuilder(lines.get(0)).append('\n');
        StringBuilder even = new StringBuilder(lines.get(0)).append('\n');
        java.util.Random rnd = new java.util.Random(20261202);
        for (String l : lines.subList(1, lines.size())) {
            (rnd.nextBoolean() ? odd : even).append(l).append('\n');
        }
        Files.writeString(tmp.resolve("a.csv"), odd);
        Files.writeString(tmp.resolve("b.csv"), even);
        JsonNode report = run(tmp.resolve("a.csv"), tmp.resolve("b.csv"), "columns: {numerical: [precipitation, temp_max, temp_min, wind]}\n",
            "checks: {psi: {mode: both}}\n");
        assertTrue(psiStatuses(report).stream().allMatch(s -> s.endsWith(":ok")), psiStatuses(report).toString());
        JsonNode crit = report.get("columns").get("temp_max").get("psi_critical");
        assertTrue(crit.get("p95").asDouble() < crit.get("p99").asDouble() && crit.get("p_value").asDouble() > 0.01, crit.toString());
    }

    /**
     * 10k current rows against 200k reference rows with a 0.05-σ shift: KS finds it significant (D about
     * 0.02) in every column, but the effect is tiny, so with the default rules the night is no alert; the
     * columns' KS rows still show it, and {@code checks.ks.min_effect: 0} makes significance alone alert.
     */
    @Test
    void aTinySignificantShiftIsNoAlertByDefault() throws Exception {
        org.apache.spark.sql.SparkSession spark = TestSpark.session();
        String[] ref = java.util.stream.IntStream.range(0, 6).mapToObj(i -> "randn(" + (11 + i) + ") AS n" + i).toArray(String[]::new);
        String[] cur = java.util.stream.IntStream.range(0, 6).mapToObj(i -> "randn(" + (91 + i) + ") + 0.05 AS n" + i).toArray(String[]::new);
        spark.range(200_000).selectExpr(ref).write().parquet(tmp.resolve("ref.parquet").toString());
        spark.range(10_000).selectExpr(cur).write().parquet(tmp.resolve("cur.parquet").toString());
        String columns = "columns: {numerical: [n0, n1, n2, n3, n4, n5]}\n";
        JsonNode report = run(tmp.resolve("ref.parquet"), tmp.resolve("cur.parquet"), columns, "");
        List<String> significant = new ArrayList<>();
        report.get("checks").forEach(c -> {
            if (c.get("name").asText().equals("ks") && c.get("value").asDouble() < 0.05) {
                significant.add(c.get("column").asText() + ":" + c.get("status").asText() + ":" + c.get("message").asText());
            }
        });
        assertTrue(significant.size() >= 4, "KS finds the shift significant: " + significant);
        assertTrue(significant.stream().allMatch(s -> s.contains(":ok:") && s.contains("(tiny)")
            && s.contains("below the effect that alerts (0.0500: checks.ks.min_effect)")), significant.toString());
        assertEquals("ok", report.get("decision").get("verdict").asText(), report.get("decision").toString());
        assertEquals(0.05, report.get("thresholds").get("ks.min_effect").asDouble());

        JsonNode strict = run(tmp.resolve("ref.parquet"), tmp.resolve("cur.parquet"), columns, "checks: {ks: {min_effect: 0}}\n");
        long warned = java.util.stream.StreamSupport.stream(strict.get("checks").spliterator(), false)
            .filter(c -> c.get("name").asText().equals("ks") && c.get("status").asText().equals("warn")).count();
        assertEquals(significant.size(), warned, "significance alone alerts again");
        assertEquals("alert", strict.get("decision").get("verdict").asText());
    }

    @Test
    void realDriftsStayDetectedInModeBoth() throws Exception {
        GoldenCase g = GoldenCase.load("synthetic_injected_drift");
        String columns = "columns: {numerical: [x_stable, x_shift, x_scale], categorical: [cat_drift]}\n";
        JsonNode fixed = run(g.file("reference", "parquet"), g.file("current", "parquet"), columns, "");
        JsonNode both = run(g.file("reference", "parquet"), g.file("current", "parquet"), columns, "checks: {psi: {mode: both}}\n");
        List<String> failedFixed = psiStatuses(fixed).stream().filter(s -> s.endsWith(":fail")).toList();
        assertTrue(!failedFixed.isEmpty());
        assertEquals(failedFixed, psiStatuses(both).stream().filter(s -> s.endsWith(":fail")).toList());
    }

    @Test
    void inferredColumnsLeaveIdentifiersOut() throws Exception {
        GoldenCase g = GoldenCase.load("synthetic_injected_drift");
        JsonNode report = run(g.file("reference", "parquet"), g.file("current", "parquet"), "", "");
        assertTrue(report.get("columns_inferred").asBoolean());
        assertTrue(!report.get("columns").has("id"), "the id is not a feature");
        assertTrue(report.get("columns_skipped").toString().contains("\"id\""));
        assertTrue(report.get("columns_skipped_reasons").get("id").asText().contains("columns: {id: id}"));
    }
}
