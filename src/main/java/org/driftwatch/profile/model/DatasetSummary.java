package org.driftwatch.profile.model;

import java.util.Map;

/**
 * Row count and per-column counts and moments of one dataset, from one aggregation; for the reference also
 * each column's {@link SelfCheck} (empty for the current data).
 */
public record DatasetSummary(long rows, Map<String, NumericSummary> numeric, Map<String, Long> nonNullCounts,
                             Map<String, SelfCheck> selfChecks) {
    public DatasetSummary(long rows, Map<String, NumericSummary> numeric, Map<String, Long> nonNullCounts) {
        this(rows, numeric, nonNullCounts, Map.of());
    }

    public DatasetSummary {
        numeric = Map.copyOf(numeric);
        nonNullCounts = Map.copyOf(nonNullCounts);
        selfChecks = selfChecks == null ? Map.of() : Map.copyOf(selfChecks);
    }

    /** Non-null values of a categorical or id column (null when the column is absent on this side). */
    public Long nonNull(String column) {
        return nonNullCounts.get(column);
    }
}
