package org.driftwatch.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.ModelPerformance;
import org.driftwatch.compare.PerformanceMetrics;

/**
 * The HTML report's model section: task, reference vs current metrics with their change, the confusion
 * matrix of each side, label coverage, prediction drift and one chart (ROC curves, or the main metrics).
 */
public final class PerformanceSection {
    private PerformanceSection() {
    }

    /** @param judged the metric the performance check judged (its row is highlighted), or null */
    public static Map<String, Object> of(ModelPerformance p, ReportCharts.Chart chart, String judged) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Model performance: " + p.task().key() + (p.taskInferred() ? " (" + p.taskReason() + ")" : "")
            + ", label " + p.label() + ", prediction " + p.prediction() + (p.score() == null ? "" : ", score " + p.score()));
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(row("rows evaluated", count(p.reference() == null ? null : p.reference().n()), count(p.current() == null ? null : p.current().n()),
            p.change().get("n") == null ? "" : String.format("%+d", p.change().get("n").longValue()), null, false));
        for (String name : PerformanceMetrics.METRICS.get(p.task())) {
            Double a = p.reference() == null ? null : p.reference().metric(name);
            Double b = p.current() == null ? null : p.current().metric(name);
            if (a == null && b == null) {
                continue;
            }
            Number d = p.change().get(name);
            rows.add(row(name, number(a), number(b), d == null ? "" : d.doubleValue() == Math.rint(d.doubleValue())
                && Math.abs(d.doubleValue()) >= 1 ? String.format("%+d", (long) d.doubleValue()) : String.format("%+.4g", d.doubleValue()),
                d == null ? null : PerformanceMetrics.worse(name, d.doubleValue()), name.equals(judged)));
        }
        m.put("rows", rows);
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (Object[] side : new Object[][] {{"reference", p.reference()}, {"current", p.current()}}) {
            PerformanceMetrics pm = (PerformanceMetrics) side[1];
            if (pm != null && pm.confusionMatrix() != null && pm.labelsOrder().size() <= 12) {
                matrices.add(matrix((String) side[0], pm));
            }
        }
        m.put("matrices", matrices);
        List<String> lines = new ArrayList<>();
        if (p.labels() != null) {
            ModelPerformance.LabelCoverage l = p.labels();
            lines.add(String.format("Delayed labels from %s by %s: %d of %d predictions labelled (%s); %d label rows matched no prediction,"
                    + " %d repeated a row, %d ids had conflicting labels (left out)%s", l.source(), l.key(), l.predictionsWithLabel(),
                l.predictions(), l.labelCoverage() == null ? "–" : String.format("%.1f%%", 100 * l.labelCoverage()),
                l.unmatchedLabelRows(), l.duplicateLabelRows(), l.conflictingLabelIds(),
                l.nullKeyLabelRows() == 0 ? "" : String.format(", %d had no key", l.nullKeyLabelRows())));
        }
        ColumnComparison d = p.predictionDrift();
        lines.add("Prediction drift of " + d.name() + ": " + (d.psi() == null ? "no PSI" : String.format("PSI %.3f", d.psi()))
            + (d.drift() == null ? "" : ", " + d.drift().test() + (d.drift().detected() ? " detected" : " not detected")));
        lines.addAll(p.notes());
        m.put("lines", lines);
        m.put("hasChart", chart != null);
        m.put("chartId", chart == null ? "" : chart.id());
        m.put("chartAlt", chart == null ? "" : chart.alt());
        return m;
    }

    private static Map<String, Object> matrix(String side, PerformanceMetrics pm) {
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("true \\ predicted");
        header.addAll(pm.labelsOrder());
        cells.add(header);
        for (int i = 0; i < pm.labelsOrder().size(); i++) {
            List<String> r = new ArrayList<>();
            r.add(pm.labelsOrder().get(i));
            for (long v : pm.confusionMatrix()[i]) {
                r.add(String.valueOf(v));
            }
            cells.add(r);
        }
        return Map.of("side", "Confusion matrix, " + side, "cells", cells);
    }

    /** A metric's row: its change says "worse" or "better" in words and colour; the judged metric is marked and bold. */
    private static Map<String, String> row(String name, String a, String b, String d, Boolean worse, boolean judged) {
        return Map.of("name", judged ? name + " (judged)" : name, "reference", a, "current", b,
            "change", worse == null ? d : d + (worse ? " worse" : " better"),
            "color", worse == null ? "" : worse ? "#b3261e" : "#1e6b2e", "judged", judged ? "yes" : "");
    }

    private static String number(Double v) {
        if (v == null) {
            return "–";
        }
        return v == Math.rint(v) && Math.abs(v) >= 1 && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : String.format("%.4g", v);
    }

    private static String count(Long v) {
        return v == null ? "–" : String.valueOf(v);
    }
}
