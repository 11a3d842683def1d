package org.driftwatch.compare;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of a compared column the metrics history remembers every night, by metric name: one list,
 * so what the history stores and what checks against the history compare are the same numbers.
 */
public final class RememberedNumbers {
    private RememberedNumbers() {
    }

    /**
     * The remembered metrics that cannot go below zero (counts, shares, distances, p-values, ages): a band
     * around their past stops at zero. A mean, or a model metric such as r2, can be negative.
     */
    public static final java.util.Set<String> NON_NEGATIVE = java.util.Set.of("rows", "rows_current", "rows_reference", "current_count",
        "psi", "ks_statistic", "ks_p_value", "wasserstein_normed", "jensen_shannon", "null_share", "drift_score", "drift_detected",
        "failed_share", "age_hours");

    /** Tonight's finite numbers of one column, in the history's metric names. */
    public static Map<String, Double> of(ColumnComparison c) {
        Map<String, Double> out = new LinkedHashMap<>();
        put(out, "psi", c.psi());
        if (c.ks() != null) {
            put(out, "ks_statistic", c.ks().statistic());
            put(out, "ks_p_value", c.ks().pValue());
        }
        put(out, "wasserstein_normed", c.wassersteinNormed());
        put(out, "jensen_shannon", c.jensenShannon());
        put(out, "null_share", c.current().nullShare());
        put(out, "mean", c.current().mean());
        put(out, "current_count", c.current().count() == null ? null : c.current().count().doubleValue());
        if (c.drift() != null) {
            put(out, "drift_score", c.drift().score());
            put(out, "drift_detected", c.drift().detected() ? 1.0 : 0.0);
        }
        return out;
    }

    /** The history's column of a data-quality constraint (a name no data column has: constraint names are free). */
    public static String qualityColumn(String constraint) {
        return QUALITY + constraint;
    }

    static final String QUALITY = "_quality:";

    /**
     * Tonight's number of every data-quality constraint, by its history column: {@code failed_share}, or
     * {@code age_hours} for freshness; none where nothing was checked.
     */
    public static Map<String, Map<String, Double>> quality(QualityMeasures q) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        q.current().measures().forEach((name, m) -> {
            Map<String, Double> numbers = new LinkedHashMap<>();
            if ("freshness".equals(m.kind())) {
                put(numbers, "age_hours", q.ageHours(m.latestMicros()));
            } else {
                put(numbers, "failed_share", m.failedShare());
            }
            if (!numbers.isEmpty()) {
                out.put(qualityColumn(name), numbers);
            }
        });
        return out;
    }

    static final String SEGMENT = "_segment:";

    /** The history's column of a segment's column ({@code _segment:origin=ATL:delay}), or of the segment itself (column null). */
    public static String segmentColumn(String segment, String column) {
        return SEGMENT + segment + (column == null ? "" : ":" + column);
    }

    /**
     * Tonight's numbers of every measured segment, by history column: each segment column's numbers as a whole
     * column's ({@link #of}), and the segment's own {@code rows_current} and the model's current metrics there.
     */
    public static Map<String, Map<String, Double>> segments(java.util.List<SegmentComparison> segments) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (SegmentComparison s : segments) {
            Map<String, Double> own = new LinkedHashMap<>();
            put(own, "rows_current", (double) s.currentRows());
            s.performance().filter(p -> p.current() != null).ifPresent(p -> p.current().metrics().forEach((k, v) -> put(own, k, v)));
            out.put(segmentColumn(s.name(), null), own);
            if (s.measured()) {
                s.columns().forEach((name, c) -> out.put(segmentColumn(s.name(), name), of(c)));
            }
        }
        return out;
    }

    private static void put(Map<String, Double> out, String metric, Double v) {
        if (v != null && Double.isFinite(v)) {
            out.put(metric, v);
        }
    }
}
