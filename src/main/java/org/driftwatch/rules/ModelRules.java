package org.driftwatch.rules;

import java.util.List;

/**
 * The rule file's {@code model:} section: the task (null = inferred from the label), the positive class
 * of a binary task (null = inferred: 1 or true), delayed labels joined to the current predictions by key,
 * and the label coverage below which performance is not judged.
 */
public record ModelRules(String task, String positiveClass, DataSource labels, String labelsKey, double minLabelCoverage, int maxClassPairs) {
    public static final List<String> TASKS = List.of("binary", "multiclass", "regression");
    public static final List<String> KEYS = List.of("task", "positive_class", "labels", "min_label_coverage", "max_class_pairs");
    /** Distinct (label, prediction) pairs a classifier's confusion table holds by default ({@code model.max_class_pairs}). */
    public static final int DEFAULT_MAX_CLASS_PAIRS = 10_000;
    /** The most {@code model.max_class_pairs} may be: the table is held per partition and collected. */
    public static final int MOST_CLASS_PAIRS = 1_000_000;
    public static final List<String> LABELS_KEYS = List.of("path", "table", "format", "options", "key");
    public static final double DEFAULT_MIN_COVERAGE = 0.5;
    public static final ModelRules NONE = new ModelRules(null, null, null, null, DEFAULT_MIN_COVERAGE, DEFAULT_MAX_CLASS_PAIRS);

    public boolean delayedLabels() {
        return labels != null;
    }

    public ModelRules withLabels(DataSource newLabels) {
        return new ModelRules(task, positiveClass, newLabels, labelsKey, minLabelCoverage, maxClassPairs);
    }
}
