package org.driftwatch.report.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.PerformanceCheck;
import org.driftwatch.compare.Columns;
import org.driftwatch.compare.Comparison;
import org.driftwatch.judge.Judge;
import org.driftwatch.judge.RetrainPolicy;
import org.driftwatch.report.DriftReport;
import org.driftwatch.report.TextReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-text part says what the page says (#30 item 11): the last nights, the model's table, where the page is. */
class TextReportTest {
    @TempDir
    Path tmp;

    @Test
    void theLastNightsAndWhereThePageIs() throws Exception {
        String text = TextReport.render(ReportFixtures.wideReport(tmp), "/srv/reports/wide/2026-11-26");
        assertTrue(text.contains("\nLast 14 nights: "), text);
        assertTrue(text.contains("The report with its charts: /srv/reports/wide/2026-11-26/report.html"), text);
        assertTrue(text.contains("Findings, worst first:"), text);
    }

    @Test
    void theModelTable() {
        Comparison c = Columns.withModel(List.of(Columns.numerical("x").build()), Columns.binaryOutcomes(40, 10, 10, 40),
            Columns.binaryOutcomes(30, 20, 25, 25));
        List<Finding> findings = new PerformanceCheck("f1", 0.05, false).findings(c);
        DriftReport r = new DriftReport("m", "2026-11-26", new DriftReport.RunInfo("t", "4", "local", "now", 1, 1, "r", "0"),
            new DriftReport.Source("ref", "csv", 100), new DriftReport.Source("cur", "csv", 100), c, findings,
            new Judge(RetrainPolicy.defaults()).judge(c, findings), java.util.Map.of(), List.of());
        String text = TextReport.render(r, null);
        assertTrue(text.contains("Model (binary):"), text);
        assertTrue(text.matches("(?s).*\\n  f1 +0\\.8000 +0\\.5\\d+ +-0\\.\\d+\\n.*"), text);
    }
}
