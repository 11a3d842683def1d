package org.driftwatch.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.driftwatch.data.DelayedLabels;
import org.driftwatch.data.ModelPlan;
import org.driftwatch.data.ModelTask;
import org.driftwatch.profile.model.ModelOutcomes;

/**
 * The model compared across the two sides: its task (inferred or given), performance on the reference
 * and on the current data, the change of every scalar metric (current − reference), the delayed labels'
 * coverage, and the drift of its predictions — the earliest warning while labels are late.
 *
 * @param reference null when the reference's outcomes are unknown (a profile saved without them)
 * @param current   null when the current data has no labels at all
 * @param labels    delayed-label counts, or null when the current data carries its labels
 * @param enoughLabels whether the current side has enough labelled predictions to judge performance
 */
public record ModelPerformance(ModelTask task, boolean taskInferred, String taskReason, String label, String prediction,
                               String score, String positiveClass, PerformanceMetrics reference, PerformanceMetrics current,
                               Map<String, Number> change, Map<String, Map<String, Number>> perClassChange, LabelCoverage labels,
                               boolean enoughLabels, double minLabelCoverage, ColumnComparison predictionDrift, List<String> notes) {
    public ModelPerformance {
        change = Collections.unmodifiableMap(new LinkedHashMap<>(change));
        perClassChange = Collections.unmodifiableMap(new LinkedHashMap<>(perClassChange));
        notes = List.copyOf(notes);
    }

    /** How many current predictions have a label, and what the join of delayed labels met. */
    public record LabelCoverage(String source, String key, long predictions, long predictionsWithLabel, Double labelCoverage,
                                long unmatchedLabelRows, long duplicateLabelRows, long conflictingLabelIds, long nullKeyLabelRows) {
    }

    static ModelPerformance build(ModelPlan plan, ModelOutcomes reference, ModelOutcomes current, ColumnComparison predictionDrift) {
        List<String> notes = new ArrayList<>();
        ModelTask task = plan.task();
        String reason = plan.taskReason();
        String positive = plan.positiveClass();
        if (task == ModelTask.CLASSIFICATION) {
            List<String> classes = classes(plan, reference, current);
            boolean binary = classes.size() <= 2 && classes.contains(positive);
            task = binary ? ModelTask.BINARY : ModelTask.MULTICLASS;
            reason = reason + " with " + classes.size() + " classes (" + String.join(", ", classes) + ")";
        }
        String negative = null;
        if (task == ModelTask.BINARY) {
            List<String> classes = classes(plan, reference, current);
            if (classes.size() > 2) {
                notes.add("a binary task with " + classes.size() + " classes (" + String.join(", ", classes) + "): every class but '"
                    + positive + "' counts as negative");
            }
            negative = classes.stream().filter(c -> !c.equals(positive)).findFirst().orElse(defaultNegative(positive));
            if (classes.size() > 2) {
                negative = "not " + positive;
            }
        }
        PerformanceMetrics ref = reference == null ? null : PerformanceMetrics.of(task, reference, positive, negative, plan.numericClasses(),
            plan.maxClassPairs());
        PerformanceMetrics cur = current == null || current.counts().labelled() == 0 ? null
            : PerformanceMetrics.of(task, current, positive, negative, plan.numericClasses(), plan.maxClassPairs());
        if (reference == null) {
            notes.add("the reference profile holds no model outcomes (saved before the model was monitored): rebuild it with driftwatch profile");
        }
        if (cur == null) {
            notes.add(plan.labels() != null ? "no current prediction has a delayed label yet"
                : "the current data has no labels for its predictions");
        }
        LabelCoverage coverage = coverage(plan, current);
        double share = current == null || current.counts().predictions() == 0 ? 0
            : current.counts().labelled() / (double) current.counts().predictions();
        boolean enough = cur != null && share >= plan.minLabelCoverage();
        if (cur != null && !enough) {
            notes.add(String.format("insufficient labels: %.1f%% of the current predictions have a label (model.min_label_coverage %.0f%%)",
                100 * share, 100 * plan.minLabelCoverage()));
        }
        Map<String, Number> change = new LinkedHashMap<>();
        Map<String, Map<String, Number>> perClass = new LinkedHashMap<>();
        if (ref != null && cur != null) {
            change.put("n", cur.n() - ref.n());
            for (String m : PerformanceMetrics.METRICS.get(task)) {
                Double a = ref.metric(m);
                Double b = cur.metric(m);
                if (ref.metrics().containsKey(m) || cur.metrics().containsKey(m)) {
                    change.put(m, a == null || b == null ? null : b - a);
                }
            }
            perClass = perClassChange(ref, cur);
        }
        return new ModelPerformance(task, plan.taskInferred(), reason, plan.label(), plan.prediction(), plan.score(),
            task == ModelTask.BINARY ? positive : null, ref, cur, change, perClass, coverage, enough, plan.minLabelCoverage(),
            predictionDrift, notes);
    }

    private static Map<String, Map<String, Number>> perClassChange(PerformanceMetrics ref, PerformanceMetrics cur) {
        Map<String, Map<String, Number>> out = new LinkedHashMap<>();
        TreeSet<String> all = new TreeSet<>(ref.perClass().keySet());
        all.addAll(cur.perClass().keySet());
        for (String c : all) {
            PerformanceMetrics.ClassMetrics a = ref.perClass().get(c);
            PerformanceMetrics.ClassMetrics b = cur.perClass().get(c);
            if (a == null || b == null) {
                out.put(c, null);
                continue;
            }
            Map<String, Number> d = new LinkedHashMap<>();
            d.put("precision", b.precision() - a.precision());
            d.put("recall", b.recall() - a.recall());
            d.put("f1", b.f1() - a.f1());
            d.put("support", b.support() - a.support());
            out.put(c, d);
        }
        return out;
    }

    private static LabelCoverage coverage(ModelPlan plan, ModelOutcomes current) {
        if (plan.labels() == null) {
            return null;
        }
        DelayedLabels.Counts c = plan.labels().counts();
        long predictions = current == null ? 0 : current.counts().predictions();
        long labelled = current == null ? 0 : current.counts().labelled();
        return new LabelCoverage(plan.labels().source(), plan.labels().key(), predictions, labelled,
            predictions == 0 ? null : labelled / (double) predictions, c == null ? 0 : c.unmatchedLabelRows(),
            c == null ? 0 : c.duplicateLabelRows(), c == null ? 0 : c.conflictingIds(), c == null ? 0 : c.nullKeyLabelRows());
    }

    private static List<String> classes(ModelPlan plan, ModelOutcomes reference, ModelOutcomes current) {
        TreeSet<String> all = new TreeSet<>(PerformanceMetrics.order(plan.numericClasses()));
        for (ModelOutcomes o : new ModelOutcomes[] {reference, current}) {
            if (o != null && o.confusion() != null) {
                all.addAll(PerformanceMetrics.classes(o.confusion(), plan.numericClasses()));
            }
        }
        return new ArrayList<>(all);
    }

    private static String defaultNegative(String positive) {
        return switch (positive) {
            case "1" -> "0";
            case "true" -> "false";
            default -> "not " + positive;
        };
    }

    /** Whether performance fell by more than {@code maxDrop} on {@code metric} (relative: as a share of the reference value). */
    public Double drop(String metric, boolean relative) {
        if (reference == null || current == null) {
            return null;
        }
        Double a = reference.metric(metric);
        Double b = current.metric(metric);
        if (a == null || b == null) {
            return null;
        }
        double worse = PerformanceMetrics.LOWER_IS_BETTER.contains(metric) ? b - a : a - b;
        return relative ? (a == 0 ? null : worse / Math.abs(a)) : worse;
    }
}
