package org.driftwatch.profile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.driftwatch.DriftJob;
import org.driftwatch.GoldenCase;
import org.driftwatch.TestSpark;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.ProfileNeeds;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.Analyzed;
import org.driftwatch.compare.Comparison;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A statistic folded in the scans is one analyzer class, and a check that asks for it and judges it is one
 * more: here the share of values outside a range, on both sides, through the whole job — column batches
 * from Parquet, rows from CSV — equal to counting the golden files directly.
 */
class AnalyzerScanTest {
    @TempDir
    Path tmp;

    /** Values outside [low, high] (NaN and ±∞ count as outside), and the values seen; nulls are not values. */
    record OutsideRange(String column, double low, double high) implements Analyzer<long[]> {
        @Override
        public String name() {
            return column + "_outside_range";
        }

        @Override
        public long[] zero() {
            return new long[2];
        }

        @Override
        public void add(long[] state, double[] values, boolean[] missing, int size) {
            for (int r = 0; r < size; r++) {
                if (!missing[r]) {
                    state[0] += values[r] >= low && values[r] <= high ? 0 : 1;
                    state[1]++;
                }
            }
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }

        @Override
        public Map<String, Double> metric(long[] state) {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("outside", (double) state[0]);
            m.put("values", (double) state[1]);
            return m;
        }
    }

    /** Asks for the analyzer and fails when the current share outside the range exceeds the reference's. */
    record OutsideRangeCheck(OutsideRange analyzer) implements Check {
        @Override
        public String name() {
            return "outside_range";
        }

        @Override
        public void require(ProfileNeeds needs) {
            needs.analyze(analyzer);
        }

        @Override
        public List<Finding> evaluate(Comparison comparison) {
            Analyzed a = comparison.analyzed(analyzer.name());
            double ref = a.reference("outside") / a.reference("values");
            double cur = a.current("outside") / a.current("values");
            return List.of(new Finding(name(), analyzer.column(), cur > ref ? Status.FAIL : Status.OK, cur, ref,
                String.format("%.4f of the values outside the range (reference %.4f)", cur, ref)));
        }
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"parquet", "csv"})
    void anAnalyzerRunsInTheScansOnBothSides(String format) throws IOException {
        GoldenCase g = GoldenCase.load("flights_week_jan_vs_jun");
        OutsideRange delayed = new OutsideRange("delay", -15, 60);
        Comparison seen = run(g, format, new OutsideRangeCheck(delayed));
        Analyzed a = seen.analyzed(delayed.name());
        assertNotNull(a);
        for (String side : List.of("reference", "current")) {
            double[] values = g.numbers(side, "delay");
            long outside = java.util.Arrays.stream(values).filter(v -> !(v >= -15 && v <= 60)).count();
            Map<String, Double> m = side.equals("reference") ? a.reference() : a.current();
            assertEquals((double) outside, m.get("outside"), side);
            assertEquals((double) values.length, m.get("values"), side);
        }
    }

    private Comparison run(GoldenCase g, String format, Check extra) throws IOException {
        String y = "monitor: analyzers\n"
            + "reference: {path: \"" + g.file("reference", format) + "\", format: " + format + "}\n"
            + "current: {path: \"" + g.file("current", format) + "\", format: " + format + "}\n"
            + "columns:\n  numerical: [delay, distance]\n  categorical: [origin]\n";
        Path rulesFile = tmp.resolve("rules.yaml");
        Files.writeString(rulesFile, y);
        RuleSet rules = RuleFileParser.parse(rulesFile);
        List<Check> checks = new ArrayList<>(CheckCatalog.checksFor(rules));
        checks.add(extra);
        DriftJob.Outcome out = new DriftJob(TestSpark.session(), line -> { })
            .run(rules, checks, new DriftJob.Inputs(rules.reference(), rules.current(), "2026-11-26", tmp));
        JsonNode report = new ObjectMapper().readTree(out.reportJson().toFile());
        JsonNode finding = null;
        for (JsonNode f : report.get("checks")) {
            finding = f.get("name").asText().equals("outside_range") ? f : finding;
        }
        assertNotNull(finding, "the check's finding is in report.json: " + report.get("checks"));
        return out.report().comparison();
    }
}
