package org.driftwatch.profile.model;

import java.util.Map;

/**
 * Row count and per-column counts and moments of one dataset, from one aggregation; for the reference also
 * each column's {@link SelfCheck} (empty for the current data); and the metric of every analyzer the
 * checks requested, by analyzer name (absent when this side was not scanned for it).
 */
public record DatasetSummary(long rows, Map<String, NumericSummary> numeric, Map<String, Long> nonNullCounts,
                             Map<String, SelfCheck> selfChecks, Map<String, Map<String, Double>> analyzed, QualitySide quality) {
    public DatasetSummary(long rows, Map<String, NumericSummary> numeric, Map<String, Long> nonNullCounts) {
        this(rows, numeric, nonNullCounts, Map.of(), Map.of(), QualitySide.NONE);
    }

    public DatasetSummary(long rows, Map<String, NumericSummary> numeric, Map<String, Long> nonNullCounts,
                          Map<String, SelfCheck> selfChecks, Map<String, Map<String, Double>> analyzed) {
        this(rows, numeric, nonNullCounts, selfChecks, analyzed, QualitySide.NONE);
    }

    public DatasetSummary(long rows, Map<String, NumericSummary> numeric, Map<String, Long> nonNullCounts,
                          Map<String, SelfCheck> selfChecks) {
        this(rows, numeric, nonNullCounts, selfChecks, Map.of(), QualitySide.NONE);
    }

    public DatasetSummary {
        numeric = Map.copyOf(numeric);
        nonNullCounts = Map.copyOf(nonNullCounts);
        selfChecks = selfChecks == null ? Map.of() : Map.copyOf(selfChecks);
        analyzed = analyzed == null ? Map.of() : Map.copyOf(analyzed);
        quality = quality == null ? QualitySide.NONE : quality;
    }

    /** The same summary with its data-quality measures. */
    public DatasetSummary withQuality(QualitySide measured) {
        return new DatasetSummary(rows, numeric, nonNullCounts, selfChecks, analyzed, measured);
    }

    /** The same summary with these non-null counts. */
    public DatasetSummary withNonNull(Map<String, Long> counts) {
        return new DatasetSummary(rows, numeric, counts, selfChecks, analyzed, quality);
    }

    /** The same summary with the analyzers' metrics. */
    public DatasetSummary withAnalyzed(Map<String, Map<String, Double>> metrics) {
        return new DatasetSummary(rows, numeric, nonNullCounts, selfChecks, metrics, quality);
    }

    /** Non-null values of a categorical or id column (null when the column is absent on this side). */
    public Long nonNull(String column) {
        return nonNullCounts.get(column);
    }
}
