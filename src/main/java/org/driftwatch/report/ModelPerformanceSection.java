package org.driftwatch.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.driftwatch.compare.ModelPerformance;
import org.driftwatch.compare.PerformanceMetrics;
import org.driftwatch.report.html.HtmlBlock;
import org.driftwatch.report.html.PerformanceSection;
import org.driftwatch.report.html.ReportCharts;

/**
 * {@code performance}: the monitored model's metrics on both sides, in report.json (the contract's
 * {@code performance} object), on the page (metrics table, confusion matrices, chart) and in summary.csv
 * (one row per metric, role "performance", the values in the last three columns). Null without a model.
 */
final class ModelPerformanceSection implements ReportSection {
    static final String TEMPLATE = "org/driftwatch/report/html/sections/performance.html.peb";

    @Override
    public String key() {
        return "performance";
    }

    @Override
    public JsonNode json(DriftReport report) {
        return report.comparison().performance().map(p -> (JsonNode) PerformanceJson.of(p)).orElse(null);
    }

    @Override
    public HtmlBlock html(DriftReport report) {
        return report.comparison().performance().map(p -> {
            ReportCharts.Chart chart = ReportCharts.performance("performance", p);
            // the metric the performance check judged, highlighted in the table
            String judged = report.findings().stream().filter(f -> f.kind() == org.driftwatch.checks.DriftKind.PERFORMANCE
                && f.column() == null && f.judged() != null).map(org.driftwatch.checks.Finding::judged).findFirst().orElse(null);
            return new HtmlBlock(TEMPLATE, PerformanceSection.of(p, chart, judged),
                chart == null ? List.of() : List.of(chart));
        }).orElse(null);
    }

    @Override
    public List<List<Object>> csvRows(DriftReport report, int width) {
        if (report.comparison().performance().isEmpty()) {
            return List.of();
        }
        ModelPerformance p = report.comparison().performance().get();
        List<List<Object>> rows = new ArrayList<>();
        for (String m : PerformanceMetrics.METRICS.get(p.task())) {
            Double a = p.reference() == null ? null : p.reference().metric(m);
            Double b = p.current() == null ? null : p.current().metric(m);
            if (a == null && b == null) {
                continue;
            }
            List<Object> row = new ArrayList<>(Collections.nCopies(width, null));
            row.set(0, m);
            row.set(1, "performance");
            row.set(2, p.task().key());
            row.set(width - 3, a);
            row.set(width - 2, b);
            row.set(width - 1, p.change().get(m));
            rows.add(row);
        }
        return rows;
    }
}
