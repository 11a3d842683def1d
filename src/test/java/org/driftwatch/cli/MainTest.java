package org.driftwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.driftwatch.CliRun;
import org.driftwatch.GoldenCase;
import org.driftwatch.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users meet it: exit codes, one-line errors, no stack traces for their mistakes. */
class MainTest {
    @TempDir
    Path tmp;

    static Path seattle;

    @BeforeAll
    static void spark() {
        TestSpark.session();
        seattle = GoldenCase.load("seattle_2012_vs_2015").dir();
    }

    private Path rules(String yaml) throws IOException {
        Path f = tmp.resolve("rules.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private String seattleRules(String columns) {
        return "monitor: seattle\n"
            + "reference: {path: \"" + seattle.resolve("reference.csv") + "\", format: csv}\n"
            + "current: {path: \"" + seattle.resolve("current.csv") + "\", format: csv}\n"
            + columns;
    }

    private CliRun run(Path rules, String... extra) {
        String[] args = new String[5 + extra.length];
        args[0] = "run";
        args[1] = "--rules";
        args[2] = rules.toString();
        args[3] = "--out";
        args[4] = tmp.resolve("out").toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        return CliRun.of(args);
    }

    private static void assertUserError(CliRun r, int code, String... fragments) {
        assertEquals(code, r.exitCode(), r.err());
        for (String f : fragments) {
            assertTrue(r.errorLine().contains(f), "error line '" + r.errorLine() + "' should contain '" + f + "'");
        }
        assertFalse(r.hasStackTrace(), "no stack trace for a user mistake:\n" + r.err());
    }

    @Test
    void runWritesReportAndSaysWhere() throws IOException {
        CliRun r = run(rules(seattleRules("columns: {numerical: [temp_max, wind], id: date, label: weather}\n")), "--date", "2026-01-02");
        assertEquals(0, r.exitCode(), r.err());
        Path report = tmp.resolve("out/seattle/2026-01-02/report.json");
        assertTrue(r.err().contains("reports written to " + report.getParent() + " (report.json, report.html, summary.csv)"), r.err());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(1, json.get("schema_version").asInt());
        assertEquals("2026-01-02", json.get("date").asText());
        assertEquals("fail", json.get("status").asText(), "label PSI 0.84 fails");
        assertTrue(json.get("run").get("spark_jobs").asInt() > 0);
        try (var files = Files.list(report.getParent())) {
            assertEquals(List.of("report.html", "report.json", "summary.csv"),
                files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file left behind");
        }
    }

    @Test
    void rerunKeepsTheEarlierReport() throws IOException {
        Path rules = rules(seattleRules("columns: {numerical: [wind]}\n"));
        assertEquals(0, run(rules, "--date", "2026-01-03").exitCode());
        assertEquals(0, run(rules, "--date", "2026-01-03").exitCode());
        try (var files = Files.list(tmp.resolve("out/seattle/2026-01-03"))) {
            assertEquals(2, files.filter(f -> f.getFileName().toString().matches("report(\\.\\d{8}T\\d{6})?\\.json")).count(),
                "the new report.json and the earlier one, kept as report.<timestamp>.json");
        }
    }

    @Test
    void inferredColumnsAreSaidToBeInferred() throws IOException {
        CliRun r = run(rules(seattleRules("columns: {id: date, label: weather}\n")), "--date", "2026-01-04");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("out/seattle/2026-01-04/report.json").toFile());
        assertTrue(json.get("columns_inferred").asBoolean());
        assertEquals(5, json.get("columns").size(), "4 numeric features and the label");
    }

    @Test
    void missingDataFileIsBadInput() throws IOException {
        Path rules = rules("monitor: m\nreference: {path: " + tmp.resolve("nope.parquet") + "}\ncurrent: {path: " + tmp.resolve("nope2.parquet") + "}\n");
        assertUserError(run(rules), ExitCode.BAD_DATA, "reference data not found", "nope.parquet");
    }

    @Test
    void emptyDatasetIsBadInput() throws IOException {
        Path empty = tmp.resolve("empty.csv");
        Files.writeString(empty, "date,precipitation,temp_max,temp_min,wind,weather\n");
        Path rules = rules("monitor: m\nreference: {path: \"" + seattle.resolve("reference.csv") + "\"}\ncurrent: {path: \"" + empty + "\"}\n"
            + "columns: {numerical: [wind]}\n");
        assertUserError(run(rules), ExitCode.BAD_DATA, "current data", empty.toString(), "no rows");
    }

    @Test
    void ruleNamingMissingColumnIsBadRules() throws IOException {
        assertUserError(run(rules(seattleRules("columns: {numerical: [temp_mx]}\n"))), ExitCode.BAD_RULES,
            "columns.numerical names column 'temp_mx'", "did you mean 'temp_max'?");
    }

    @Test
    void unknownKeyIsBadRulesWithPositionAndSuggestion() throws IOException {
        Path rules = rules(seattleRules("checks:\n  psi: {bin: 10}\n"));
        assertUserError(run(rules), ExitCode.BAD_RULES, rules + ":5:9", "unknown key 'bin' under checks.psi", "did you mean 'bins'?");
    }

    @Test
    void stringColumnListedAsNumericalIsBadDataNamingAValue() throws IOException {
        // a CSV column typed string may hold numbers spelled as text (nan, inf): the first word that is no number stops the run
        assertUserError(run(rules(seattleRules("columns: {numerical: [weather]}\n"))), ExitCode.BAD_DATA,
            "reference column 'weather'", "holds 'drizzle', which is not a number", "columns.categorical");
    }

    @Test
    void allNullAndConstantColumnsAreReportedNotFailed() throws IOException {
        Path ref = tmp.resolve("ref.csv");
        Path cur = tmp.resolve("cur.csv");
        StringBuilder a = new StringBuilder("empty,constant,x\n");
        StringBuilder b = new StringBuilder("empty,constant,x\n");
        for (int i = 0; i < 100; i++) {
            a.append(",7,").append(i).append('\n');
            b.append(",7,").append(i + 5).append('\n');
        }
        Files.writeString(ref, a);
        Files.writeString(cur, b);
        Path rules = rules("monitor: m\nreference: {path: \"" + ref + "\"}\ncurrent: {path: \"" + cur + "\"}\n"
            + "columns: {numerical: [constant, x], categorical: [empty]}\n");
        CliRun r = run(rules, "--date", "2026-01-05");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode cols = new ObjectMapper().readTree(tmp.resolve("out/m/2026-01-05/report.json").toFile()).get("columns");
        assertEquals(0.0, cols.get("constant").get("psi").asDouble());
        assertEquals(0.0, cols.get("constant").get("ks").get("statistic").asDouble());
        assertEquals(0.0, cols.get("constant").get("wasserstein_normed").asDouble());
        assertTrue(cols.get("empty").get("psi").isNull(), "all-null column has no PSI");
        assertEquals(100, cols.get("empty").get("reference").get("null_count").asLong());
        assertTrue(cols.get("empty").get("notes").get(0).asText().startsWith("insufficient data"));
        assertEquals("none", cols.get("empty").get("drift").get("test").asText());
    }

    @Test
    void validateChecksRulesWithoutSpark() throws IOException {
        CliRun ok = CliRun.of("validate", "--rules", rules(seattleRules("checks: {psi: {bins: 20}}\n")).toString());
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("ok (monitor seattle"), ok.out());
        CliRun bad = CliRun.of("validate", "--rules", rules(seattleRules("checks: {psy: {}}\n")).toString());
        assertUserError(bad, ExitCode.BAD_RULES, "unknown check 'psy'", "did you mean 'psi'?");
    }

    /** Mistakes that passed silently (#30 item 12): each is one line naming the key, with its exit code. */
    @Test
    void mistakesThatPassedSilentlyAreOneLine() throws IOException {
        CliRun missing = CliRun.of("validate", "--rules", rules(seattleRules("").replace("current.csv", "currnet.csv")).toString());
        assertUserError(missing, ExitCode.BAD_DATA, "current data not found: " + seattle.resolve("currnet.csv"));

        CliRun typo = run(rules(seattleRules("columns: {numerical: [temp_max, wind], id: date}\nchecks: {nulls: {required: [tempmax]}}\n")));
        assertUserError(typo, ExitCode.BAD_RULES, "checks.nulls.required names column 'tempmax', which the reference data does not have",
            "did you mean 'temp_max'?");
        CliRun leakageKey = run(rules(seattleRules("columns: {numerical: [temp_max, wind]}\nchecks: {leakage: {key: dat}}\n")));
        assertUserError(leakageKey, ExitCode.BAD_RULES, "checks.leakage.key names column 'dat'");
        CliRun uncompared = run(rules(seattleRules("columns: {numerical: [temp_max], id: date}\nchecks: {nulls: {required: [wind]}}\n")));
        assertUserError(uncompared, ExitCode.BAD_RULES, "checks.nulls.required: 'wind' is not a compared column");

        // the id is counted though not compared: a null id fails the required check (and holds retraining)
        List<String> lines = Files.readAllLines(seattle.resolve("current.csv"));
        lines.set(5, lines.get(5).replaceFirst("^[^,]*", ""));
        Path current = tmp.resolve("null-id.csv");
        Files.write(current, lines);
        CliRun id = run(rules(seattleRules("columns: {numerical: [temp_max, wind], id: date}\nchecks: {nulls: {required: [date]}}\n")
            .replace(seattle.resolve("current.csv").toString(), current.toString())), "--date", "2026-11-26");
        assertEquals(0, id.exitCode(), id.err());
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("out/seattle/2026-11-26/report.json").toFile());
        boolean failed = false;
        for (JsonNode c : report.get("checks")) {
            failed |= c.get("name").asText().equals("nulls") && c.get("column").asText().equals("date") && c.get("status").asText().equals("fail")
                && c.get("message").asText().equals("1 null value in required column");
        }
        assertTrue(failed, report.get("checks").toString());
        assertTrue(report.get("decision").get("data_unfit").asBoolean());
    }

    @Test
    void badUsageExitsTwo() {
        CliRun r = CliRun.of("run");
        assertEquals(ExitCode.BAD_RULES, r.exitCode());
        assertTrue(r.err().contains("--rules"), r.err());
        assertEquals(ExitCode.BAD_RULES, CliRun.of("run", "--rules", "x.yaml", "--date", "26/11/2026").exitCode());
    }

    /** Without a command every command is named (#31 item 13); the help's exit codes are one per line, with 6. */
    @Test
    void noCommandNamesEveryCommand() {
        CliRun r = CliRun.of();
        assertEquals(ExitCode.BAD_RULES, r.exitCode());
        assertTrue(r.err().contains("missing command: one of run, profile, history, backfill, calibrate, validate, generate, benchmark"), r.err());
        CliRun help = CliRun.of("--help");
        assertTrue(help.out().contains("  6  ran, but the metrics history was not written"), help.out());
        assertFalse((help.out() + help.err()).contains("WARN"), "no picocli warning (an unescaped % in a description)");
        CliRun benchmark = CliRun.of("benchmark", "--help");
        String words = benchmark.out().replaceAll("\\s+", " ");
        for (String description : List.of("Numerical columns of the generated data", "Categorical columns of the generated data",
            "Numerical columns of the wide case")) {
            assertTrue(words.contains(description), description + " in: " + benchmark.out());
        }
    }

    @Test
    void versionAndHelp() {
        assertTrue(CliRun.of("--version").out().startsWith("driftwatch "));
        CliRun help = CliRun.of("run", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--reference"));
    }

    @Test
    void anEmptyOrHeaderOnlyFileIsBadDataNamingTheFile() throws IOException {
        Path empty = tmp.resolve("empty.csv");
        Files.writeString(empty, "");
        Path header = tmp.resolve("header-only.csv");
        Files.writeString(header, "date,precipitation,temp_max,temp_min,wind,weather\n");
        String columns = "columns: {numerical: [temp_max, wind], label: weather}\n";
        String current = "current: {path: \"" + seattle.resolve("current.csv") + "\", format: csv}\n";
        CliRun noColumns = run(rules("monitor: e\nreference: {path: \"" + empty + "\", format: csv}\n" + current + columns));
        assertUserError(noColumns, ExitCode.BAD_DATA, empty.toString(), "no columns");
        CliRun noRows = run(rules("monitor: h\nreference: {path: \"" + header + "\", format: csv}\n" + current + columns));
        assertUserError(noRows, ExitCode.BAD_DATA, header.toString(), "no rows");
        CliRun noCurrentRows = run(rules("monitor: c\nreference: {path: \"" + seattle.resolve("reference.csv") + "\", format: csv}\n"
            + "current: {path: \"" + header + "\", format: csv}\n" + columns));
        assertUserError(noCurrentRows, ExitCode.BAD_DATA, "current data", header.toString(), "no rows");
    }

    @Test
    void theRunDateIsStrict() throws IOException {
        Path rules = rules(seattleRules("columns: {numerical: [wind]}\n"));
        for (String bad : new String[] {"+102026-11-20", "2026-1-20", "2026-02-30", "20261120", "2026-11-20T00:00"}) {
            assertUserError(run(rules, "--date", bad), ExitCode.BAD_RULES, "--date must be YYYY-MM-DD", bad);
        }
    }

    @Test
    void anUnwritableReportFolderIsFoundBeforeSparkStarts() throws IOException {
        Path file = tmp.resolve("not-a-folder");
        Files.writeString(file, "x");
        Path rules = rules(seattleRules("columns: {numerical: [wind]}\n"));
        CliRun r = CliRun.of("run", "--rules", rules.toString(), "--out", file.toString(), "--date", "2026-01-09");
        assertUserError(r, ExitCode.BAD_RULES, "report folder", file.toString(), "is a file");
        assertFalse(r.err().contains("starting Spark"), r.err());
        String longName = "m".repeat(300);
        CliRun tooLong = run(rules(seattleRules("columns: {numerical: [wind]}\n").replace("monitor: seattle", "monitor: " + longName)));
        assertUserError(tooLong, ExitCode.BAD_RULES, "monitor name is 300 characters, at most 200");
        assertFalse(tooLong.err().contains("starting Spark"), tooLong.err());
        assertEquals(ExitCode.BAD_RULES, CliRun.of("validate", "--rules", rules(seattleRules("columns: {numerical: [wind]}\n")
            .replace("monitor: seattle", "monitor: " + longName)).toString()).exitCode(), "validate refuses what run cannot write");
        Path deep = tmp.resolve("x".repeat(300));
        CliRun tooLongOut = CliRun.of("run", "--rules", rules(seattleRules("columns: {numerical: [wind]}\n")).toString(), "--out", deep.toString(), "--date", "2026-01-09");
        assertUserError(tooLongOut, ExitCode.BAD_RULES, "report folder", "longer than the file system allows");
    }

    @Test
    void unreadableFilesAreOneLineNamingTheFileAndTheRealCause() throws IOException {
        Path ragged = tmp.resolve("ragged.csv");
        Files.writeString(ragged, "a,b\n1,2\n3,4,5\n6,7\n");
        CliRun r = run(rules("monitor: r\nreference: {path: \"" + ragged + "\", format: csv}\ncurrent: {path: \"" + ragged
            + "\", format: csv}\ncolumns: {numerical: [a, b]}\n"));
        assertUserError(r, ExitCode.BAD_DATA, ragged.toString(), "Malformed CSV record: 3,4,5");
        assertFalse(r.errorLine().contains("SQLSTATE") || r.errorLine().contains("[MALFORMED"), r.errorLine());
        Path truncated = tmp.resolve("truncated.parquet");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(seattle.resolve("reference.parquet")), 300));
        CliRun t = run(rules("monitor: t\nreference: {path: \"" + truncated + "\", format: parquet}\ncurrent: {path: \"" + truncated
            + "\", format: parquet}\n"));
        assertUserError(t, ExitCode.BAD_DATA, truncated.toString(), "is not a Parquet file");
        assertFalse(t.errorLine().contains("Job aborted"), t.errorLine());
    }
}
