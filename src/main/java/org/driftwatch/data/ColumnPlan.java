package org.driftwatch.data;

import java.util.List;
import java.util.Map;

/**
 * The columns a run compares, resolved against the data: the numerical and categorical features, the
 * id and label columns, whether the features were inferred, and how the current schema differs.
 */
public record ColumnPlan(List<String> numerical, List<String> categorical, String id, String label,
                         boolean inferred, List<String> skipped, SchemaDifference schema) {
    public ColumnPlan {
        numerical = List.copyOf(numerical);
        categorical = List.copyOf(categorical);
        skipped = List.copyOf(skipped);
    }

    /** Differences between the reference and current schema. */
    public record SchemaDifference(List<String> missingInCurrent, List<String> newInCurrent,
                                   Map<String, String[]> typeChanges) {
        public SchemaDifference {
            missingInCurrent = List.copyOf(missingInCurrent);
            newInCurrent = List.copyOf(newInCurrent);
            typeChanges = Map.copyOf(typeChanges);
        }
    }
}
