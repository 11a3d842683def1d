package org.driftwatch.history;

/**
 * One remembered number (or word) of one night: per column and metric, or for the run itself (column
 * {@link #RUN}). The stored schema, documented in README "Metrics history": monitor, date (partitions),
 * column, metric, value (double, null for words), text (null for numbers).
 */
public record HistoryRow(String column, String metric, Double value, String text) {
    /** The column of the run's own rows: rows, status, verdict, breached, duration, rules hash. */
    public static final String RUN = org.driftwatch.compare.EarlierRuns.RUN;
    /** The column of the model's performance metrics. */
    public static final String PERFORMANCE = "_performance";
}
