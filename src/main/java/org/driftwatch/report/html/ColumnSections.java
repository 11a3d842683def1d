package org.driftwatch.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.DriftTest;
import org.driftwatch.report.DriftReport;

/** One compared column in the page: its row in the column table and its detail block, in words. */
final class ColumnSections {
    private final DriftReport report;

    ColumnSections(DriftReport report) {
        this.report = report;
    }

    Map<String, Object> row(ColumnComparison col, double warn, double fail) {
        Status s = report.columnStatus(col.name());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", col.name() + (col.name().equals(report.comparison().plan().label()) ? " (label)" : ""));
        r.put("type", col.numerical() ? "num" : "cat");
        r.put("status", s.name());
        r.put("statusColor", HtmlReport.color(s));
        r.put("psi", col.psi() == null ? "–" : String.format("%.3f", col.psi()));
        double scale = Math.max(fail * 2, 0.5);
        int pct = col.psi() == null ? 0 : (int) Math.max(1, Math.min(100, Math.round(100 * col.psi() / scale)));
        r.put("psiBar", pct);
        // as the check judged it (fixed levels, or the no-drift critical values under mode: significant)
        Status judged = report.statusOf(col.name(), ColumnComparison.PSI);
        r.put("psiColor", col.psi() == null ? "#cccccc" : HtmlReport.color(judged != null ? judged
            : col.psi() > fail ? Status.FAIL : col.psi() > warn ? Status.WARN : Status.OK));
        // the test that decides Drift, so the two cells never disagree (KS and JS stay in the detail lines)
        r.put("test", deciding(col));
        r.put("drift", col.drift().score() == null ? "n/a" : col.drift().detected() ? "yes" : "no");
        Double rn = col.reference().nullShare();
        Double cn = col.current().nullShare();
        r.put("nulls", rn == null || cn == null ? "–" : pctText(rn) + " → " + pctText(cn));
        return r;
    }

    /** The column's drift test as it decided: its statistic or p-value, and its threshold. */
    private static String deciding(ColumnComparison col) {
        ColumnComparison.DriftResult d = col.drift();
        if (d.score() == null) {
            return "–";
        }
        DriftTest test = DriftTest.byKey(d.test());
        if (test == DriftTest.KS && col.ks() != null) {
            return String.format("KS D %.3f, p %s", col.ks().statistic(), p(col.ks().pValue()));
        }
        if (test == DriftTest.CHI_SQUARE && col.jensenShannon() != null) {
            return String.format("χ² p %s, JS %.3f", p(d.score()), col.jensenShannon());
        }
        return String.format("%s %.3f (limit %s)", DriftTest.displayOf(d.test()), d.score(),
            d.threshold() == null ? "–" : java.math.BigDecimal.valueOf(d.threshold()).stripTrailingZeros().toPlainString());
    }

    Map<String, Object> detail(ColumnComparison col, ReportCharts.Chart chart) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", col.name());
        d.put("status", report.columnStatus(col.name()).name());
        d.put("statusColor", HtmlReport.color(report.columnStatus(col.name())));
        d.put("hasChart", chart != null);
        d.put("chartId", chart == null ? "" : chart.id());
        d.put("chartAlt", chart == null ? "" : chart.alt());
        List<String> lines = new ArrayList<>();
        if (col.psi() != null) {
            lines.add(String.format("PSI %.3f", col.psi()));
        }
        if (col.ks() != null) {
            // on large data D comes from the reference's compressed distribution: say how far it may be off
            String bound = col.ks().bound() > 0 ? String.format(" (exact D at most %.4f higher)", col.ks().bound()) : "";
            lines.add(String.format("KS D %.4f (%s effect), p %s (%s)%s", col.ks().statistic(), org.driftwatch.checks.KsCheck.effect(col.ks().statistic()),
                p(col.ks().pValue()), col.ks().method(), bound));
            String wBound = col.wassersteinNormedBound() != null && col.wassersteinNormedBound() > 0
                ? String.format(" ± %.4f", col.wassersteinNormedBound()) : "";
            lines.add(String.format("Wasserstein %.4g (normed %.3f%s)", col.wasserstein(), col.wassersteinNormed(), wBound));
        }
        if (col.chiSquare() != null && !col.numerical()) {
            lines.add(String.format("Jensen–Shannon %.4f; χ² %.4g, dof %d, p %s", col.jensenShannon(), col.chiSquare().statistic(),
                col.chiSquare().degreesOfFreedom(), p(col.chiSquare().pValue())));
        }
        ColumnComparison.SideStats r = col.reference();
        ColumnComparison.SideStats c = col.current();
        if (r.mean() != null && c.mean() != null) {
            lines.add(String.format("mean %s → %s, std %s → %s, min %s → %s, max %s → %s", g(r.mean()), g(c.mean()),
                g(r.stdPop()), g(c.stdPop()), g(r.min()), g(c.min()), g(r.max()), g(c.max())));
        }
        if (r.count() != null && c.count() != null) {
            lines.add(String.format("non-null values %,d → %,d; nulls %,d → %,d", r.count(), c.count(), r.nullCount(), c.nullCount()));
        }
        if (!col.unseenCategories().isEmpty()) {
            lines.add("new categories: " + String.join(", ", col.unseenCategories().subList(0, Math.min(10, col.unseenCategories().size())))
                + (col.unseenCategories().size() > 10 ? ", …" : ""));
        }
        if (!col.missingCategories().isEmpty()) {
            lines.add("categories gone: " + String.join(", ", col.missingCategories().subList(0, Math.min(10, col.missingCategories().size())))
                + (col.missingCategories().size() > 10 ? ", …" : ""));
        }
        col.metrics().values().forEach(v -> lines.add(v.words()));
        lines.addAll(col.notes());
        d.put("lines", lines);
        return d;
    }

    private static String p(double p) {
        return p < 1e-4 ? String.format("%.1e", p) : String.format("%.4f", p);
    }

    private static String g(Double v) {
        return v == null || !Double.isFinite(v) ? "–" : String.format("%.4g", v);
    }

    private static String pctText(double share) {
        return share == 0 ? "0%" : share < 0.001 ? "<0.1%" : String.format("%.1f%%", 100 * share);
    }
}
