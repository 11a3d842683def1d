package org.driftwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.data.DataException;
import org.driftwatch.rules.RuleException;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments beyond the golden cases: the bundled masked-drift example as a reader sees it (banner, page,
 * spreadsheet, history); a segment equal, statistic for statistic, to a whole run on the segment's rows
 * written out (Parquet, column batches); mistakes against the data as one line; a saved profile refused.
 */
class SegmentRunTest {
    @TempDir
    Path tmp;
    Path reference;
    Path current;

    @BeforeEach
    void parquet() {
        SparkSession spark = TestSpark.session();
        reference = tmp.resolve("reference.parquet");
        current = tmp.resolve("current.parquet");
        for (Path[] p : new Path[][] {{Path.of("rules/data/regional-orders/reference.csv"), reference},
            {Path.of("rules/data/regional-orders/current.csv"), current}}) {
            spark.read().option("header", "true").option("inferSchema", "true").csv(p[0].toString()).coalesce(1)
                .write().mode("overwrite").parquet(p[1].toString());
        }
    }

    private Path rules(Path ref, Path cur, String segments) throws IOException {
        String y = "monitor: seg\nreference: {path: \"" + ref + "\"}\ncurrent: {path: \"" + cur + "\"}\n"
            + "columns: {numerical: [basket_value, items], categorical: [region, channel], id: order_id, label: returned,"
            + " prediction: returned_predicted, score: p_return}\nmodel: {task: binary, positive_class: 1}\n" + segments;
        Path file = tmp.resolve("rules-" + Math.abs(segments.hashCode()) + ".yaml");
        Files.writeString(file, y);
        return file;
    }

    private DriftJob.Outcome run(Path rulesFile, Path out) {
        RuleSet rules = RuleFileParser.parse(rulesFile);
        return new DriftJob(TestSpark.session(), line -> { }).run(rules, CheckCatalog.checksFor(rules),
            new DriftJob.Inputs(rules.reference(), rules.current(), "2026-12-07", out));
    }

    private static JsonNode json(DriftJob.Outcome o) throws IOException {
        return new ObjectMapper().readTree(o.reportJson().toFile());
    }

    private static JsonNode segment(JsonNode report, String name) {
        for (JsonNode s : report.get("segments")) {
            if (s.get("segment").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no segment " + name);
    }

    @Test
    void theBundledExampleSaysMaskedDrift() throws IOException {
        DriftJob.Outcome out = run(Path.of("rules/regional-orders.yaml"), tmp.resolve("reports"));
        JsonNode report = json(out);
        JsonNode whole = report.get("columns").get("basket_value");
        assertFalse(whole.get("drift").get("detected").asBoolean(), "the whole column did not drift");
        assertTrue(whole.get("psi").asDouble() < 0.1);
        JsonNode north = segment(report, "region=north");
        assertEquals("fail", north.get("status").asText());
        assertTrue(north.get("masked").asBoolean());
        assertEquals("[\"basket_value\"]", north.get("drifted_columns").toString());
        assertTrue(north.get("columns").get("basket_value").get("psi").asDouble() > 0.25);
        assertFalse(north.get("columns").has("region"), "a by column is not compared in its own segments");
        assertEquals("ok", segment(report, "region=west").get("status").asText());
        assertTrue(report.get("decision").get("drift_types").toString().contains("masked drift in a segment"));
        assertEquals("alert", report.get("decision").get("verdict").asText(), "segments alert by default, never retrain");
        String html = Files.readString(out.reportHtml());
        assertTrue(html.contains("masked drift in a segment: "), "the headline says so");
        String headline = out.report().explanation().headline();
        assertTrue(headline.startsWith("masked drift in a segment: region=north: basket_value PSI 0.728"), headline);
        assertEquals(1, headline.split("region=north", -1).length - 1, "the segment is said once: " + headline);
        assertEquals(org.driftwatch.judge.Outcome.ALERT, out.report().judgement().outcome());
        assertTrue(html.contains("Segments: 2 of 12 moved"), "the page lists only the segments that moved");
        assertFalse(html.contains("region=west"), "a segment that did not move is not on the page");
        String csv = Files.readString(out.reportJson().resolveSibling("summary.csv"));
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("basket_value,segment,numerical,fail,") && l.contains(",region=north,")), csv);
        Dataset<Row> history = TestSpark.session().read().parquet(tmp.resolve("reports/_history").toString());
        assertEquals(1, history.where("`column` = '_segment:region=north:basket_value' AND metric = 'psi'").count());
        assertEquals(1, history.where("`column` = '_segment:region=north' AND metric = 'roc_auc'").count());
    }

    @Test
    void aSegmentIsTheWholeRunOnItsRows() throws IOException {
        JsonNode segmented = json(run(rules(reference, current, "segments: {by: [region], min_rows: 100}\n"), tmp.resolve("a")));
        SparkSession spark = TestSpark.session();
        Path ref = tmp.resolve("north-reference.parquet");
        Path cur = tmp.resolve("north-current.parquet");
        spark.read().parquet(reference.toString()).where("region = 'north'").write().parquet(ref.toString());
        spark.read().parquet(current.toString()).where("region = 'north'").write().parquet(cur.toString());
        JsonNode filtered = json(run(rules(ref, cur, ""), tmp.resolve("b")));
        JsonNode north = segment(segmented, "region=north");
        assertEquals(filtered.get("reference").get("rows").asLong(), north.get("rows").get("reference").asLong());
        for (String c : List.of("basket_value", "items", "channel")) {
            JsonNode a = north.get("columns").get(c);
            JsonNode b = filtered.get("columns").get(c);
            for (String path : List.of("/psi", "/ks/statistic", "/ks/p_value", "/wasserstein_normed", "/chi_square/statistic",
                "/jensen_shannon", "/reference/count", "/current/null_count", "/reference/mean", "/psi_bins", "/drift/detected")) {
                assertEquals(b.at(path).toString(), a.at(path).toString(), c + path);
            }
        }
        for (String m : List.of("/reference/roc_auc", "/current/roc_auc", "/current/f1", "/current/confusion_matrix", "/change/brier")) {
            assertEquals(filtered.get("performance").at(m).toString(), north.get("performance").at(m).toString(), m);
        }
    }

    @Test
    void mistakesAgainstTheDataAreOneLine() throws IOException {
        Path unknown = rules(reference, current, "segments:\n  by: [regoin]\n");
        RuleException e = assertThrows(RuleException.class, () -> run(unknown, tmp.resolve("x")));
        assertTrue(e.getMessage().startsWith(unknown + ":7:") && e.getMessage().contains("no column 'regoin'")
            && e.getMessage().contains("region"), e.getMessage());
        Path notBoolean = rules(reference, current, "segments:\n  expressions:\n    big: \"items + 1\"\n");
        e = assertThrows(RuleException.class, () -> run(notBoolean, tmp.resolve("x")));
        assertTrue(e.getMessage().contains(":8:") && e.getMessage().contains("not true or false"), e.getMessage());
        Path tooMany = rules(reference, current, "segments: {by: [order_id], max_segments: 1000}\n");
        e = assertThrows(RuleException.class, () -> run(tooMany, tmp.resolve("x")));
        assertTrue(e.getMessage().contains("4000 segment columns, more than the 1000"), e.getMessage());
        Path notCompared = rules(reference, current, "segments: {by: [region], columns: [basket_value, order_id]}\n");
        e = assertThrows(RuleException.class, () -> run(notCompared, tmp.resolve("x")));
        assertTrue(e.getMessage().contains("'order_id' is not a compared column"), e.getMessage());
    }

    @Test
    void theLabelMayDefineSegmentsAndIntegersAreDecimalText() throws IOException {
        JsonNode report = json(run(rules(reference, current, "segments: {by: [returned, items], max_segments: 2, min_rows: 100}\n"),
            tmp.resolve("c")));
        List<String> names = new java.util.ArrayList<>();
        report.get("segments").forEach(s -> names.add(s.get("segment").asText()));
        assertEquals(List.of("returned=0", "returned=1", "items=1", "items=2"), names);
        assertEquals("1", segment(report, "items=1").get("by").get("items").asText());
    }

    @Test
    void aSegmentRetrainsOnlyWhenTheRuleFileSaysSo() throws IOException {
        String segments = "segments: {by: [region], min_rows: 200}\n";
        JsonNode alert = json(run(rules(reference, current, segments), tmp.resolve("e")));
        assertEquals("alert", alert.get("decision").get("verdict").asText());
        JsonNode retrain = json(run(rules(reference, current, segments
            + "actions: {retrain: {when: [psi_fail, segment_psi_fail]}}\n"), tmp.resolve("f")));
        assertEquals("retrain", retrain.get("decision").get("verdict").asText());
        assertTrue(retrain.get("decision").get("reasons").toString().contains("segment_psi_fail"), retrain.get("decision").toString());
        assertTrue(retrain.get("decision").get("reasons").toString().contains("region=north"));
    }

    @Test
    void aSavedProfileIsRefusedWithTheReason() throws IOException {
        Path file = rules(reference, current, "segments: {by: [region]}\n");
        RuleSet rules = RuleFileParser.parse(file);
        Path profile = tmp.resolve("profile.json");
        new DriftJob(TestSpark.session(), line -> { }).writeProfile(rules, CheckCatalog.checksFor(rules), rules.reference(), profile);
        DataException e = assertThrows(DataException.class, () -> new DriftJob(TestSpark.session(), line -> { }).run(rules,
            CheckCatalog.checksFor(rules), new DriftJob.Inputs(rules.reference(), rules.current(), "2026-12-07", tmp.resolve("d"), profile)));
        assertTrue(e.getMessage().contains("cannot measure segments"), e.getMessage());
    }
}
