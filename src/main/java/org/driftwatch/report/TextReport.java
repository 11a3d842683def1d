package org.driftwatch.report;

import org.driftwatch.checks.Finding;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.DatasetDrift;
import org.driftwatch.judge.Explanation;
import java.util.List;

/** The report in plain words: the email's text alternative, saying what the HTML says; text bounded as in every output. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(DriftReport r) {
        return render(r, null);
    }

    /**
     * The words of the report: verdict and next steps, findings worst first, the model's metrics, the last
     * nights' verdicts and where report.html lives ({@code reportDir}, or null when unknown).
     */
    public static String render(DriftReport r, String reportDir) {
        Explanation v = r.explanation();
        StringBuilder b = new StringBuilder();
        b.append("driftwatch ").append(r.monitor()).append(' ').append(r.date()).append(": ").append(v.banner()).append('\n');
        b.append(BoundedText.of(v.headline())).append('\n');
        if (!v.driftTypes().isEmpty()) {
            b.append("Drift tonight: ").append(v.driftTypesLine()).append('\n');
        }
        b.append('\n');
        b.append("What to do next:\n");
        v.nextSteps().forEach(s -> b.append("  - ").append(BoundedText.of(s)).append('\n'));
        b.append('\n');
        b.append(String.format("Data: reference %,d rows, current %,d rows%n", r.reference().rows(), r.current().rows()));
        DatasetDrift dd = r.datasetDrift();
        if (dd.share() != null) {
            b.append(String.format("Dataset drift: %s (%.0f%% of %d tested columns)%n", dd.detected() ? "detected" : "not detected",
                100 * dd.share(), dd.testedColumns()));
        }
        b.append('\n').append("Findings, worst first:\n");
        List<Finding> notOk = r.findings().stream().filter(f -> !f.ok())
            .sorted(java.util.Comparator.comparing(Finding::status).reversed()).toList();
        for (Finding c : notOk) {
            b.append("  ").append(c.status().name()).append(' ').append(c.check())
                .append(c.column() == null ? "" : " " + BoundedText.name(c.column())).append(": ").append(BoundedText.of(c.message())).append('\n');
        }
        if (notOk.isEmpty()) {
            b.append("  none\n");
        }
        r.comparison().performance().ifPresent(p -> model(b, p));
        nights(b, r.trends());
        b.append('\n').append("Columns (PSI):\n");
        for (ColumnComparison c : r.comparison().allColumns()) {
            b.append("  ").append(BoundedText.name(c.name())).append(": ")
                .append(c.psi() == null ? "n/a (" + BoundedText.of(String.join("; ", c.notes())) + ")" : String.format("%.3f", c.psi()))
                .append(c.drift().detected() ? ", drift detected by " + c.drift().test() : "").append('\n');
        }
        if (reportDir != null) {
            b.append('\n').append("The report with its charts: ").append(reportDir).append("/report.html\n");
        }
        b.append('\n').append("The full report is attached as report.json.\n");
        return b.toString();
    }

    /** The model's metrics, reference against current, as the page's table. */
    private static void model(StringBuilder b, org.driftwatch.compare.ModelPerformance p) {
        b.append('\n').append("Model (").append(p.task().key()).append("):\n");
        if (p.reference() == null || p.current() == null) {
            b.append("  not judged: ").append(String.join("; ", p.notes())).append('\n');
            return;
        }
        b.append(String.format("  %-22s %12s %12s %12s%n", "metric", "reference", "current", "change"));
        for (String m : org.driftwatch.compare.PerformanceMetrics.METRICS.get(p.task())) {
            Double ref = p.reference().metric(m);
            Double cur = p.current().metric(m);
            if (ref != null || cur != null) {
                b.append(String.format("  %-22s %12s %12s %12s%n", m, number(ref), number(cur),
                    ref == null || cur == null ? "–" : String.format(java.util.Locale.ROOT, "%+.4f", cur - ref)));
            }
        }
    }

    private static String number(Double v) {
        return v == null ? "–" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    /** The verdicts of the last nights, oldest first, when the monitor has a past. */
    private static void nights(StringBuilder b, Trends trends) {
        if (trends.verdicts().size() < 2) {
            return;
        }
        b.append('\n').append("Last ").append(trends.verdicts().size()).append(" nights: ");
        b.append(String.join(", ", trends.verdicts().stream().map(n -> n.date() + " " + n.outcome().word()).toList())).append('\n');
    }
}
