package org.driftwatch.report.html;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import org.driftwatch.checks.Finding;
import org.driftwatch.checks.Status;
import org.driftwatch.compare.ColumnComparison;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.DatasetDrift;
import org.driftwatch.compare.DriftTest;
import org.driftwatch.judge.Explanation;
import org.driftwatch.report.DriftReport;

/**
 * The report as HTML that mail clients render (Gmail, Outlook, Apple Mail): table layout, inline
 * styles only, no script, no external resource. Rendered by a Pebble template that escapes every
 * value; images are referenced through a function so the same page serves the saved file (data URIs)
 * and the email (cid: references to inline parts).
 */
public final class HtmlReport {
    // the template is looked up by this class's loader, which also holds it under spark-submit
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
        .loader(new io.pebbletemplates.pebble.loader.ClasspathLoader(HtmlReport.class.getClassLoader()))
        .autoEscaping(true).strictVariables(true).newLineTrimming(true).build();
    private static final PebbleTemplate TEMPLATE = ENGINE.getTemplate("org/driftwatch/report/html/report.html.peb");

    /** Findings listed in the page; the rest are counted (every finding is in report.json). */
    static final int MAX_FINDINGS = 30;

    private final DriftReport report;
    private final Explanation verdict;
    private final List<ReportCharts.Chart> charts = new ArrayList<>();
    private final Map<String, Object> model;

    public HtmlReport(DriftReport report) {
        this.report = report;
        this.verdict = report.explanation();
        this.model = buildModel();
    }

    public DriftReport report() {
        return report;
    }

    public Explanation verdict() {
        return verdict;
    }

    /** The PNG charts the page references, in page order. */
    public List<ReportCharts.Chart> charts() {
        return List.copyOf(charts);
    }

    /** The page for a file: images embedded as data URIs. */
    public String renderStandalone() {
        return render(c -> "data:image/png;base64," + Base64.getEncoder().encodeToString(c.png()));
    }

    /** The page for an email body: images as {@code cid:} references to inline parts named by chart id. */
    public String renderForEmail() {
        return render(c -> "cid:" + c.id());
    }

    private String render(Function<ReportCharts.Chart, String> imageSource) {
        Map<String, Object> context = new LinkedHashMap<>(model);
        Map<String, String> images = new LinkedHashMap<>();
        charts.forEach(c -> images.put(c.id(), imageSource.apply(c)));
        context.put("images", images);
        StringWriter out = new StringWriter();
        try {
            TEMPLATE.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Map<String, Object> buildModel() {
        Comparison c = report.comparison();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("monitor", report.monitor());
        m.put("date", report.date());
        m.put("verdict", Map.of("banner", verdict.banner(), "headline", verdict.headline(),
            "color", color(verdict.level()), "background", background(verdict.level()), "icon", icon(verdict.level())));
        m.put("steps", verdict.nextSteps());
        m.put("facts", facts());
        double warn = report.threshold("psi.warn", 0.1);
        double fail = report.threshold("psi.fail", 0.25);
        ReportCharts.Chart overview = ReportCharts.psiOverview("psi-overview", c.allColumns(), warn, fail);
        if (overview != null) {
            charts.add(overview);
            m.put("overview", Map.of("present", true, "id", overview.id(), "alt", overview.alt()));
        } else {
            m.put("overview", Map.of("present", false, "id", "", "alt", ""));
        }
        List<ColumnComparison> sorted = new ArrayList<>(c.allColumns());
        sorted.sort(Comparator.comparing((ColumnComparison col) -> columnStatus(col.name())).reversed()
            .thenComparing(col -> col.psi() == null ? -1 : col.psi(), Comparator.reverseOrder()));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        int i = 0;
        for (ColumnComparison col : sorted) {
            rows.add(row(col, warn, fail));
            ReportCharts.Chart chart = ReportCharts.distribution("col-" + i++, col);
            if (chart != null) {
                charts.add(chart);
            }
            details.add(detail(col, chart));
        }
        m.put("rows", rows);
        m.put("details", details);
        List<Map<String, Object>> findings = new ArrayList<>();
        List<Finding> bySeverity = new ArrayList<>(report.findings());
        bySeverity.sort(Comparator.comparing(Finding::status).reversed());
        for (Finding r : bySeverity) {
            if (!r.ok()) {
                findings.add(Map.of("status", r.status().name(), "color", color(r.status()), "check", r.check(),
                    "column", r.column() == null ? "" : r.column(), "message", r.message()));
            }
        }
        int shown = Math.min(findings.size(), MAX_FINDINGS);
        m.put("findings", findings.subList(0, shown));
        m.put("moreFindings", findings.size() - shown);
        DriftReport.RunInfo run = report.run();
        m.put("footer", "driftwatch " + run.driftwatchVersion() + " on Spark " + run.sparkVersion() + " (" + run.sparkMaster()
            + "), " + String.format("%.1f s", run.durationSeconds()) + ", rules " + run.rulesFile());
        return m;
    }

    private List<Map<String, String>> facts() {
        Comparison c = report.comparison();
        List<Map<String, String>> f = new ArrayList<>();
        f.add(fact("Data", String.format("reference %,d rows, current %,d rows", report.reference().rows(), report.current().rows())));
        DatasetDrift dd = report.datasetDrift();
        f.add(fact("Drift", verdict.headline() + (dd.share() == null ? "" : String.format("; dataset drift %s (%.0f%% of tested columns, threshold %.0f%%)",
            dd.detected() ? "detected" : "not detected", 100 * dd.share(), 100 * dd.threshold()))));
        c.label().ifPresent(l -> f.add(fact("Label", l.psi() == null ? "insufficient data"
            : String.format("%s: PSI %.3f%s", l.name(), l.psi(), l.unseenCategories().isEmpty() ? "" : ", new classes " + String.join(", ", l.unseenCategories())))));
        c.leakage().ifPresent(l -> f.add(fact("Leakage", l.overlappingIds() == 0 ? "no id of the current data is in the reference ("
            + l.column() + ")" : String.format("%,d ids of the current data are in the reference (%,d rows)", l.overlappingIds(), l.currentRowsWithReferenceId()))));
        c.identicalRows().ifPresent(r -> f.add(fact("Copied rows", String.format("%,d current rows identical to a reference row", r.currentRows()))));
        f.add(fact("Checks", checksFact()));
        c.columns().values().stream().filter(col -> col.method() != null).findFirst()
            .ifPresent(col -> f.add(fact("Method", col.method().method() + ": " + col.method().reason())));
        int schemaChanges = c.plan().schema().missingInCurrent().size() + c.plan().schema().typeChanges().size();
        f.add(fact("Schema", schemaChanges == 0 ? "unchanged" : schemaChanges + " change" + (schemaChanges == 1 ? "" : "s")));
        return f;
    }

    /** Findings that are not OK, counted per check: "nulls 2 WARN, schema 1 FAIL". */
    private String checksFact() {
        Map<String, Map<Status, Integer>> counts = new LinkedHashMap<>();
        report.findings().stream().filter(r -> !r.ok()).forEach(r ->
            counts.computeIfAbsent(r.check(), k -> new java.util.TreeMap<>(Comparator.reverseOrder())).merge(r.status(), 1, Integer::sum));
        if (counts.isEmpty()) {
            return "every check passed";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((check, byStatus) -> byStatus.forEach((s, n) -> parts.add(check + " " + n + " " + s.name())));
        return String.join(", ", parts);
    }

    private Map<String, Object> row(ColumnComparison col, double warn, double fail) {
        Status s = columnStatus(col.name());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", col.name() + (col.name().equals(report.comparison().plan().label()) ? " (label)" : ""));
        r.put("type", col.numerical() ? "num" : "cat");
        r.put("status", s.name());
        r.put("statusColor", color(s));
        r.put("psi", col.psi() == null ? "–" : String.format("%.3f", col.psi()));
        double scale = Math.max(fail * 2, 0.5);
        int pct = col.psi() == null ? 0 : (int) Math.max(1, Math.min(100, Math.round(100 * col.psi() / scale)));
        r.put("psiBar", pct);
        r.put("psiColor", col.psi() == null ? "#cccccc" : color(col.psi() > fail ? Status.FAIL : col.psi() > warn ? Status.WARN : Status.OK));
        if (col.ks() != null) {
            r.put("test", String.format("D %.3f, p %s", col.ks().statistic(), p(col.ks().pValue())));
        } else if (col.jensenShannon() != null) {
            r.put("test", String.format("JS %.3f, χ² p %s", col.jensenShannon(), p(col.chiSquare().pValue())));
        } else {
            r.put("test", "–");
        }
        r.put("drift", col.drift().score() == null ? "n/a" : (col.drift().detected() ? "yes" : "no") + " (" + DriftTest.displayOf(col.drift().test()) + ")");
        Double rn = col.reference().nullShare();
        Double cn = col.current().nullShare();
        r.put("nulls", rn == null || cn == null ? "–" : pctText(rn) + " → " + pctText(cn));
        return r;
    }

    private Map<String, Object> detail(ColumnComparison col, ReportCharts.Chart chart) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", col.name());
        d.put("status", columnStatus(col.name()).name());
        d.put("statusColor", color(columnStatus(col.name())));
        d.put("hasChart", chart != null);
        d.put("chartId", chart == null ? "" : chart.id());
        d.put("chartAlt", chart == null ? "" : chart.alt());
        List<String> lines = new ArrayList<>();
        if (col.psi() != null) {
            lines.add(String.format("PSI %.4f", col.psi()));
        }
        if (col.ks() != null) {
            // on large data D comes from the reference's compressed distribution: say how far it may be off
            String bound = col.ks().bound() > 0 ? String.format(" (exact D at most %.4f higher)", col.ks().bound()) : "";
            lines.add(String.format("KS D %.4f, p %s (%s)%s", col.ks().statistic(), p(col.ks().pValue()), col.ks().method(), bound));
            String wBound = col.wassersteinNormedBound() != null && col.wassersteinNormedBound() > 0
                ? String.format(" ± %.4f", col.wassersteinNormedBound()) : "";
            lines.add(String.format("Wasserstein %.4g (normed %.3f%s)", col.wasserstein(), col.wassersteinNormed(), wBound));
        }
        if (col.chiSquare() != null && !col.numerical()) {
            lines.add(String.format("χ² %.4g, dof %d, p %s; Jensen–Shannon %.4f", col.chiSquare().statistic(),
                col.chiSquare().degreesOfFreedom(), p(col.chiSquare().pValue()), col.jensenShannon()));
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

    private Status columnStatus(String column) {
        return report.columnStatus(column);
    }

    private static Map<String, String> fact(String label, String text) {
        return Map.of("label", label, "text", text);
    }

    static String color(Status s) {
        return switch (s) {
            case OK -> "#1e6b2e";
            case WARN -> "#8a5300";
            case FAIL, ERROR -> "#b3261e";
        };
    }

    private static String background(Status s) {
        return switch (s) {
            case OK -> "#e6f4ea";
            case WARN -> "#fff4e0";
            case FAIL, ERROR -> "#fce8e6";
        };
    }

    private static String icon(Status s) {
        return switch (s) {
            case OK -> "✔";
            case WARN -> "⚠";
            case FAIL, ERROR -> "✖";
        };
    }

    private static String p(double p) {
        return p < 1e-4 ? String.format("%.1e", p) : String.format("%.4f", p);
    }

    private static String g(Double v) {
        return v == null ? "–" : String.format("%.4g", v);
    }

    private static String pctText(double share) {
        return share == 0 ? "0%" : share < 0.001 ? "<0.1%" : String.format("%.1f%%", 100 * share);
    }
}
