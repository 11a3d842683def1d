package org.driftwatch.profile.model;

import java.util.Map;

/** Row count and per-column counts and moments of one dataset, from one aggregation. */
public record DatasetSummary(long rows, Map<String, NumericSummary> numeric, Map<String, Long> nonNullCounts) {
    public DatasetSummary {
        numeric = Map.copyOf(numeric);
        nonNullCounts = Map.copyOf(nonNullCounts);
    }

    /** Non-null values of a categorical or id column (null when the column is absent on this side). */
    public Long nonNull(String column) {
        return nonNullCounts.get(column);
    }
}
