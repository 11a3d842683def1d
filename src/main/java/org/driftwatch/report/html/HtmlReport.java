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
import org.driftwatch.judge.Explanation;
import org.driftwatch.report.DriftReport;
import org.driftwatch.stats.PopulationStabilityIndex;

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
        .addEscapingStrategy("bounded-html", HtmlReport::escape).defaultEscapingStrategy("bounded-html")
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
        return render(c -> "cid:" + inlineName(c));
    }

    /** The name of a chart's inline part in the email, its cid: too. */
    public static String inlineName(ReportCharts.Chart chart) {
        return chart.id() + ".png";
    }

    /**
     * Each column's distribution chart, in the order given: drawn and PNG-encoded on all cores, since the
     * charts are most of the time a report takes and do not depend on one another.
     */
    private static List<ReportCharts.Chart> distributions(List<ColumnComparison> columns) {
        return java.util.stream.IntStream.range(0, columns.size()).parallel()
            .mapToObj(k -> ReportCharts.distribution("col-" + k, columns.get(k)))
            .collect(java.util.stream.Collectors.toList());
    }

    private String render(Function<ReportCharts.Chart, String> imageSource) {
        Map<String, Object> context = new LinkedHashMap<>(model);
        // ours (base64 or cid:), so neither escaped nor bounded like the values
        Map<String, io.pebbletemplates.pebble.extension.escaper.SafeString> images = new LinkedHashMap<>();
        charts.forEach(c -> images.put(c.id(), new io.pebbletemplates.pebble.extension.escaper.SafeString(imageSource.apply(c))));
        context.put("images", images);
        StringWriter out = new StringWriter();
        try {
            TEMPLATE.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Every value the templates print: bounded as in every output, then escaped for HTML text and attributes. */
    public static String escape(String value) {
        String text = org.driftwatch.report.BoundedText.of(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private Map<String, Object> buildModel() {
        Comparison c = report.comparison();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("monitor", report.monitor());
        m.put("date", report.date());
        m.put("verdict", Map.of("banner", verdict.banner(), "headline", verdict.headline(),
            "color", color(verdict.level()), "background", background(verdict.level()), "icon", verdict.outcome().mark(),
            "types", verdict.driftTypes().isEmpty() ? "" : "Drift tonight: " + verdict.driftTypesLine()));
        m.put("steps", verdict.nextSteps());
        m.put("facts", facts());
        double warn = report.threshold("psi.warn", PopulationStabilityIndex.MODERATE);
        double fail = report.threshold("psi.fail", PopulationStabilityIndex.SIGNIFICANT);
        // a chart of PSIs that all stay below the warn level explains nothing: the page leads with what does
        boolean moved = c.allColumns().stream().anyMatch(col -> col.psi() != null && col.psi() >= warn);
        ReportCharts.Chart overview = moved ? ReportCharts.psiOverview("psi-overview", c.allColumns(), warn, fail) : null;
        if (overview != null) {
            charts.add(overview);
            m.put("overview", Map.of("present", true, "id", overview.id(), "alt", overview.alt()));
        } else {
            m.put("overview", Map.of("present", false, "id", "", "alt", ""));
        }
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (org.driftwatch.report.ReportSection section : org.driftwatch.report.ReportSections.ALL) {
            HtmlBlock block = section.html(report);
            if (block != null) {
                charts.addAll(block.charts());
                blocks.add(Map.of("template", block.template(), "model", block.model()));
            }
        }
        m.put("sections", blocks);
        List<ColumnComparison> sorted = new ArrayList<>(c.allColumns());
        sorted.sort(Comparator.comparing((ColumnComparison col) -> columnStatus(col.name())).reversed()
            .thenComparing(col -> col.psi() == null ? -1 : col.psi(), Comparator.reverseOrder()));
        ColumnSections sections = new ColumnSections(report);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        int i = 0;
        org.driftwatch.report.Trends trends = report.trends();
        List<ReportCharts.Chart> distributions = distributions(sorted);
        for (ColumnComparison col : sorted) {
            Map<String, Object> row = new LinkedHashMap<>(sections.row(col, warn, fail));
            ReportCharts.Chart spark = trends.columns().containsKey(col.name())
                ? ReportCharts.sparkline("spark-" + i, col.name(), trends.columns().get(col.name()), warn, fail) : null;
            if (spark != null) {
                charts.add(spark);
            }
            row.put("spark", spark == null ? "" : spark.id());
            row.put("sparkAlt", spark == null ? "" : spark.alt());
            rows.add(row);
            ReportCharts.Chart chart = distributions.get(i++);
            if (chart != null) {
                charts.add(chart);
            }
            details.add(sections.detail(col, chart));
        }
        m.put("rows", rows);
        m.put("trends", trendSection(trends));
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

    /** How many features would drift by chance alone: the p-value tests times their α (none when under one). */
    private static java.util.Optional<String> chance(Comparison c) {
        List<ColumnComparison> tested = c.columns().values().stream().filter(col -> col.drift() != null
            && col.drift().pValueAdjusted() != null).toList();
        if (tested.size() < 10) {
            return java.util.Optional.empty();
        }
        double alpha = tested.get(0).drift().threshold();
        long raw = tested.stream().filter(col -> col.drift().score() <= alpha).count();
        long adjusted = tested.stream().filter(col -> col.drift().pValueAdjusted() <= alpha).count();
        return java.util.Optional.of(String.format("%d columns tested by p-value at α %.2g: about %.1f would drift by chance alone; %d do"
            + " by the raw p, %d after the Benjamini–Hochberg correction", tested.size(), alpha, alpha * tested.size(), raw, adjusted));
    }

    private List<Map<String, String>> facts() {
        Comparison c = report.comparison();
        List<Map<String, String>> f = new ArrayList<>();
        f.add(fact("Data", String.format("reference %,d rows, current %,d rows", report.reference().rows(), report.current().rows())));
        DatasetDrift dd = report.datasetDrift();
        // the features only: the headline above already says why (say each thing once)
        int features = c.columns().size();
        long moved = c.columns().values().stream().filter(col -> col.drift().detected()).count();
        f.add(fact("Drift", moved + " of " + features + " feature" + (features == 1 ? "" : "s") + " drifted"
            + (dd.share() == null ? "" : String.format("; dataset drift %s (%.0f%% of tested columns, threshold %.0f%%)",
            dd.detected() ? "detected" : "not detected", 100 * dd.share(), 100 * dd.threshold()))));
        c.label().ifPresent(l -> f.add(fact("Label", l.psi() == null ? "insufficient data"
            : String.format("%s: PSI %.3f%s", l.name(), l.psi(), l.unseenCategories().isEmpty() ? "" : ", new classes " + String.join(", ", l.unseenCategories())))));
        c.leakage().ifPresent(l -> f.add(fact("Leakage", l.overlappingIds() == 0 ? "no id of the current data is in the reference ("
            + l.column() + ")" : String.format("%,d ids of the current data are in the reference (%,d rows)", l.overlappingIds(), l.currentRowsWithReferenceId()))));
        c.identicalRows().ifPresent(r -> f.add(fact("Copied rows", String.format("%,d current rows identical to a reference row", r.currentRows()))));
        chance(c).ifPresent(words -> f.add(fact("Chance", words)));
        f.add(fact("Checks", checksFact()));
        c.columns().values().stream().filter(col -> col.method() != null)
            .min(java.util.Comparator.comparing(col -> col.method().exact()))   // the run's strategy, not a column's exception
            .ifPresent(col -> f.add(fact("Method", col.method().method() + ": " + col.method().reason())));
        f.add(fact("Schema", schemaFact(c)));
        return f;
    }

    /**
     * What changed in the schema, from the comparison itself: missing and retyped columns, new columns, and
     * columns with categories the reference never had — "unchanged" only when none, so the line never
     * contradicts a schema finding beside it.
     */
    private static String schemaFact(Comparison c) {
        List<String> parts = new ArrayList<>();
        var schema = c.plan().schema();
        count(parts, schema.missingInCurrent().size(), "column missing", "columns missing");
        count(parts, schema.typeChanges().size(), "column retyped", "columns retyped");
        count(parts, schema.newInCurrent().size(), "new column", "new columns");
        long unseen = c.allColumns().stream().filter(col -> !col.unseenCategories().isEmpty()).count();
        count(parts, (int) unseen, "column with new categories", "columns with new categories");
        return parts.isEmpty() ? "unchanged" : String.join(", ", parts);
    }

    private static void count(List<String> parts, int n, String one, String many) {
        if (n > 0) {
            parts.add(n + " " + (n == 1 ? one : many));
        }
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

    private Status columnStatus(String column) {
        return report.columnStatus(column);
    }

    /** Rising columns and the verdict of the last nights, or nothing for a monitor without a past. */
    private Map<String, Object> trendSection(org.driftwatch.report.Trends trends) {
        if (trends.verdicts().size() < 2) {
            return Map.of();
        }
        List<Map<String, String>> nights = new ArrayList<>();
        for (org.driftwatch.report.Trends.Night n : trends.verdicts()) {
            Status s = n.outcome().level();
            nights.add(Map.of("date", n.date().substring(5), "word", n.outcome().letter(),
                "color", color(s), "background", background(s), "title", n.date() + ": " + n.outcome().word()));
        }
        List<String> rising = trends.rising(report.thresholds().getOrDefault("psi.warn", PopulationStabilityIndex.MODERATE) / 2);
        List<List<Map<String, String>>> weeks = new ArrayList<>();
        for (int k = 0; k < nights.size(); k += 7) {
            weeks.add(nights.subList(k, Math.min(nights.size(), k + 7)));   // rows of 7 fit a phone
        }
        return Map.of("nights", weeks, "rising", rising.isEmpty() ? "No column rose " + org.driftwatch.report.Trends.RISING_NIGHTS
            + " nights in a row." : "PSI rising night after night: " + String.join("; ", rising),
            "count", trends.verdicts().size(), "legend", String.join(" · ", java.util.Arrays.stream(org.driftwatch.judge.Outcome.values())
                .filter(o -> o != org.driftwatch.judge.Outcome.OK).map(o -> o.letter() + " " + o.word()).toList()));
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

}
