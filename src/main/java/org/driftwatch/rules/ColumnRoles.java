package org.driftwatch.rules;

import java.util.List;

/**
 * Which columns are compared and how. {@code numerical} or {@code categorical} is null when the rule
 * file left it out: the job then infers it from the reference schema and says so in the report.
 * {@code prediction} and {@code score} (the model's output and its positive-class probability) are
 * null when the rule file monitors no model.
 */
public record ColumnRoles(List<String> numerical, List<String> categorical, String id, String label,
                          String prediction, String score, String idKey) {
    public ColumnRoles {
        numerical = numerical == null ? null : List.copyOf(numerical);
        categorical = categorical == null ? null : List.copyOf(categorical);
        idKey = idKey == null ? "columns.id" : idKey;
    }

    /** Roles whose id, if any, comes from {@code columns.id}. */
    public ColumnRoles(List<String> numerical, List<String> categorical, String id, String label, String prediction, String score) {
        this(numerical, categorical, id, label, prediction, score, "columns.id");
    }

    public ColumnRoles(List<String> numerical, List<String> categorical, String id, String label) {
        this(numerical, categorical, id, label, null, null);
    }

    /** The same roles with another id column (a check's leakage key). */
    public ColumnRoles withId(String newId) {
        return withId(newId, idKey);
    }

    /** The same roles with another id column, named by {@code key} in errors ({@code checks.leakage.key}). */
    public ColumnRoles withId(String newId, String key) {
        return new ColumnRoles(numerical, categorical, newId, label, prediction, score, key);
    }

    /** Columns with a role that are never features: id, label, prediction, score. */
    public List<String> roleColumns() {
        return java.util.stream.Stream.of(id, label, prediction, score).filter(java.util.Objects::nonNull).toList();
    }

    public boolean inferred() {
        return numerical == null && categorical == null;
    }
}
