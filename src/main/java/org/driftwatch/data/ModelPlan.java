package org.driftwatch.data;

/**
 * The model a run monitors, resolved against the data: its task (and whether and why it was inferred),
 * the label, prediction and score columns, and the positive class of a binary task as the scans spell
 * classes (integers without ".0", booleans as true/false).
 *
 * @param numericClasses whether classes are numbers (sorted as numbers, as scikit-learn sorts them)
 * @param labels the delayed labels joined to the current predictions, or null when the current data has its labels
 */
public record ModelPlan(ModelTask task, boolean taskInferred, String taskReason, String label, String prediction, String score,
                        String positiveClass, boolean numericClasses, double minLabelCoverage, LabelJoin labels, int maxClassPairs) {

    public ModelPlan(ModelTask task, boolean taskInferred, String taskReason, String label, String prediction, String score,
                     String positiveClass, boolean numericClasses, double minLabelCoverage, LabelJoin labels) {
        this(task, taskInferred, taskReason, label, prediction, score, positiveClass, numericClasses, minLabelCoverage, labels,
            org.driftwatch.rules.ModelRules.DEFAULT_MAX_CLASS_PAIRS);
    }

    /** Delayed labels: where they come from and the key that joins them to the predictions. */
    public record LabelJoin(String source, String key, DelayedLabels.Counts counts) {
    }

    public ModelPlan withTask(ModelTask resolved, String reason) {
        return new ModelPlan(resolved, taskInferred, reason, label, prediction, score, positiveClass, numericClasses, minLabelCoverage, labels,
            maxClassPairs);
    }

    public ModelPlan withLabelCounts(DelayedLabels.Counts counts) {
        return new ModelPlan(task, taskInferred, taskReason, label, prediction, score, positiveClass, numericClasses, minLabelCoverage,
            labels == null ? null : new LabelJoin(labels.source(), labels.key(), counts), maxClassPairs);
    }

    /** The column whose drift is the model's prediction drift: the score when there is one. */
    public String predictionDriftColumn() {
        return score != null ? score : prediction;
    }

    /** A class as the scans write it: integral numbers without ".0". */
    public static String className(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(raw);
            if (d == Math.rint(d) && Math.abs(d) < 1e15 && !raw.contains("e") && !raw.contains("E")) {
                return String.valueOf((long) d);
            }
        } catch (NumberFormatException notNumber) {
            // a class name
        }
        return raw;
    }
}
