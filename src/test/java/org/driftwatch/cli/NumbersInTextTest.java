package org.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.driftwatch.CliRun;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV numbers that schema inference leaves as text: pandas' and Spark's spellings of NaN and ±∞ and an
 * all-empty column, listed under columns.numerical, are numbers (NaN and ±∞ counted apart, an empty column
 * has no values); a word among the numbers is one line naming the column and the value, exit 3.
 */
class NumbersInTextTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    private static Path csv(String name, String lastValue) throws Exception {
        StringBuilder b = new StringBuilder("x,spelled,empty\n");
        String[] odd = {"nan", "inf", "-inf", "Infinity", "-Infinity", "NaN", "+inf"};
        for (int i = 0; i < 60; i++) {
            b.append(i).append(',').append(i < odd.length ? odd[i] : String.valueOf(i / 2.0)).append(",\n");
        }
        b.append(60).append(',').append(lastValue).append(",\n");
        Path f = dir.resolve(name);
        Files.writeString(f, b);
        return f;
    }

    private static CliRun run(Path reference, Path current, String monitor) throws Exception {
        Path rules = dir.resolve(monitor + ".yaml");
        Files.writeString(rules, "monitor: " + monitor + "\nreference: {path: \"" + reference + "\"}\ncurrent: {path: \"" + current
            + "\"}\ncolumns: {numerical: [x, spelled, empty]}\n");
        return CliRun.of("run", "--rules", rules.toString(), "--out", dir.resolve("out").toString(), "--date", "2026-11-26");
    }

    @Test
    void spelledNonFiniteValuesAndEmptyColumnsAreNumbers() throws Exception {
        Path good = csv("good.csv", "7.5");
        CliRun r = run(good, good, "spelled");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/spelled/2026-11-26/report.json").toFile());
        JsonNode spelled = report.get("columns").get("spelled");
        assertEquals("numerical", spelled.get("type").asText());
        assertEquals(2, spelled.get("reference").get("nan_count").asLong());
        assertEquals(5, spelled.get("reference").get("infinite_count").asLong());
        assertEquals(54, spelled.get("reference").get("count").asLong());
        assertEquals(0, spelled.get("reference").get("null_count").asLong());
        assertEquals(0.0, spelled.get("reference").get("null_share").asDouble(), "null_share counts nulls only, as null_count");
        JsonNode empty = report.get("columns").get("empty");
        assertEquals("numerical", empty.get("type").asText());
        assertEquals(0, empty.get("reference").get("count").asLong());
        assertEquals(61, empty.get("reference").get("null_count").asLong());
        assertTrue(empty.get("notes").toString().contains("insufficient data"), empty.toString());
    }

    @Test
    void aWordAmongTheNumbersIsOneLineNamingColumnAndValue() throws Exception {
        CliRun r = run(csv("ref.csv", "7.5"), csv("bad.csv", "n/a"), "worded");
        assertEquals(3, r.exitCode(), r.err());
        assertFalse(r.hasStackTrace(), r.err());
        assertEquals("driftwatch: error: current column 'spelled' in " + dir.resolve("bad.csv")
            + " holds 'n/a', which is not a number: list it under columns.categorical, or fix the data", r.errorLine());
    }
}
