package org.driftwatch;

import static org.driftwatch.GoldenCase.assertClose;
import static org.driftwatch.GoldenCase.assertPValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole job on Spark (local) reproduces numpy/scipy's expected.json for every golden case, read
 * from CSV and from Parquet: counts exactly, bin edges and counts exactly, unseen categories and
 * leakage exactly, PSI/JS/Wasserstein/KS D to 1e-9 relative, p-values to 1e-4 relative.
 */
class DriftJobGoldenTest {
    @TempDir
    Path tmp;

    static Stream<String> names() {
        return GoldenCase.ALL.stream();
    }

    static Stream<Arguments> cases() {
        return GoldenCase.ALL.stream().flatMap(c -> Stream.of(Arguments.of(c, "csv"), Arguments.of(c, "parquet")));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void reportMatchesNumpyAndScipy(String name, String format) throws IOException {
        GoldenCase g = GoldenCase.load(name);
        JsonNode report = run(g, format, "");
        matches(g, report);
        ecdfTestsMatch(g, report, true);
    }

    /**
     * Every case again on the path large data take (the reference's cells, one current scan) and the
     * finishing scans that make KS and Wasserstein exact: the same numbers, with bound 0.
     */
    @ParameterizedTest(name = "{0} above the exact size")
    @MethodSource("names")
    void theCellsAndFinishingScansMatchNumpyAndScipy(String name) throws IOException {
        GoldenCase g = GoldenCase.load(name);
        JsonNode report = run(g, "parquet", "compare: {exact_values: 0}\n");
        matches(g, report);
        ecdfTestsMatch(g, report, false);
        for (String col : g.columnsWithRole("numeric")) {
            JsonNode c = report.get("columns").get(col);
            assertEquals("exact", c.get("comparison").get("method").asText(), col + ": " + c.get("comparison"));
            assertEquals(0.0, c.get("ks").get("bound").asDouble(), col);
        }
    }

    /**
     * Against a saved profile above the exact size the reference is known only by its cells and no finishing
     * scan can run: CvM and AD come from the slots, within their stated bounds, and still match scipy so.
     */
    @org.junit.jupiter.api.Test
    void aSavedProfileAboveTheExactSizeGivesCramerVonMisesAndAndersonDarlingWithinTheirBounds() throws IOException {
        GoldenCase g = GoldenCase.load("flights_week_jan_vs_jun");
        JsonNode report = run(g, "parquet", "compare: {exact_values: 0}\n", tmp.resolve("profile.json"));
        ecdfTestsMatch(g, report, false);
        assertEquals("bounded", report.get("columns").get("distance").get("comparison").get("method").asText());
        assertTrue(report.get("columns").get("distance").get("cramer_von_mises").get("bound").asDouble() > 0, "some slots stay open");
    }

    /**
     * A column judged by Anderson–Darling above the exact size: its needs join KS's and Wasserstein's in
     * driving the finishing scans, so it (and Cramér–von Mises, from the same slots) comes out exact.
     */
    @org.junit.jupiter.api.Test
    void aColumnJudgedByAnEcdfStatisticIsMadeExactByTheFinishingScans() throws IOException {
        GoldenCase g = GoldenCase.load("flights_week_jan_vs_jun");
        JsonNode report = run(g, "parquet", "compare: {exact_values: 0, tests: {distance: anderson_darling}}\n");
        JsonNode distance = report.get("columns").get("distance");
        JsonNode want = g.ecdfTests().get("distance");
        for (String test : List.of("anderson_darling", "cramer_von_mises")) {
            assertEquals(0.0, distance.get(test).get("bound").asDouble(), test + ": " + distance.get(test));
            assertClose(want.get(test).get("statistic").asDouble(), distance.get(test).get("statistic").asDouble(), 1e-9, test);
            assertPValue(want.get(test).get("p_value").asDouble(), distance.get(test).get("p_value").asDouble(), test + " p");
        }
        assertEquals("exact", distance.get("comparison").get("method").asText());
    }

    @org.junit.jupiter.api.Test
    void aRuleFileChoosesCramerVonMisesOrAndersonDarlingAsAColumnsDriftTest() throws IOException {
        GoldenCase g = GoldenCase.load("flights_week_jan_vs_jun");
        JsonNode report = run(g, "parquet", "compare: {tests: {delay: cramer_von_mises, distance: anderson_darling}}\n");
        JsonNode delay = report.get("columns").get("delay");
        assertEquals("cramer_von_mises", delay.get("drift").get("test").asText(), delay.get("drift").toString());
        assertEquals(delay.get("cramer_von_mises").get("p_value").asDouble(), delay.get("drift").get("score").asDouble());
        assertEquals(true, delay.get("drift").get("detected").asBoolean(), "p 1.3e-9 ≤ 0.05");
        JsonNode distance = report.get("columns").get("distance");
        assertEquals("anderson_darling", distance.get("drift").get("test").asText());
        assertEquals(0.001, distance.get("drift").get("score").asDouble(), "scipy's floor of the capped p-value");
    }

    /**
     * Cramér–von Mises and Anderson–Darling as scipy computes them: to 1e-9 with bound 0 on the exact path;
     * above it within the reported bound (the finishing scans resolve what KS and Wasserstein need, which
     * leaves these exact on most columns).
     */
    private static void ecdfTestsMatch(GoldenCase g, JsonNode report, boolean exact) {
        JsonNode want = g.ecdfTests();
        for (var it = want.fields(); it.hasNext(); ) {
            var column = it.next();
            for (String test : List.of("cramer_von_mises", "anderson_darling")) {
                JsonNode e = column.getValue().get(test);
                JsonNode r = report.get("columns").get(column.getKey()).get(test);
                String what = g.name() + " " + column.getKey() + " " + test;
                if (e.get("statistic").isNull()) {
                    assertEquals(null, r, what);
                    continue;
                }
                assertNotNull(r, what);
                double bound = r.get("bound").asDouble();
                if (exact) {
                    assertEquals(0.0, bound, what);
                }
                double expected = e.get("statistic").asDouble();
                double slack = 1e-9 * Math.max(1, Math.abs(expected)) + bound;
                if (Math.abs(r.get("statistic").asDouble() - expected) > slack) {
                    throw new AssertionError(what + ": " + r + " against scipy's " + expected);
                }
                if (bound == 0) {
                    assertPValue(e.get("p_value").asDouble(), r.get("p_value").asDouble(), what + " p");
                }
            }
        }
    }

    private static void matches(GoldenCase g, JsonNode report) {
        JsonNode exp = g.expected();
        assertEquals(exp.get("rows").get("reference").asLong(), report.get("reference").get("rows").asLong());
        assertEquals(exp.get("rows").get("current").asLong(), report.get("current").get("rows").asLong());
        for (String col : g.columnsWithRole("numeric")) {
            checkNumeric(col, exp.get("columns").get(col), report.get("columns").get(col));
        }
        List<String> categorical = new ArrayList<>(g.columnsWithRole("categorical"));
        categorical.addAll(g.columnsWithRole("label"));
        for (String col : categorical) {
            checkCategorical(col, exp.get("columns").get(col), report.get("columns").get(col));
        }
        if (exp.hasNonNull("leakage")) {
            JsonNode el = exp.get("leakage");
            JsonNode rl = report.get("leakage");
            assertEquals(el.get("overlapping_ids").asLong(), rl.get("overlapping_ids").asLong(), "overlapping ids");
            assertEquals(el.get("current_rows_with_id_in_reference").asLong(), rl.get("current_rows_with_reference_id").asLong());
            assertEquals(el.get("reference_rows_with_id_in_current").asLong(), rl.get("reference_rows_with_current_id").asLong());
            assertEquals(el.get("example_overlapping_ids").toString(), rl.get("example_ids").toString());
        }
        if (exp.hasNonNull("label")) {
            JsonNode el = exp.get("label");
            JsonNode rl = report.get("label");
            assertEquals(el.get("column").asText(), rl.get("column").asText());
            for (String side : List.of("reference", "current")) {
                Map<String, Double> want = new TreeMap<>();
                el.get(side + "_shares").fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asDouble()));
                Map<String, Double> got = new TreeMap<>();
                rl.get(side).fields().forEachRemaining(e -> got.put(e.getKey(), e.getValue().asDouble()));
                assertEquals(want.keySet(), got.keySet(), "label classes " + side);
                want.forEach((k, v) -> assertClose(v, got.get(k), 1e-12, "label share " + side + " " + k));
            }
            assertClose(el.get("psi").asDouble(), rl.get("psi").asDouble(), 1e-9, "label psi");
        }
    }

    private static void checkNumeric(String col, JsonNode e, JsonNode r) {
        assertNotNull(r, "column " + col + " in report");
        assertEquals("numerical", r.get("type").asText());
        for (String side : List.of("reference", "current")) {
            assertEquals(e.get(side).get("count").asLong(), r.get(side).get("count").asLong(), col + " " + side + " count");
            assertEquals(e.get(side).get("null_count").asLong(), r.get(side).get("null_count").asLong(), col + " " + side + " nulls");
            assertClose(e.get(side).get("mean").asDouble(), r.get(side).get("mean").asDouble(), 1e-9, col + " mean");
            assertClose(e.get(side).get("std_pop").asDouble(), r.get(side).get("std").asDouble(), 1e-9, col + " std");
            assertEquals(e.get(side).get("min").asDouble(), r.get(side).get("min").asDouble(), col + " min");
            assertEquals(e.get(side).get("max").asDouble(), r.get(side).get("max").asDouble(), col + " max");
        }
        assertEquals(e.get("reference").get("median").asDouble(), r.get("reference").get("median").asDouble(), col + " median");
        assertEquals(e.get("psi_detail").get("inner_breakpoints").toString(), r.get("psi_bins").get("inner_edges").toString(), col + " edges");
        assertEquals(e.get("psi_detail").get("reference_bin_counts").toString(), r.get("psi_bins").get("reference").toString(), col + " ref bins");
        assertEquals(e.get("psi_detail").get("current_bin_counts").toString(), r.get("psi_bins").get("current").toString(), col + " cur bins");
        assertClose(e.get("psi").asDouble(), r.get("psi").asDouble(), 1e-9, col + " psi");
        assertClose(e.get("ks").get("statistic").asDouble(), r.get("ks").get("statistic").asDouble(), 1e-9, col + " ks D");
        assertPValue(e.get("ks").get("pvalue_auto").asDouble(), r.get("ks").get("p_value").asDouble(), col + " ks p");
        assertEquals(e.get("ks").get("auto_method_used").asText().startsWith("exact") ? "exact" : "asymptotic",
            r.get("ks").get("method").asText(), col + " ks method");
        assertClose(e.get("wasserstein").asDouble(), r.get("wasserstein").asDouble(), 1e-9, col + " wasserstein");
        assertClose(e.get("wasserstein_norm").asDouble(), r.get("wasserstein_normed").asDouble(), 1e-9, col + " wasserstein normed");
    }

    private static void checkCategorical(String col, JsonNode e, JsonNode r) {
        assertNotNull(r, "column " + col + " in report");
        assertEquals("categorical", r.get("type").asText());
        for (String side : List.of("reference", "current")) {
            assertEquals(e.get(side).get("count").asLong(), r.get(side).get("count").asLong(), col + " " + side + " count");
            assertEquals(e.get(side).get("null_count").asLong(), r.get(side).get("null_count").asLong(), col + " " + side + " nulls");
        }
        assertClose(e.get("psi").asDouble(), r.get("psi").asDouble(), 1e-9, col + " psi");
        assertClose(e.get("jensenshannon").get("distance_natural").asDouble(), r.get("jensen_shannon").asDouble(), 1e-9, col + " js");
        assertClose(e.get("chi2_contingency").get("statistic").asDouble(), r.get("chi_square").get("statistic").asDouble(), 1e-9, col + " chi2");
        assertEquals(e.get("chi2_contingency").get("dof").asInt(), r.get("chi_square").get("dof").asInt(), col + " dof");
        assertPValue(e.get("chi2_contingency").get("pvalue").asDouble(), r.get("chi_square").get("p_value").asDouble(), col + " chi2 p");
        assertEquals(texts(e.get("unseen_categories")), texts(r.get("unseen_categories")), col + " unseen");
        assertEquals(texts(e.get("missing_categories")), texts(r.get("missing_categories")), col + " missing");
    }

    private static TreeSet<String> texts(JsonNode arr) {
        TreeSet<String> out = new TreeSet<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    private JsonNode run(GoldenCase g, String format, String extra) throws IOException {
        return run(g, format, extra, null);
    }

    /** With {@code profile}, the run writes that reference profile first and compares against it. */
    private JsonNode run(GoldenCase g, String format, String extra, Path profile) throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("monitor: golden\n").append(extra);
        y.append("reference: {path: \"").append(g.file("reference", format)).append("\", format: ").append(format).append("}\n");
        y.append("current: {path: \"").append(g.file("current", format)).append("\", format: ").append(format).append("}\n");
        y.append("columns:\n  numerical: ").append(quoted(g.columnsWithRole("numeric"))).append("\n");
        y.append("  categorical: ").append(quoted(g.columnsWithRole("categorical"))).append("\n");
        if (!g.schema().get("id_column").isNull()) {
            y.append("  id: \"").append(g.schema().get("id_column").asText()).append("\"\n");
        }
        if (!g.schema().get("label_column").isNull()) {
            y.append("  label: \"").append(g.schema().get("label_column").asText()).append("\"\n");
        }
        Path rulesFile = tmp.resolve("rules.yaml");
        Files.writeString(rulesFile, y);
        RuleSet rules = RuleFileParser.parse(rulesFile);
        DriftJob.Outcome out = new DriftJob(TestSpark.session(), line -> { })
            .run(rules, CheckCatalog.checksFor(rules), new DriftJob.Inputs(rules.reference(), rules.current(), "2026-11-26", tmp,
                profile, profile != null));
        return new ObjectMapper().readTree(out.reportJson().toFile());
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").toList().toString();
    }
}
