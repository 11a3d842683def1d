package org.driftwatch.report.html;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.driftwatch.checks.Check;
import org.driftwatch.checks.CheckCatalog;
import org.driftwatch.checks.Finding;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Columns;
import org.driftwatch.compare.Comparison;
import org.driftwatch.judge.Judge;
import org.driftwatch.judge.RetrainPolicy;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.ReportSet;
import org.driftwatch.rules.RuleFileParser;
import org.driftwatch.rules.RuleSet;
import org.driftwatch.stats.PopulationStabilityIndex;

/**
 * A wide report (50 compared columns) whose names and categories try to break out of the HTML, built
 * as a report object — statistics made up, checks and judge real — so rendering tests need no Spark.
 */
final class ReportFixtures {
    static final String NASTY_COLUMN = "<img src=x onerror=alert(1)>";
    static final String NASTY_CATEGORY = "</td><script>alert('x')</script>";

    private ReportFixtures() {
    }

    static DriftReport wideReport(Path tmp) throws Exception {
        Random rnd = new Random(7);
        List<ColumnComparison> features = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            long[] ref = new long[10];
            long[] cur = new long[10];
            for (int b = 0; b < 10; b++) {
                ref[b] = 150;
                cur[b] = 150 + (i % 3 == 0 ? (b - 4) * 25L : rnd.nextInt(21) - 10);
            }
            double[] edges = new double[9];
            for (int e = 0; e < 9; e++) {
                edges[e] = -1.28 + 0.32 * e;
            }
            Columns c = Columns.numerical(i == 0 ? NASTY_COLUMN : "feature_" + i).bins(edges, ref, cur)
                .psi(PopulationStabilityIndex.fromCounts(ref, cur)).counts(1500, 1500, 1500, sum(cur)).means(0, 1, i % 3 == 0 ? 0.4 : 0, 1);
            features.add((i % 3 == 0 ? c.drifted("wasserstein", 0.4, 0.1).ks(0.16, 1e-12) : c).build());
        }
        for (int i = 0; i < 5; i++) {
            List<String> names = List.of(NASTY_CATEGORY, "c0", "c1", "c2", "c3", "c4", "c5");
            long[] ref = {0, 250, 250, 250, 250, 250, 250};
            long[] cur = i == 0 ? new long[] {250, 0, 250, 250, 250, 250, 250} : ref.clone();
            Columns c = Columns.categorical("category_" + i, names, ref, cur).psi(PopulationStabilityIndex.fromCounts(ref, cur));
            features.add((i == 0 ? c.unseen(NASTY_CATEGORY) : c).build());
        }
        // a monitored model too, so the page is checked with its performance section
        Comparison comparison = Columns.withModel(features, Columns.binaryOutcomes(880, 20, 20, 80), Columns.binaryOutcomes(850, 50, 50, 50));
        Path rules = tmp.resolve("wide.yaml");
        Files.writeString(rules, "monitor: wide\nreference: {path: ref.parquet}\ncurrent: {path: cur.parquet}\n");
        RuleSet set = RuleFileParser.parse(rules);
        List<Finding> findings = new ArrayList<>();
        for (Check check : CheckCatalog.checksFor(set)) {
            findings.addAll(check.evaluate(comparison));
        }
        return new DriftReport("wide", "2026-11-26",
            new DriftReport.RunInfo("test", "4.1.3", "local[2]", "2026-11-26T00:00:00Z", 1.0, 5, rules.toString(), "0"),
            new DriftReport.Source("ref.parquet", "parquet", 1500), new DriftReport.Source("cur.parquet", "parquet", 1500),
            comparison, findings, new Judge(RetrainPolicy.defaults()).judge(comparison, findings),
            java.util.Map.of("psi.warn", 0.1, "psi.fail", 0.25), List.of(), trends(comparison), null);
    }

    /** 30 runs of history for every column (the first column rising on its last nights) and 14 nights of verdicts. */
    static org.driftwatch.report.Trends trends(Comparison comparison) {
        java.util.Map<String, List<org.driftwatch.report.Trends.Point>> columns = new java.util.LinkedHashMap<>();
        int k = 0;
        for (ColumnComparison c : comparison.allColumns()) {
            List<org.driftwatch.report.Trends.Point> points = new ArrayList<>();
            for (int d = 0; d < 30; d++) {
                double psi = k == 0 ? 0.02 + (d > 25 ? 0.05 * (d - 25) : 0) : 0.02 + 0.01 * Math.sin(d + k);
                points.add(new org.driftwatch.report.Trends.Point(String.format("2026-10-%02d", d + 1), psi, psi));
            }
            columns.put(c.name(), points);
            k++;
        }
        List<org.driftwatch.report.Trends.Night> nights = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            nights.add(new org.driftwatch.report.Trends.Night(String.format("2026-11-%02d", d + 13), d % 5 == 0 ? "retrain" : d % 3 == 0 ? "alert" : "ok"));
        }
        return new org.driftwatch.report.Trends(columns, nights);
    }

    /** The report's files, written as a run writes them. */
    static ReportSet written(Path tmp) throws Exception {
        return ReportSet.write(wideReport(tmp), tmp.resolve("out"));
    }

    private static long sum(long[] xs) {
        long n = 0;
        for (long x : xs) {
            n += x;
        }
        return n;
    }
}
