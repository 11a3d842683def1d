package org.driftwatch.compare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.driftwatch.profile.model.SelfCheck;

/**
 * The column's drift statistics half against half of the reference (rows split by a hash, computed in
 * the reference scan and kept in saved profiles): the level each statistic reads when nothing drifted, at
 * this column's size. Unlike the other metrics it is not computed from the comparison but carried from the
 * profile ({@link #attach}); registering it gives it the same place in report.json, the HTML and summary.csv.
 */
public final class ReferenceSelfCheck implements ColumnMetric {
    public static final String NAME = "self_check";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(ColumnComparison column) {
        return column.metrics().containsKey(NAME);
    }

    @Override
    public MetricValue compute(ColumnComparison column) {
        return column.metrics().get(NAME);
    }

    /** The column with the reference profile's self-check for it (unchanged without one). */
    static ColumnComparison attach(ColumnComparison c, SelfCheck s) {
        if (s == null) {
            return c;
        }
        Map<String, Double> f = new LinkedHashMap<>();
        StringBuilder words = new StringBuilder("Reference half against half (its own noise):");
        put(f, words, "psi", "PSI %.3f", s.psi());
        put(f, words, "ks_statistic", "D %.4f", s.ksStatistic());
        put(f, words, "wasserstein_normed", "Wasserstein (normed) %.4f", s.wassersteinNormed());
        put(f, words, "jensen_shannon", "JS %.4f", s.jensenShannon());
        words.setLength(words.length() - 1);
        f.put("first_half", (double) s.firstHalf());
        f.put("second_half", (double) s.secondHalf());
        Map<String, MetricValue> metrics = new LinkedHashMap<>(c.metrics());
        metrics.put(NAME, new MetricValue(f, words.toString()));
        return c.withMetricValues(metrics);
    }

    private static void put(Map<String, Double> f, StringBuilder words, String key, String format, Double v) {
        if (v != null && Double.isFinite(v)) {
            f.put(key, v);
            words.append(' ').append(String.format(java.util.Locale.ROOT, format, v)).append(',');
        }
    }

    /** The reference's own level of one statistic for a column, half against half, or null. */
    public static Double level(ColumnComparison c, String statistic) {
        MetricValue v = c.metrics().get(NAME);
        return v == null ? null : v.fields().get(statistic);
    }

    /**
     * The level scaled to tonight's sample sizes: PSI (χ²-like) by (1/n + 1/m) / (1/n₁ + 1/n₂), the distances
     * (D, Wasserstein, JS: square-root-like) by its square root, where n, m are tonight's reference and current
     * counts and n₁, n₂ the halves'. Null without a level or counts.
     */
    public static Double levelTonight(ColumnComparison c, String statistic) {
        Double level = level(c, statistic);
        MetricValue v = c.metrics().get(NAME);
        Long n = c.reference().count();
        Long m = c.current().count();
        if (level == null || n == null || m == null || n == 0 || m == 0) {
            return null;
        }
        double scale = (1.0 / n + 1.0 / m) / (1.0 / v.fields().get("first_half") + 1.0 / v.fields().get("second_half"));
        return statistic.equals("psi") ? level * scale : level * Math.sqrt(scale);
    }
}
