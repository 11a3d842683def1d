package org.driftwatch.profile.model;

import java.util.List;

/**
 * Category counts on both sides over the sorted union of categories. Above the cardinality limit the
 * most frequent reference categories are kept and the rest fold into {@link #OTHER}.
 */
public record CategoryTable(List<String> categories, long[] reference, long[] current, long distinct,
                            boolean folded) {
    public static final String OTHER = "(other)";

    public CategoryTable {
        categories = List.copyOf(categories);
    }
}
