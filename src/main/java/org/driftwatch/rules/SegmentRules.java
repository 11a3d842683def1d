package org.driftwatch.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule file's {@code segments:} section: the slices whose drift and model quality a run measures beside
 * the whole dataset's. {@code by} columns give one segment per value (the {@code maxSegments} most frequent in
 * the reference); {@code expressions} one segment per named Spark SQL condition. Checked here for form and
 * syntax; the columns are checked against the data when the run resolves them ({@link #error}).
 *
 * @param columns the compared columns to segment, or null for every compared feature
 */
public record SegmentRules(List<String> by, Map<String, String> expressions, int maxSegments, int minRows, List<String> columns,
                           RuleSection section) {
    public static final List<String> KEYS = List.of("by", "expressions", "max_segments", "min_rows", "columns");
    public static final int MAX_SEGMENTS = 50;
    public static final int MIN_ROWS = 1000;
    /** Segments a run measures at most (by columns × max_segments + expressions): each adds a column per segmented column. */
    public static final int MOST_SEGMENTS = 1000;
    /**
     * Segment columns a run profiles at most (segments × segmented columns): each is a column of every scan's
     * accumulator, and the accumulators must stay well below what a task may send the driver.
     */
    public static final int MOST_SEGMENT_COLUMNS = 1000;
    public static final SegmentRules NONE = new SegmentRules(List.of(), Map.of(), MAX_SEGMENTS, MIN_ROWS, null, null);

    public SegmentRules {
        by = List.copyOf(by);
        expressions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expressions));
        columns = columns == null ? null : List.copyOf(columns);
    }

    /** Whether the rule file asks for any segment. */
    public boolean any() {
        return !by.isEmpty() || !expressions.isEmpty();
    }

    static SegmentRules fromRules(RuleSection s) {
        s.allowOnly(KEYS);
        List<String> by = s.strings("by").orElse(List.of());
        if (new java.util.HashSet<>(by).size() < by.size()) {
            throw s.error("by", "segments.by names a column twice");
        }
        Map<String, String> expressions = new LinkedHashMap<>();
        s.section("expressions").ifPresent(e -> {
            for (String name : e.keys()) {
                String sql = e.string(name).orElseThrow(() -> e.error(name, "segments.expressions." + name + " must be a Spark SQL condition"));
                String bad = SqlCondition.syntaxError(sql);
                if (bad != null) {
                    throw e.error(name, "segments.expressions." + name + ": Spark cannot parse the condition: " + bad);
                }
                if (name.contains("=")) {
                    throw e.error(name, true, "segments.expressions: the name '" + name + "' must not contain '=' (by segments are named column=value)");
                }
                expressions.put(name, sql);
            }
        });
        int max = s.integer("max_segments", MAX_SEGMENTS, 1, MOST_SEGMENTS);
        if ((long) by.size() * max + expressions.size() > MOST_SEGMENTS) {
            throw s.error("max_segments", "segments: " + by.size() + " by columns × max_segments " + max + " + " + expressions.size()
                + " expressions is more than " + MOST_SEGMENTS + " segments; lower max_segments");
        }
        int minRows = s.integer("min_rows", MIN_ROWS, 1, Integer.MAX_VALUE);
        List<String> columns = s.strings("columns").orElse(null);
        if (columns != null && columns.isEmpty()) {
            throw s.error("columns", "segments.columns is empty; leave it out to segment every compared column");
        }
        return new SegmentRules(by, expressions, max, minRows, columns, s);
    }

    /** An error at {@code key} of the section ({@code by/0}, {@code expressions/warm}, {@code columns/2}). */
    public RuleException error(String key, String message) {
        return section == null ? new RuleException("segments", message) : section.error(key, message);
    }
}
