package org.driftwatch.data;

import java.util.List;
import java.util.Map;

/**
 * The columns a run compares, resolved against the data: the numerical and categorical features, the
 * id and label columns, whether the features were inferred, how the current schema differs, and the
 * monitored model (null when the rule file names no prediction).
 */
public record ColumnPlan(List<String> numerical, List<String> categorical, String id, String label,
                         boolean inferred, List<String> skipped, SchemaDifference schema, ModelPlan model,
                         Map<String, String> skipReasons, SegmentPlan segments) {
    public ColumnPlan {
        segments = segments == null ? SegmentPlan.NONE : segments;
        numerical = List.copyOf(numerical);
        categorical = List.copyOf(categorical);
        skipped = List.copyOf(skipped);
        skipReasons = skipReasons == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipReasons));
    }

    public ColumnPlan(List<String> numerical, List<String> categorical, String id, String label, boolean inferred,
                      List<String> skipped, SchemaDifference schema) {
        this(numerical, categorical, id, label, inferred, skipped, schema, null, Map.of(), SegmentPlan.NONE);
    }

    public ColumnPlan(List<String> numerical, List<String> categorical, String id, String label, boolean inferred,
                      List<String> skipped, SchemaDifference schema, ModelPlan model) {
        this(numerical, categorical, id, label, inferred, skipped, schema, model, Map.of(), SegmentPlan.NONE);
    }

    public ColumnPlan withModel(ModelPlan newModel) {
        return new ColumnPlan(numerical, categorical, id, label, inferred, skipped, schema, newModel, skipReasons, segments);
    }

    /** The same plan with the run's segments. */
    public ColumnPlan withSegments(SegmentPlan resolved) {
        return new ColumnPlan(numerical, categorical, id, label, inferred, skipped, schema, model, skipReasons, resolved);
    }

    /** Whether the label is compared as a number (a regression label) rather than by its classes. */
    public boolean numericLabel() {
        return model != null && model.task() == ModelTask.REGRESSION;
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
