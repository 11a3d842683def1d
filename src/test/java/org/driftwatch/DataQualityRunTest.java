package org.driftwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.driftwatch.actions.ActionPlan;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.profile.scan.PartitionFold;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-quality constraints on the traps the definitions name, with answers worked out by hand from
 * those definitions: NaN is a value (and fails a range), lengths in code points, whole-value patterns,
 * ties ordered by text ("10" before "9"), allowed items as their YAML text, SQL NULL in a condition,
 * values compared as text across types, a column null on every row, timestamps with microseconds;
 * from CSV, from Parquet in column batches and from Parquet as rows, which must agree. Then the paths
 * beyond the report: the failing rows kept, rates in the history, a saved reference profile.
 */
class DataQualityRunTest {
    @TempDir
    Path tmp;

    static final StructType SCHEMA = new StructType()
        .add("id", DataTypes.LongType).add("amount", DataTypes.DoubleType).add("name", DataTypes.StringType)
        .add("code", DataTypes.IntegerType).add("ts", DataTypes.TimestampType).add("flag", DataTypes.BooleanType)
        .add("blank", DataTypes.DoubleType);

    static List<Row> rows() {
        Timestamp latest = Timestamp.from(Instant.parse("2026-03-01T12:30:00.000001Z"));
        Timestamp old = Timestamp.from(Instant.parse("2026-02-01T00:00:00Z"));
        return List.of(
            RowFactory.create(1L, Double.NaN, "ab", 10, latest, null, null),
            RowFactory.create(1L, -5.0, "\uD83D\uDE00\uD83D\uDE00", 9, null, true, null),
            RowFactory.create(2L, 10.0, "abc", 100, old, false, null),
            RowFactory.create(3L, 100.0, null, -5, old, true, null),
            RowFactory.create(4L, 9.0, "Zo\u00EB", 9, old, null, null),
            RowFactory.create(5L, null, "ab", 100, old, false, null),
            RowFactory.create(6L, Double.NaN, "xyz", 10, old, true, null),
            RowFactory.create(7L, 1.0, "ok", -5, old, true, null),
            RowFactory.create(8L, 1.0, "ok", -5, old, true, null));
    }

    private Path write(String name, String format, List<Row> rows, StructType schema) {
        SparkSession spark = TestSpark.session();
        Path out = tmp.resolve(name + "." + format);
        Dataset<Row> df = spark.createDataFrame(rows, schema).coalesce(1);
        (format.equals("csv") ? df.write().option("header", "true").option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX") : df.write()).mode("overwrite").format(format).save(out.toString());
        return out;
    }

    private Path rules(String format, String extra) throws IOException {
        Path data = write("data", format, rows(), SCHEMA);
        Path table = write("codes", "csv", List.of(RowFactory.create("10"), RowFactory.create("9"), RowFactory.create("-5")),
            new StructType().add("code", DataTypes.StringType));
        String y = "monitor: dq-traps\n"
            + "reference: {path: \"" + data + "\", format: " + format + "}\n"
            + "current: {path: \"" + data + "\", format: " + format + "}\n"
            + "columns: {numerical: [amount], categorical: [name]}\n"
            + "checks:\n  quality:\n"
            + "    - {column: amount, range: {min: -1e1, max: 50}}\n"
            + "    - {column: name, length: {min: 2, max: 2}}\n"
            + "    - {column: name, pattern: \"[a-z]+\"}\n"
            + "    - {column: code, allowed: [\"100\", -5]}\n"
            + "    - {column: id, unique: true, severity: warn}\n"
            + "    - {name: flagged_or_big, condition: \"flag OR code > 50\", mostly: 0.5}\n"
            + "    - {column: code, exists_in: {path: \"" + table + "\", column: code}}\n"
            + "    - {column: ts, freshness: {max_age_hours: 24}}\n"
            + "    - {column: blank, range: {min: 0}}\n" + extra;
        Path file = tmp.resolve("rules-" + format + ".yaml");
        Files.writeString(file, y);
        return file;
    }

    private DriftJob.Outcome run(Path rulesFile, String date) {
        RuleSet rules = RuleFileParser.parse(rulesFile);
        return new DriftJob(TestSpark.session(), line -> { }).run(rules, CheckCatalog.checksFor(rules),
            new DriftJob.Inputs(rules.reference(), rules.current(), date, tmp.resolve("reports")),
            ActionPlan.of(rules, List.of(), true, Map.of()));
    }

    private JsonNode quality(Path rulesFile) throws IOException {
        return new ObjectMapper().readTree(run(rulesFile, "2026-03-01").reportJson().toFile());
    }

    private static JsonNode item(JsonNode report, String name) {
        for (JsonNode q : report.get("quality")) {
            if (q.get("name").asText().equals(name)) {
                return q;
            }
        }
        throw new AssertionError("no constraint " + name + " in " + report.get("quality"));
    }

    private static void counts(JsonNode report, String name, long checked, long failed, String samples, String status) {
        JsonNode q = item(report, name);
        for (String side : List.of("reference", "current")) {
            JsonNode s = q.get(side);
            assertEquals(9, s.get("rows").asLong(), name + " rows");
            assertEquals(checked, s.get("checked").asLong(), name + " checked");
            assertEquals(failed, s.get("failed").asLong(), name + " failed");
            if (checked == 0) {
                assertTrue(s.get("failed_share").isNull(), name + ": nothing checked, no share");
            } else {
                assertEquals((double) failed / checked, s.get("failed_share").asDouble(), 1e-15, name + " share");
            }
            if (samples != null) {
                assertEquals(samples, s.get("samples").toString(), name + " samples");
            }
        }
        assertEquals(status, q.get("status").asText(), name + ": " + q.get("message").asText());
    }

    @Test
    void theTrapsGiveTheDefinitionsAnswersOnEveryPath() throws IOException {
        JsonNode csv = quality(rules("csv", ""));
        JsonNode parquet = quality(rules("parquet", ""));
        SparkSession spark = TestSpark.session();
        spark.conf().set(PartitionFold.COLUMNAR_SETTING, "false");
        JsonNode rowsPath;
        try {
            rowsPath = quality(rules("parquet", ""));
        } finally {
            spark.conf().unset(PartitionFold.COLUMNAR_SETTING);
        }
        for (JsonNode r : List.of(csv, parquet, rowsPath)) {
            counts(r, "amount_range", 8, 3, "[\"NaN\",100.0]", "fail");
            counts(r, "name_length", 8, 3, "[\"Zoë\",\"abc\",\"xyz\"]", "fail");
            counts(r, "name_pattern", 8, 2, "[\"Zoë\",\"\uD83D\uDE00\uD83D\uDE00\"]", "fail");
            counts(r, "code_allowed", 9, 4, "[10,9]", "fail");
            counts(r, "id_unique", 9, 2, "[1]", "warn");
            counts(r, "flagged_or_big", 9, 2, null, "ok");
            counts(r, "code_exists_in", 9, 2, "[100]", "fail");
            counts(r, "blank_range", 0, 0, "[]", "ok");
            JsonNode unique = item(r, "id_unique").get("current");
            assertEquals(8, unique.get("distinct").asLong());
            assertEquals(1, unique.get("duplicated_values").asLong());
            JsonNode rowsFailing = item(r, "flagged_or_big").get("current").get("samples");
            assertEquals(2, rowsFailing.size());
            for (JsonNode row : rowsFailing) {
                assertTrue(row.get("flag").isNull(), "NULL OR false is not true: " + row);
                assertTrue(List.of(10, 9).contains(row.get("code").asInt()), row.toString());
                assertEquals(2, row.size(), "keyed by the columns the expression names: " + row);
            }
            JsonNode fresh = item(r, "ts_freshness");
            assertEquals("2026-03-01T12:30:00.000001Z", fresh.get("current").get("max").asText());
            assertEquals(8, fresh.get("current").get("checked").asLong());
            assertEquals(41_399_999_999L / 3.6e9, fresh.get("current").get("age_hours").asDouble(), 1e-12);
            assertFalse(fresh.get("current").has("failed"));
            assertEquals("ok", fresh.get("status").asText());
            assertEquals(7, r.get("quality_rows").get("current").asLong(), "every row but the two clean ones fails something");
            assertEquals(7, r.get("quality_rows").get("reference").asLong());
        }
        assertEquals(parquet.get("quality").toString(), rowsPath.get("quality").toString(), "column batches and rows agree");
    }

    @Test
    void valuesTooManyToHoldGiveTheSameAnswersByAggregation() throws IOException {
        JsonNode held = quality(rules("parquet", ""));
        SparkSession spark = TestSpark.session();
        spark.conf().set(org.driftwatch.profile.quality.QualityMeasurement.HELD_VALUES, "1");
        spark.conf().set(org.driftwatch.profile.quality.QualityPlan.KEPT_FAILING_VALUES, "1");
        JsonNode aggregated;
        try {
            aggregated = quality(rules("parquet", ""));
        } finally {
            spark.conf().unset(org.driftwatch.profile.quality.QualityMeasurement.HELD_VALUES);
            spark.conf().unset(org.driftwatch.profile.quality.QualityPlan.KEPT_FAILING_VALUES);
        }
        for (String name : List.of("amount_range", "name_length", "name_pattern", "code_allowed", "id_unique", "code_exists_in")) {
            assertEquals(item(held, name).toString(), item(aggregated, name).toString(), name
                + ": the referenced values, unique candidates and failing values held or aggregated give one answer");
        }
        assertEquals(held.get("quality_rows").toString(), aggregated.get("quality_rows").toString());
    }

    @Test
    void aStaleNightFailsFreshnessAndTheReportShowsIt() throws IOException {
        DriftJob.Outcome out = run(rules("parquet", ""), "2026-03-03");
        JsonNode fresh = item(new ObjectMapper().readTree(out.reportJson().toFile()), "ts_freshness");
        assertEquals(59.499999999722, fresh.get("current").get("age_hours").asDouble(), 1e-9);
        assertEquals("fail", fresh.get("status").asText());
        String html = Files.readString(out.reportHtml());
        assertTrue(html.contains("Data quality"), "the page has the section");
        assertTrue(html.contains("Zo\u00EB") || html.contains("Zo&#235;") || html.contains("Zo&euml;"), "failing values are shown");
        String csv = Files.readString(out.reportJson().resolveSibling("summary.csv"));
        assertTrue(csv.contains("ts_freshness,quality,freshness,fail"), csv);
    }

    @Test
    void failingValuesAreEscapedOnThePageAndNeutralisedInTheSpreadsheet() throws IOException {
        List<Row> hostile = List.of(
            RowFactory.create(1L, 1.0, "=HYPERLINK(\"http://x\")", 10, null, true, null),
            RowFactory.create(2L, 1.0, "<script>alert(1)</script>", 10, null, true, null));
        Path data = write("hostile", "parquet", hostile, SCHEMA);
        Path file = tmp.resolve("hostile.yaml");
        Files.writeString(file, "monitor: dq-hostile\nreference: {path: \"" + data + "\"}\ncurrent: {path: \"" + data + "\"}\n"
            + "columns: {numerical: [amount]}\nchecks:\n  quality:\n    - {column: name, pattern: \"[a-z]+\"}\n");
        DriftJob.Outcome out = run(file, "2026-03-01");
        String html = Files.readString(out.reportHtml());
        assertFalse(html.contains("<script>alert(1)</script>"), "a failing value is text on the page, never markup");
        assertTrue(html.contains("&lt;script&gt;"), "and it is shown");
        String csv = Files.readString(out.reportJson().resolveSibling("summary.csv"));
        assertFalse(csv.contains(",=HYPERLINK") || csv.contains("\n=HYPERLINK") || csv.contains("\"=HYPERLINK"), csv);
        JsonNode samples = item(new ObjectMapper().readTree(out.reportJson().toFile()), "name_pattern").get("current").get("samples");
        assertEquals(2, samples.size(), "report.json keeps the values as they are");
    }

    @Test
    void failingRowsAreKeptAndARerunReplacesThem() throws IOException {
        Path target = tmp.resolve("quarantine");
        Path file = rules("parquet", "actions:\n  quarantine: {path: \"" + target + "/{monitor}/{date}\", format: parquet}\n");
        for (int night = 0; night < 2; night++) {
            DriftJob.Outcome out = run(file, "2026-03-01");
            JsonNode actions = new ObjectMapper().readTree(out.reportJson().toFile()).get("actions");
            assertEquals("quarantine", actions.get(0).get("action").asText(), actions.toString());
            assertEquals("written", actions.get(0).get("outcome").asText(), actions.toString());
        }
        Dataset<Row> kept = TestSpark.session().read().parquet(target.resolve("dq-traps/2026-03-01").toString());
        assertEquals(7, kept.count(), "the rerun replaced the first night's rows instead of adding to them");
        List<String> failedOfId3 = kept.where("id = 3").collectAsList().get(0).getList(kept.schema().fieldIndex("_failed_constraints"));
        assertEquals(List.of("amount_range"), new ArrayList<>(failedOfId3), "row id 3 fails the range (100.0) only: its name is null");
        try (var names = Files.list(target.resolve("dq-traps"))) {
            assertEquals(List.of("2026-03-01"), names.map(p -> p.getFileName().toString()).toList(), "no temporary folder left behind");
        }
    }

    @Test
    void failedSharesGoToTheHistoryAndTheTrend() throws IOException {
        Path file = rules("parquet", "");
        run(file, "2026-03-01");
        DriftJob.Outcome second = run(file, "2026-03-02");
        Dataset<Row> history = TestSpark.session().read().parquet(tmp.resolve("reports/_history").toString());
        List<Row> shares = history.where("`column` = '_quality:amount_range' AND metric = 'failed_share'").collectAsList();
        assertEquals(2, shares.size(), "one row per night");
        assertEquals(3.0 / 8, shares.get(0).getDouble(shares.get(0).fieldIndex("value")), 1e-15);
        String html = Files.readString(second.reportHtml());
        assertTrue(html.contains("last 2 nights: 37.50 % → 37.50 %"), "the page shows the constraint's last nights");
    }

    @Test
    void aSavedProfileKeepsTheReferenceMeasures() throws IOException {
        Path file = rules("parquet", "");
        JsonNode raw = quality(file);
        Path profile = tmp.resolve("profile.json");
        RuleSet rules = RuleFileParser.parse(file);
        new DriftJob(TestSpark.session(), line -> { }).writeProfile(rules, CheckCatalog.checksFor(rules), rules.reference(), profile);
        assertTrue(Files.readString(profile).contains("\"quality\""));
        JsonNode against = new ObjectMapper().readTree(new DriftJob(TestSpark.session(), line -> { }).run(rules, CheckCatalog.checksFor(rules),
            new DriftJob.Inputs(rules.reference(), rules.current(), "2026-03-01", tmp.resolve("saved"), profile)).reportJson().toFile());
        for (int i = 0; i < raw.get("quality").size(); i++) {
            assertEquals(raw.get("quality").get(i).get("reference").toString(), against.get("quality").get(i).get("reference").toString());
            assertEquals(raw.get("quality").get(i).get("status").asText(), against.get("quality").get(i).get("status").asText());
        }
        assertEquals(raw.get("quality_rows").toString(), against.get("quality_rows").toString());
    }
}
