package org.driftwatch.compare;

/**
 * A statistic of one compared column that describes itself (Deequ's analyzer, Evidently's metric): its
 * name, the columns it applies to, and how it is computed — purely, from the column's comparison — into
 * a {@link MetricValue} that the JSON, HTML and CSV writers render without knowing the metric. A new
 * one is one class plus one line in {@link ColumnMetrics}; a check judges it by reading
 * {@link ColumnComparison#metric(ColumnMetric)}.
 */
public interface ColumnMetric {
    /** Key in report.json's column object and summary.csv's header; snake_case. */
    String name();

    boolean appliesTo(ColumnComparison column);

    /** The metric for this column, or null when it is undefined there (say why in the value's words when it is not). */
    MetricValue compute(ColumnComparison column);
}
