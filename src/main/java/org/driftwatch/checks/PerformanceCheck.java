package org.driftwatch.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.driftwatch.compare.Comparison;
import org.driftwatch.compare.ModelPerformance;
import org.driftwatch.compare.PerformanceMetrics;
import org.driftwatch.data.ModelTask;
import org.driftwatch.rules.RuleSection;
import org.driftwatch.rules.Suggestions;

/**
 * The model's performance against the reference: FAIL when {@code metric} is worse by more than
 * {@code max_drop} (absolute, or a share of the reference value with {@code relative: true}) — a
 * {@link RetrainReason#PERFORMANCE_DROP}. With too few labelled predictions it judges nothing and says so.
 * {@code precision}, {@code recall} and {@code f1} of a multiclass model mean their macro averages.
 */
public final class PerformanceCheck implements Check {
    private final String metric;
    private final double maxDrop;
    private final boolean relative;

    public PerformanceCheck(String metric, double maxDrop, boolean relative) {
        this.metric = metric;
        this.maxDrop = maxDrop;
        this.relative = relative;
    }

    public static PerformanceCheck fromRules(RuleSection s) {
        s.allowOnly(List.of("metric", "max_drop", "relative"));
        String metric = s.string("metric").orElse(null);
        if (metric != null && !known().contains(metric)) {
            throw s.error("metric", "unknown checks.performance.metric '" + metric + "'" + Suggestions.hint(metric, known())
                + "; known metrics: " + String.join(", ", known()));
        }
        return new PerformanceCheck(metric, s.number("max_drop", 0.05, 0, 1e12), s.bool("relative", false));
    }

    private static List<String> known() {
        Set<String> all = new LinkedHashSet<>();
        PerformanceMetrics.METRICS.values().forEach(all::addAll);
        all.addAll(List.of("precision", "recall", "f1"));
        return new ArrayList<>(all);
    }

    @Override
    public DriftKind evidence() {
        return DriftKind.PERFORMANCE;
    }

    @Override
    public String name() {
        return "performance";
    }

    double maxDrop() {
        return maxDrop;
    }

    boolean relative() {
        return relative;
    }

    @Override
    public Map<String, Double> thresholds() {
        return Map.of("performance.max_drop", maxDrop);
    }

    /** Why a side's metrics are missing, in its own notes (once when both sides say the same). */
    private static String sideNotes(ModelPerformance p) {
        java.util.LinkedHashSet<String> notes = new java.util.LinkedHashSet<>(p.reference().notes());
        notes.addAll(p.current().notes());
        return notes.isEmpty() ? "" : ": " + String.join("; ", notes);
    }

    /** The metric judged for a task: the rule file's (macro for a multiclass precision/recall/f1), else f1 or RMSE. */
    String metricFor(ModelTask task) {
        String m = metric != null ? metric : task == ModelTask.REGRESSION ? "rmse" : "f1";
        if (task == ModelTask.MULTICLASS && List.of("precision", "recall", "f1").contains(m)) {
            return "macro_" + m;
        }
        return m;
    }

    @Override
    public List<Finding> evaluate(Comparison comparison) {
        if (comparison.performance().isEmpty()) {
            return List.of();
        }
        ModelPerformance p = comparison.performance().get();
        String m = metricFor(p.task());
        if (!PerformanceMetrics.METRICS.get(p.task()).contains(m)) {
            return List.of(new Finding(name(), null, Status.ERROR, null, maxDrop, "checks.performance.metric " + m
                + " does not apply to a " + p.task().key() + " model; use one of "
                + String.join(", ", PerformanceMetrics.METRICS.get(p.task()))));
        }
        if (p.reference() == null || p.current() == null || !p.enoughLabels()) {
            String why = p.current() != null && !p.enoughLabels() ? "insufficient labels" : "not judged";
            return List.of(new Finding(name(), null, Status.OK, null, maxDrop, m + " " + why + ": "
                + String.join("; ", p.notes())));
        }
        Double drop = p.drop(m, relative);
        Double before = p.reference().metric(m);
        Double now = p.current().metric(m);
        if (drop == null && (before == null || now == null)) {
            // not computed (a limit, too few classes): a fact about the data, said in the notes, not a change of the model
            return List.of(new Finding(name(), null, Status.OK, null, maxDrop, m + " not judged: not computed on "
                + (before == null && now == null ? "either side" : before == null ? "the reference" : "the current data")
                + sideNotes(p)));
        }
        if (drop == null) {
            return List.of(new Finding(name(), null, Status.WARN, null, maxDrop, m + " is undefined on one side ("
                + before + " → " + now + ")").judging(m).showing(DriftKind.PERFORMANCE));
        }
        String words = String.format("%s %s %.4g → %.4g (%s %.4g%s, allowed %s)", p.task().key(), m, before, now,
            PerformanceMetrics.LOWER_IS_BETTER.contains(m) ? "worse by" : "down", drop, relative ? " of the reference" : "", maxDrop);
        Double auc = p.current().metric("roc_auc");
        boolean reversed = auc != null && auc < 0.5;
        if (reversed) {
            // worse than chance: the scores rank the classes the wrong way round, as swapped or mis-joined labels make them
            words += String.format(java.util.Locale.ROOT, "; ROC AUC %.2f is below 0.5: the ranking is reversed", auc);
        }
        if (drop > maxDrop) {
            return List.of(new Finding(name(), null, Status.FAIL, drop, maxDrop, "performance dropped: " + words)
                .because(RetrainReason.PERFORMANCE_DROP).showing(DriftKind.PERFORMANCE).judging(m)
                .advising(reversed ? "Before retraining, check the labels for inversion (positive_class) or a mis-joined key: a ranking"
                    + " worse than chance is rarely the world changing" : "Check the model on recent labelled data"));
        }
        return List.of(new Finding(name(), null, Status.OK, drop, maxDrop, words).judging(m).showing(DriftKind.PERFORMANCE));
    }
}
