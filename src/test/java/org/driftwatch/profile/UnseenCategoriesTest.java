package org.driftwatch.profile;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.driftwatch.CliRun;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New values are found above max_categories, where the category table folds: exactly counted before the
 * folding, named, and a schema finding (failing above schema.max_unseen_share). Both paths: categories a
 * scan counts (1,500) and more than a scan counts (250,000, counted in Spark).
 */
class UnseenCategoriesTest {
    @TempDir
    Path dir;

    private JsonNode run(long rows, long distinct, double newShare, String checks) throws Exception {
        SparkSession spark = TestSpark.session();
        Column value = concat(lit("v"), col("id").mod(distinct).cast("string"));
        spark.range(rows).select(col("id"), value.as("cat")).write().parquet(dir.resolve("ref.parquet").toString());
        // newShare of the current rows are NEWCAT (1,500 case) or values never in the reference (250,000 case)
        Column fresh = distinct > 100_000 ? concat(lit("w"), col("id").cast("string")) : lit("NEWCAT");
        spark.range(rows).select(col("id"), when(col("id").mod(100).lt(newShare * 100), fresh).otherwise(value).as("cat"))
            .write().parquet(dir.resolve("cur.parquet").toString());
        Path rules = dir.resolve("u.yaml");
        Files.writeString(rules, "monitor: unseen\nreference: {path: \"" + dir.resolve("ref.parquet") + "\"}\ncurrent: {path: \""
            + dir.resolve("cur.parquet") + "\"}\ncolumns: {categorical: [cat]}\n" + checks);
        CliRun r = CliRun.of("run", "--rules", rules.toString(), "--out", dir.resolve("out").toString(), "--date", "2026-11-26");
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(dir.resolve("out/unseen/2026-11-26/report.json").toFile());
    }

    private static JsonNode schemaFinding(JsonNode report) {
        for (JsonNode f : report.get("checks")) {
            if (f.get("name").asText().equals("schema") && "cat".equals(f.get("column").asText())) {
                return f;
            }
        }
        throw new AssertionError("no schema finding for cat: " + report.get("checks"));
    }

    @Test
    void aNewValueAmongManyCategoriesIsNamedAndCounted() throws Exception {
        JsonNode report = run(30_000, 1_500, 0.30, "checks:\n  schema: {max_unseen_share: 0.1}\n");
        JsonNode cat = report.get("columns").get("cat");
        assertTrue(cat.get("categories_folded").asBoolean());
        assertEquals("[\"NEWCAT\"]", cat.get("unseen_categories").toString());
        assertEquals(9_000, cat.get("unseen").get("rows").asLong());
        assertEquals(0.3, cat.get("unseen").get("share").asDouble(), 1e-12);
        assertEquals(1, cat.get("unseen").get("distinct").asLong());
        assertTrue(cat.get("shares").get("current").has("NEWCAT"), "kept as its own category, not folded away");
        JsonNode f = schemaFinding(report);
        assertEquals("fail", f.get("status").asText());
        assertTrue(f.get("message").asText().contains("NEWCAT (30.0%)"), f.toString());
        assertTrue(cat.get("psi").asDouble() > 0.25, "the new value moves PSI: " + cat.get("psi"));
    }

    @Test
    void halfTheValuesNewAmongAQuarterMillionIsFound() throws Exception {
        JsonNode report = run(250_000, 250_000, 0.5, "");
        JsonNode cat = report.get("columns").get("cat");
        assertEquals(125_000, cat.get("unseen").get("rows").asLong());
        assertEquals(125_000, cat.get("unseen").get("distinct").asLong());
        assertEquals(0.5, cat.get("unseen").get("share").asDouble(), 1e-12);
        assertEquals(10, cat.get("unseen").get("top").size());
        assertEquals(10, cat.get("unseen_categories").size());
        JsonNode f = schemaFinding(report);
        assertEquals("warn", f.get("status").asText());
        assertTrue(f.get("message").asText().startsWith("125000 values not seen in the reference hold 50.0% of the current values"), f.toString());
        assertTrue(!"ok".equals(report.get("status").asText()));
    }
}
