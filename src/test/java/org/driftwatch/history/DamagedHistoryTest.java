package org.driftwatch.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.driftwatch.CliRun;
import org.driftwatch.GoldenCase;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metrics history that is damaged or cannot be written must not stop a monitor: the run goes on without
 * the unreadable nights (named in report.json), {@code history} lists them and {@code --drop} clears one;
 * an unwritable history folder is found before Spark starts, and a write that fails at the end is exit 6.
 */
class DamagedHistoryTest {
    @TempDir
    Path dir;
    private Path rules;
    private Path out;

    @BeforeEach
    void rules() throws Exception {
        GoldenCase g = GoldenCase.load("synthetic_injected_drift");
        rules = dir.resolve("m.yaml");
        out = dir.resolve("out");
        Files.writeString(rules, "monitor: m\nreference: {path: \"" + g.file("reference", "csv") + "\"}\n"
            + "current: {path: \"" + g.file("current", "csv") + "\"}\n"
            + "columns: {numerical: [x_stable, x_shift], categorical: [cat_drift]}\n"
            + "actions: {retrain: {consecutive: 3}}\n");
    }

    private CliRun run(String date) {
        return CliRun.of("run", "--rules", rules.toString(), "--date", date, "--out", out.toString());
    }

    private Path partFile(String date) throws Exception {
        try (Stream<Path> files = Files.list(out.resolve("_history/monitor=m/date=" + date))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }

    /** As a copy by another tool would leave it: Hadoop's checksum files do not vouch for the file. */
    private void dropChecksums(String date) throws Exception {
        try (Stream<Path> files = Files.list(out.resolve("_history/monitor=m/date=" + date))) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".crc")).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void damagedNightsAreLeftOutNamedListedAndDroppable() throws Exception {
        for (String d : List.of("2026-10-01", "2026-10-02", "2026-10-03")) {
            assertEquals(0, run(d).exitCode());
        }
        Path truncated = partFile("2026-10-02");
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        dropChecksums("2026-10-02");
        // night 3 replaced by a file of another schema: value as text
        Path foreign = dir.resolve("foreign");
        TestSpark.session().sql("SELECT 'x_shift' AS `column`, 'psi' AS metric, 'high' AS value, CAST(NULL AS STRING) AS text")
            .coalesce(1).write().parquet(foreign.toString());
        Path night3 = partFile("2026-10-03");
        try (Stream<Path> files = Files.list(foreign)) {
            Files.copy(files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(), night3,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        dropChecksums("2026-10-03");

        CliRun tonight = run("2026-10-04");
        assertEquals(0, tonight.exitCode(), tonight.err());
        assertFalse(tonight.hasStackTrace(), tonight.err());
        assertTrue(tonight.err().contains("warning: metrics history night 2026-10-02 of m could not be read and is left out"), tonight.err());
        assertTrue(tonight.err().contains("driftwatch history --drop 2026-10-03"), tonight.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("m/2026-10-04/report.json").toFile());
        JsonNode history = report.get("history");
        assertEquals(1, history.get("nights_read").asInt(), "night 1 only");
        assertEquals(List.of("2026-10-02", "2026-10-03"), history.get("unreadable_nights").findValuesAsText("date"));
        assertTrue(history.get("unreadable_nights").get(0).get("reason").asText().contains("part-"), "names the file");
        assertTrue(history.get("written").asBoolean());
        // the look-back says what it could read: the breaching run stops at the unreadable night
        String lookBack = report.get("decision").get("reasons").get(0).get("message").asText();
        assertTrue(lookBack.contains("1st of 3 required nights") && lookBack.contains("1 of 3 earlier nights could be read"), lookBack);

        CliRun listed = CliRun.of("history", "--rules", rules.toString(), "--out", out.toString(), "--column", "_run", "--metric", "verdict",
            "--format", "csv");
        assertEquals(0, listed.exitCode(), listed.err());
        assertEquals(List.of("date,column,metric,value,text", "2026-10-01,_run,verdict,,alert", "2026-10-04,_run,verdict,,alert"),
            listed.out().lines().toList());
        assertTrue(listed.err().contains("warning: night 2026-10-02 could not be read"), listed.err());

        assertEquals(0, CliRun.of("history", "--rules", rules.toString(), "--out", out.toString(), "--drop", "2026-10-02").exitCode());
        assertEquals(0, CliRun.of("history", "--rules", rules.toString(), "--out", out.toString(), "--drop", "2026-10-03").exitCode());
        CliRun clean = CliRun.of("history", "--rules", rules.toString(), "--out", out.toString(), "--column", "_run", "--metric", "verdict");
        assertFalse(clean.err().contains("warning"), clean.err());
        CliRun again = CliRun.of("history", "--rules", rules.toString(), "--out", out.toString(), "--drop", "2026-10-02");
        assertEquals(2, again.exitCode());
        assertEquals("driftwatch: error: --drop 2026-10-02: m has no night 2026-10-02 in " + out.resolve("_history"), again.errorLine());
        CliRun typo = CliRun.of("history", "--rules", rules.toString(), "--out", out.toString(), "--column", "x_shfit");
        assertEquals(2, typo.exitCode(), "a typo in --column is not an empty history");
        assertTrue(typo.errorLine().contains("--column x_shfit"), typo.err());
    }

    @Test
    void anUnwritableHistoryFolderIsFoundBeforeSparkStarts() throws Exception {
        Files.createDirectories(out);
        Files.writeString(out.resolve("_history"), "not a folder");
        CliRun r = run("2026-10-01");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("driftwatch: error: metrics history folder " + out.toAbsolutePath().resolve("_history/monitor=m")
            + " cannot be created: " + out.toAbsolutePath().resolve("_history") + " is a file", r.errorLine());
        assertFalse(r.err().contains("starting Spark"), "before Spark starts");
        assertFalse(Files.exists(out.resolve("m")), "no work done");
    }

    @Test
    void aHistoryWriteThatFailsAtTheEndIsAWarningInTheReportAndExit6() throws Exception {
        // a catalog table in a database that does not exist: only the write at the end can find out
        CliRun r = CliRun.of("run", "--rules", rules.toString(), "--date", "2026-10-01", "--out", out.toString(),
            "--history-table", "no_such_db_dw.metrics");
        assertEquals(6, r.exitCode(), r.err());
        assertFalse(r.hasStackTrace(), r.err());
        assertTrue(r.errorLine().startsWith("driftwatch: error: tonight's rows were not written to the metrics history at table no_such_db_dw.metrics"),
            r.err());
        JsonNode history = new ObjectMapper().readTree(out.resolve("m/2026-10-01/report.json").toFile()).get("history");
        assertFalse(history.get("written").asBoolean());
        assertTrue(history.get("write_error").asText().contains("no_such_db_dw"), history.toString());
        assertTrue(Files.exists(out.resolve("m/2026-10-01/report.html")), "the reports were written");
    }
}
