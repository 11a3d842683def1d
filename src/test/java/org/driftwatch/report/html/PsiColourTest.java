package org.driftwatch.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.PsiCheck;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Columns;
import org.driftwatch.compare.Comparison;
import org.driftwatch.judge.Judge;
import org.driftwatch.judge.RetrainPolicy;
import org.driftwatch.report.DriftReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The page colours a column's PSI as its check judged it: under {@code mode: significant} PSI 0.05 with
 * 20,000 values a side is far beyond the noise (a fail), though under the folklore 0.1 it would look fine.
 */
class PsiColourTest {
    @Test
    void thePsiCellTakesTheColourOfItsJudgementUnderEveryMode() {
        long[] even = new long[10];
        java.util.Arrays.fill(even, 2000);
        ColumnComparison large = Columns.numerical("large").bins(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, even, even)
            .counts(20_000, 20_000, 20_000, 20_000).psi(0.05).build();
        assertEquals(HtmlReport.color(Status.FAIL), psiColour(large, PsiCheck.Mode.SIGNIFICANT));
        assertEquals(HtmlReport.color(Status.OK), psiColour(large, PsiCheck.Mode.FIXED));
    }

    private static String psiColour(ColumnComparison column, PsiCheck.Mode mode) {
        Comparison comparison = Columns.comparison(List.of(column));
        List<Finding> findings = new PsiCheck(0.1, 0.25, mode).evaluate(comparison);
        DriftReport report = new DriftReport("m", "2026-11-26",
            new DriftReport.RunInfo("test", "4.1.3", "local[2]", "2026-11-26T00:00:00Z", 1.0, 5, "rules.yaml", "0"),
            new DriftReport.Source("ref", "parquet", 20_000), new DriftReport.Source("cur", "parquet", 20_000),
            comparison, findings, new Judge(RetrainPolicy.defaults()).judge(comparison, findings),
            java.util.Map.of("psi.warn", 0.1, "psi.fail", 0.25), List.of());
        Document d = Jsoup.parse(new HtmlReport(report).renderStandalone());
        // the PSI cell: its value, then a bar in the PSI's colour
        assertEquals(1, d.select("td[height=5][bgcolor]").size());
        return d.select("td[height=5][bgcolor]").first().attr("bgcolor");
    }
}
