package org.driftwatch.rules;

import java.util.List;

/**
 * Which columns are compared and how. {@code numerical} or {@code categorical} is null when the rule
 * file left it out: the job then infers it from the reference schema and says so in the report.
 */
public record ColumnRoles(List<String> numerical, List<String> categorical, String id, String label) {
    public ColumnRoles {
        numerical = numerical == null ? null : List.copyOf(numerical);
        categorical = categorical == null ? null : List.copyOf(categorical);
    }

    public boolean inferred() {
        return numerical == null && categorical == null;
    }
}
