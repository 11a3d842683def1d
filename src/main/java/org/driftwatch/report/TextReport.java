package org.driftwatch.report;

import org.driftwatch.checks.Finding;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.DatasetDrift;
import org.driftwatch.judge.Explanation;

/** The report in plain words: the email's text alternative, saying what the HTML says; text bounded as in every output. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(DriftReport r) {
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
        b.append('\n').append("Findings:\n");
        boolean any = false;
        for (Finding c : r.findings()) {
            if (!c.ok()) {
                any = true;
                b.append("  ").append(c.status().name()).append(' ').append(c.check())
                    .append(c.column() == null ? "" : " " + BoundedText.name(c.column())).append(": ").append(BoundedText.of(c.message())).append('\n');
            }
        }
        if (!any) {
            b.append("  none\n");
        }
        b.append('\n').append("Columns (PSI):\n");
        for (ColumnComparison c : r.comparison().allColumns()) {
            b.append("  ").append(BoundedText.name(c.name())).append(": ")
                .append(c.psi() == null ? "n/a (" + BoundedText.of(String.join("; ", c.notes())) + ")" : String.format("%.4f", c.psi()))
                .append(c.drift().detected() ? ", drift detected by " + c.drift().test() : "").append('\n');
        }
        b.append('\n').append("The full report is attached as report.json.\n");
        return b.toString();
    }
}
