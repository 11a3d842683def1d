package org.driftwatch.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registered column metrics, in the order reports show them. */
public final class ColumnMetrics {
    public static final List<ColumnMetric> ALL = java.util.stream.Stream.concat(
        java.util.stream.Stream.of(new StandardisedMeanDifference(), new PsiCritical(), new ReferenceSelfCheck()),
        org.driftwatch.stats.EcdfStatistics.ALL.stream().map(EcdfTestMetric::new)).toList();

    private ColumnMetrics() {
    }

    /** Every metric that applies to the column and is defined there, by name. */
    static Map<String, MetricValue> of(ColumnComparison column) {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        for (ColumnMetric m : ALL) {
            MetricValue v = m.appliesTo(column) ? m.compute(column) : null;
            if (v != null) {
                out.put(m.name(), v);
            }
        }
        return out;
    }

    /** Names of the metrics that may appear, for a CSV header. */
    public static List<String> names() {
        return ALL.stream().map(ColumnMetric::name).toList();
    }
}
