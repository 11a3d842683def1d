package org.driftwatch.profile.model;

import java.util.List;

/**
 * Category counts on both sides over the sorted union of categories. Above the cardinality limit the
 * most frequent reference categories are kept and the rest fold into {@link #OTHER}.
 */
public record CategoryTable(List<String> categories, long[] reference, long[] current, long distinct,
                            boolean folded, Unseen unseen) {
    public static final String OTHER = "(other)";
    /** Unseen values named at most. */
    public static final int TOP_UNSEEN = 10;

    public CategoryTable {
        categories = List.copyOf(categories);
    }

    public CategoryTable(List<String> categories, long[] reference, long[] current, long distinct, boolean folded) {
        this(categories, reference, current, distinct, folded, null);
    }

    /**
     * Current values the reference never had, counted before any folding, so a new value is found
     * however many categories there are: the current rows holding one, how many distinct ones, and the
     * most frequent (value → current count, most frequent first, at most {@link #TOP_UNSEEN}).
     */
    public record Unseen(long rows, long distinct, java.util.LinkedHashMap<String, Long> top) {
    }
}
