package org.driftwatch.compare;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One segment compared: its rows on both sides, each segmented column compared exactly as a whole column
 * is (on the segment's rows only), and the model's performance there.
 *
 * @param by          the column whose value defines the segment, or null for an expression
 * @param value       that value as text, or null
 * @param expression  the SQL condition, or null for a by segment
 * @param insufficient why the segment has no statistics (below {@code segments.min_rows} on a side), or null
 */
public record SegmentComparison(String name, String by, String value, String expression, long referenceRows, long currentRows,
                                Map<String, ColumnComparison> columns, Optional<ModelPerformance> performance, String insufficient) {
    public SegmentComparison {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The columns whose drift test fired, in column order. */
    public List<String> driftedColumns() {
        return columns.values().stream().filter(c -> c.drift() != null && c.drift().detected()).map(ColumnComparison::name).toList();
    }

    /** Whether the segment has statistics (enough rows on both sides). */
    public boolean measured() {
        return insufficient == null;
    }
}
