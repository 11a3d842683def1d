package org.driftwatch.report.html;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.driftwatch.compare.ColumnComparison;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts for the HTML report and email, drawn headless with XChart: reference vs current shares
 * on the PSI bins or categories of one column, and PSI of every column with the run's warn and fail lines.
 * Colours are the colour-blind-safe blue/orange pair; every chart also carries its words in the alt text.
 */
public final class ReportCharts {
    static final int WIDTH = 600;
    static final int HEIGHT = 260;
    static final int MAX_CATEGORIES = 12;
    private static final Color REFERENCE = new Color(0x1f, 0x77, 0xb4);
    private static final Color CURRENT = new Color(0xff, 0x7f, 0x0e);
    private static final Color OK = new Color(0x2e, 0x7d, 0x32);
    private static final Color WARN = new Color(0xb2, 0x6a, 0x00);
    private static final Color FAIL = new Color(0xb3, 0x26, 0x1e);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReportCharts() {
    }

    /** A chart's PNG bytes and the words that describe it. */
    public record Chart(String id, byte[] png, String alt) {
    }

    /** Reference vs current shares per PSI bin (numerical) or per category (categorical). */
    public static Chart distribution(String id, ColumnComparison c) {
        List<String> labels = new ArrayList<>();
        List<Double> ref = new ArrayList<>();
        List<Double> cur = new ArrayList<>();
        if (c.numerical() && c.bins() != null) {
            binShares(c.bins(), labels, ref, cur);
        } else if (c.categories() != null) {
            categoryShares(c.categories(), labels, ref, cur);
        }
        if (labels.isEmpty()) {
            return null;
        }
        CategoryChart chart = base("Share of values: reference vs current", c.numerical() ? "bin" : "category", "share");
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setXAxisLabelRotation(labels.size() > 6 ? 35 : 0);
        chart.getStyler().setSeriesColors(new Color[] {REFERENCE, CURRENT});
        chart.addSeries("reference", labels, ref);
        chart.addSeries("current", labels, cur);
        String alt = "Bar chart of " + c.name() + ": reference vs current share per " + (c.numerical() ? "PSI bin" : "category")
            + (c.psi() != null ? String.format("; PSI %.3f", c.psi()) : "") + ". " + biggestChange(labels, ref, cur);
        return new Chart(id, png(chart), alt);
    }

    /** PSI of every column that has one, largest first, with the warn and fail lines. */
    /** A horizontal line at a value, across the whole plot (the warn and fail levels behind the bars' series lines). */
    private static final class LevelLine extends org.knowm.xchart.internal.chartpart.Annotation {
        private final double value;
        private final Color color;
        private final java.awt.Stroke stroke;

        LevelLine(double value, Color color, java.awt.Stroke stroke) {
            super(false);
            this.value = value;
            this.color = color;
            this.stroke = stroke;
        }

        @Override
        public void paint(java.awt.Graphics2D g) {
            if (!isVisible) {
                return;
            }
            int y = getYAxisScreenValue(value);
            int left = getXAxisScreenValueForMin();
            int right = getXAxisScreenValueForMax();
            g.setColor(color);
            g.setStroke(stroke);
            g.drawLine(left, y, right, y);
            bounds = new java.awt.geom.Rectangle2D.Double(left, y, right - left, 0);
        }
    }

    public static Chart psiOverview(String id, List<ColumnComparison> columns, double warn, double fail) {
        List<ColumnComparison> withPsi = new ArrayList<>(columns.stream().filter(c -> c.psi() != null).toList());
        if (withPsi.isEmpty()) {
            return null;
        }
        withPsi.sort((a, b) -> Double.compare(b.psi(), a.psi()));
        if (withPsi.size() > 25) {
            withPsi = withPsi.subList(0, 25);
        }
        List<String> names = withPsi.stream().map(c -> shorten(c.name(), 18)).toList();
        names = dedupe(names);
        List<Double> psi = withPsi.stream().map(ColumnComparison::psi).toList();
        CategoryChart chart = base("PSI per column (largest " + withPsi.size() + ")", "column", "PSI");
        chart.getStyler().setXAxisLabelRotation(names.size() > 5 ? 45 : 0);
        chart.getStyler().setSeriesColors(new Color[] {REFERENCE, WARN, FAIL});
        CategorySeries bars = chart.addSeries("PSI", names, psi);
        bars.setFillColor(REFERENCE);
        CategorySeries w = chart.addSeries("warn " + warn, names, Collections.nCopies(names.size(), warn));
        w.setChartCategorySeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
        w.setMarker(SeriesMarkers.NONE);
        w.setLineColor(WARN);
        w.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        CategorySeries f = chart.addSeries("fail " + fail, names, Collections.nCopies(names.size(), fail));
        f.setChartCategorySeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Line);
        f.setMarker(SeriesMarkers.NONE);
        f.setLineColor(FAIL);
        f.setLineStyle(new BasicStroke(2f));
        // a category line runs from the first bar's centre to the last's: the levels span the whole plot too
        chart.addAnnotation(new LevelLine(warn, WARN, w.getLineStyle()));
        chart.addAnnotation(new LevelLine(fail, FAIL, f.getLineStyle()));
        long above = psi.stream().filter(p -> p > fail).count();
        String alt = "Bar chart of PSI per column with lines at " + warn + " (warn) and " + fail + " (fail); "
            + above + " column" + (above == 1 ? "" : "s") + " above " + fail + ". Largest: " + withPsi.get(0).name()
            + String.format(" (%.3f).", withPsi.get(0).psi());
        return new Chart(id, png(chart), alt);
    }

    private static void binShares(ColumnComparison.Bins bins, List<String> labels, List<Double> ref, List<Double> cur) {
        double nr = sum(bins.reference());
        double nc = sum(bins.current());
        double[] e = bins.innerEdges();
        for (int i = 0; i < bins.reference().length; i++) {
            if (bins.reference()[i] == 0 && bins.current()[i] == 0) {
                continue;   // zero-width bins from repeated edges
            }
            String label = i == 0 ? "< " + num(e[0]) : i == e.length ? "≥ " + num(e[e.length - 1]) : num(e[i - 1]) + "–" + num(e[i]);
            labels.add(label);
            ref.add(nr == 0 ? 0 : bins.reference()[i] / nr);
            cur.add(nc == 0 ? 0 : bins.current()[i] / nc);
        }
    }

    private static void categoryShares(ColumnComparison.Categories cats, List<String> labels, List<Double> ref, List<Double> cur) {
        double nr = sum(cats.reference());
        double nc = sum(cats.current());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cats.names().size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(Math.max(cats.reference()[b] / nr, cats.current()[b] / nc),
            Math.max(cats.reference()[a] / nr, cats.current()[a] / nc)));
        double restRef = 0;
        double restCur = 0;
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            double r = nr == 0 ? 0 : cats.reference()[i] / nr;
            double c = nc == 0 ? 0 : cats.current()[i] / nc;
            if (k < MAX_CATEGORIES) {
                labels.add(shorten(cats.names().get(i), 16));
                ref.add(r);
                cur.add(c);
            } else {
                restRef += r;
                restCur += c;
            }
        }
        if (order.size() > MAX_CATEGORIES) {
            labels.add("others (" + (order.size() - MAX_CATEGORIES) + ")");
            ref.add(restRef);
            cur.add(restCur);
        }
        List<String> unique = dedupe(labels);
        labels.clear();
        labels.addAll(unique);
    }

    private static String biggestChange(List<String> labels, List<Double> ref, List<Double> cur) {
        int best = 0;
        for (int i = 1; i < labels.size(); i++) {
            if (Math.abs(cur.get(i) - ref.get(i)) > Math.abs(cur.get(best) - ref.get(best))) {
                best = i;
            }
        }
        return String.format("Largest change: %s, %.1f%% → %.1f%%.", labels.get(best), 100 * ref.get(best), 100 * cur.get(best));
    }

    /**
     * The model at a glance: the ROC curves of both sides (binary with a score), else the task's main
     * metrics side by side.
     */
    public static Chart performance(String id, org.driftwatch.compare.ModelPerformance p) {
        var ref = p.reference();
        var cur = p.current();
        if (ref == null && cur == null) {
            return null;
        }
        if (ref != null && ref.rocPoints() != null || cur != null && cur.rocPoints() != null) {
            org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("ROC curve: reference vs current").xAxisTitle("false positive rate").yAxisTitle("true positive rate").build();
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setPlotBackgroundColor(Color.WHITE);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            chart.getStyler().setMarkerSize(0);
            chart.getStyler().setSeriesColors(new Color[] {REFERENCE, CURRENT, Color.GRAY});
            StringBuilder alt = new StringBuilder("ROC curves");
            for (var side : new Object[][] {{"reference", ref}, {"current", cur}}) {
                var m = (org.driftwatch.compare.PerformanceMetrics) side[1];
                if (m != null && m.rocPoints() != null) {
                    double[] x = java.util.Arrays.stream(m.rocPoints()).mapToDouble(pt -> pt[0]).toArray();
                    double[] y = java.util.Arrays.stream(m.rocPoints()).mapToDouble(pt -> pt[1]).toArray();
                    Double auc = m.metric("roc_auc");
                    chart.addSeries(side[0] + (auc == null ? "" : String.format(" (AUC %.3f)", auc)), x, y);
                    alt.append(String.format("; %s AUC %s", side[0], auc == null ? "undefined" : String.format("%.3f", auc)));
                }
            }
            chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1}).setLineStyle(
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
            try {
                return new Chart(id, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG), alt + ".");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> names = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        for (String m : mainMetrics(p.task())) {
            Double a = ref == null ? null : ref.metric(m);
            Double b = cur == null ? null : cur.metric(m);
            if (a != null || b != null) {
                names.add(m);
                r.add(a == null ? 0.0 : a);
                c.add(b == null ? 0.0 : b);
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        CategoryChart chart = base("Model performance: reference vs current", "metric", "value");
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setSeriesColors(new Color[] {REFERENCE, CURRENT});
        chart.addSeries("reference", names, r);
        chart.addSeries("current", names, c);
        StringBuilder alt = new StringBuilder("Bar chart of the model's " + p.task().key() + " metrics, reference vs current:");
        for (int i = 0; i < names.size(); i++) {
            alt.append(String.format(" %s %.3f → %.3f;", names.get(i), r.get(i), c.get(i)));
        }
        return new Chart(id, png(chart), alt.toString());
    }

    private static List<String> mainMetrics(org.driftwatch.data.ModelTask task) {
        return switch (task) {
            case REGRESSION -> List.of("mae", "rmse", "median_absolute_error", "mean_error");
            case MULTICLASS -> List.of("accuracy", "balanced_accuracy", "macro_f1", "weighted_f1");
            default -> List.of("accuracy", "precision", "recall", "f1");
        };
    }

    /** A small line of a column's PSI over its last runs, with the warn and fail lines; null with fewer than two runs. */
    public static Chart sparkline(String id, String column, List<org.driftwatch.report.Trends.Point> points, double warn, double fail) {
        List<Double> psi = new ArrayList<>();
        for (var p : points) {
            if (p.psi() != null) {
                psi.add(p.psi());
            }
        }
        if (psi.size() < 2) {
            return null;
        }
        double[] x = new double[psi.size()];
        double[] y = new double[psi.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = psi.get(i);
        }
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(160).height(40).build();
        var s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendVisible(false);
        s.setAxisTicksVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setPlotBorderVisible(false);
        s.setChartTitleVisible(false);
        s.setChartPadding(2);
        s.setMarkerSize(3);
        double top = Math.max(fail * 1.2, java.util.Collections.max(psi) * 1.1);
        s.setYAxisMin(0.0);
        s.setYAxisMax(top);
        s.setSeriesColors(new Color[] {REFERENCE, WARN, FAIL});
        chart.addSeries("psi", x, y);
        chart.addSeries("warn", new double[] {0, x.length - 1}, new double[] {warn, warn}).setMarker(SeriesMarkers.NONE);
        chart.addSeries("fail", new double[] {0, x.length - 1}, new double[] {fail, fail}).setMarker(SeriesMarkers.NONE);
        // first and last date with their values: the picture's ends in words (mail clients that block images show this)
        List<String> dates = points.stream().filter(p -> p.psi() != null).map(org.driftwatch.report.Trends.Point::date).toList();
        String alt = String.format("PSI, %d runs: %s %.3f → %s %.3f", psi.size(), dates.get(0), psi.get(0), dates.get(dates.size() - 1),
            psi.get(psi.size() - 1));
        try {
            return new Chart(id, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG), alt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CategoryChart base(String title, String x, String y) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBorderColor(Color.WHITE);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        s.setChartTitleFont(font.deriveFont(Font.BOLD, 13f));
        s.setLegendFont(font);
        chart.getStyler().setAxisTickLabelsFont(font);
        chart.getStyler().setAxisTitleFont(font);
        chart.getStyler().setAvailableSpaceFill(0.8);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    private static byte[] png(CategoryChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> dedupe(List<String> labels) {
        List<String> out = new ArrayList<>();
        for (String l : labels) {
            String x = l;
            int n = 2;
            while (out.contains(x)) {
                x = l + " (" + n++ + ")";
            }
            out.add(x);
        }
        return out;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format("%.3g", v);
    }

    private static double sum(long[] xs) {
        double s = 0;
        for (long x : xs) {
            s += x;
        }
        return s;
    }
}
