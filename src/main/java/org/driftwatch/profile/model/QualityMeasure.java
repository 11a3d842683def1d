package org.driftwatch.profile.model;

import java.util.List;

/**
 * One data-quality constraint measured on one side (see {@code profile.quality.QualityRule}).
 *
 * @param kind             the constraint's kind ({@code range}, {@code unique}, ...)
 * @param column           the column it reads; null for a row condition
 * @param rows             the side's rows
 * @param checked          rows the constraint looked at: the column's non-null values (a condition: all rows)
 * @param failed           checked rows that fail; null for freshness
 * @param distinct         unique only: distinct non-null values, else null
 * @param duplicatedValues unique only: distinct values on two or more rows, else null
 * @param latestMicros     freshness only: the latest instant, microseconds since the epoch (null when none)
 * @param samples          failing values, most frequent first, ties by text (Long, Double or String; NaN as
 *                         the Double NaN); for a condition, failing rows as maps of column to value
 * @param error            why the side could not be measured (the column is missing there), else null
 */
public record QualityMeasure(String kind, String column, long rows, long checked, Long failed, Long distinct, Long duplicatedValues, Long latestMicros,
                             List<Object> samples, String error) {
    public QualityMeasure {
        samples = samples == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(samples));
    }

    /** A side where the constraint cannot be evaluated. */
    public static QualityMeasure unmeasurable(String kind, String column, long rows, String why) {
        return new QualityMeasure(kind, column, rows, 0, null, null, null, null, List.of(), why);
    }

    /** The same measure with the side's row count (an aggregation that counts values only leaves it 0). */
    public QualityMeasure withRows(long all) {
        return new QualityMeasure(kind, column, all, checked, failed, distinct, duplicatedValues, latestMicros, samples, error);
    }

    /** failed / checked, or null when nothing was checked (or nothing can fail). */
    public Double failedShare() {
        return failed == null || checked == 0 ? null : (double) failed / checked;
    }
}
