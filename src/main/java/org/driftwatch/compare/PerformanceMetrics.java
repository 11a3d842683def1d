package org.driftwatch.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.driftwatch.data.ModelTask;
import org.driftwatch.profile.model.ModelOutcomes;

/**
 * A model's performance on one side, exactly as scikit-learn 1.9 defines each metric, computed from the
 * side's {@link ModelOutcomes} (confusion counts, score ranking, error moments) — pure, no Spark.
 * Metrics are named as the report names them; {@code metrics} keeps the task's order.
 *
 * @param n            rows evaluated: label, prediction (and score) present
 * @param labelsOrder  classes of this side (sorted union of its labels and predictions), rows and columns
 *                     of {@code confusionMatrix}; for a binary task [negative, positive]
 * @param perClass     per class of {@code labelsOrder} (multiclass), else empty
 * @param rocPoints    a few (FPR, TPR) points for the chart (binary with a score), else null
 */
public record PerformanceMetrics(long rows, long n, Map<String, Double> metrics, long[][] confusionMatrix,
                                 List<String> labelsOrder, Map<String, ClassMetrics> perClass, double[][] rocPoints,
                                 List<String> notes) {
    public PerformanceMetrics {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        perClass = Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
        notes = List.copyOf(notes);
        labelsOrder = labelsOrder == null ? null : List.copyOf(labelsOrder);
    }

    public record ClassMetrics(double precision, double recall, double f1, long support) {
    }

    /** Lower is better for these; higher for every other metric. */
    public static final List<String> LOWER_IS_BETTER = List.of("log_loss", "brier", "mae", "mse", "rmse", "median_absolute_error",
        "max_error", "mape");

    /** Neither better nor worse when they move: rates, means and counts that describe the data, not the model's quality. */
    public static final List<String> NEUTRAL = List.of("positive_rate_labels", "positive_rate_predictions", "mean_score",
        "distinct_scores", "label_mean", "prediction_mean", "mean_error");

    /** Whether a change of {@code metric} by {@code change} makes the model worse (false when better, null when neither). */
    public static Boolean worse(String metric, double change) {
        if (NEUTRAL.contains(metric) || change == 0 || Double.isNaN(change)) {
            return null;
        }
        return LOWER_IS_BETTER.contains(metric) ? change > 0 : change < 0;
    }

    public static final Map<ModelTask, List<String>> METRICS = Map.of(
        ModelTask.BINARY, List.of("accuracy", "precision", "recall", "f1", "specificity", "balanced_accuracy",
            "positive_rate_labels", "positive_rate_predictions", "roc_auc", "pr_auc", "log_loss", "brier", "ks_separation",
            "mean_score", "distinct_scores"),
        ModelTask.MULTICLASS, List.of("accuracy", "balanced_accuracy", "macro_precision", "macro_recall", "macro_f1",
            "weighted_precision", "weighted_recall", "weighted_f1"),
        ModelTask.REGRESSION, List.of("mae", "mse", "rmse", "r2", "mean_error", "median_absolute_error", "max_error", "mape",
            "label_mean", "prediction_mean"));

    public Double metric(String name) {
        return metrics.get(name);
    }

    /** The classes found on a side, sorted as scikit-learn sorts them (numbers as numbers). */
    public static List<String> classes(Map<String, Map<String, Long>> confusion, boolean numeric) {
        TreeSet<String> all = new TreeSet<>(order(numeric));
        confusion.forEach((label, row) -> {
            all.add(label);
            all.addAll(row.keySet());
        });
        return new ArrayList<>(all);
    }

    static Comparator<String> order(boolean numeric) {
        if (!numeric) {
            return Comparator.naturalOrder();
        }
        return Comparator.comparingDouble((String s) -> {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }).thenComparing(Comparator.naturalOrder());
    }

    public static PerformanceMetrics of(ModelTask task, ModelOutcomes o, String positive, String negative, boolean numericClasses) {
        return of(task, o, positive, negative, numericClasses, org.driftwatch.profile.scan.OutcomeFold.MAX_PAIRS);
    }

    /** @param maxClassPairs the confusion table's limit the scans held ({@code model.max_class_pairs}), said when it was reached */
    public static PerformanceMetrics of(ModelTask task, ModelOutcomes o, String positive, String negative, boolean numericClasses,
                                        int maxClassPairs) {
        List<String> notes = new ArrayList<>();
        long n = o.counts().evaluated();
        if (task == ModelTask.REGRESSION) {
            return regression(o, notes);
        }
        if (o.confusion() == null) {
            notes.add(String.format("more than %,d distinct (label, prediction) pairs, the confusion table's limit: the classification"
                + " metrics are not computed; raise model.max_class_pairs (up to %,d) for a model with this many classes", maxClassPairs,
                org.driftwatch.rules.ModelRules.MOST_CLASS_PAIRS));
            return new PerformanceMetrics(o.counts().rows(), n, Map.of(), null, null, Map.of(), null, notes);
        }
        List<String> order = task == ModelTask.BINARY ? List.of(negative, positive) : classes(o.confusion(), numericClasses);
        long[][] cm = matrix(o.confusion(), order, task == ModelTask.BINARY ? positive : null);
        Map<String, Double> m = new LinkedHashMap<>();
        Map<String, ClassMetrics> perClass = new LinkedHashMap<>();
        List<ClassMetrics> classMetrics = new ArrayList<>();
        long correct = 0;
        for (int i = 0; i < order.size(); i++) {
            correct += cm[i][i];
            classMetrics.add(classMetrics(cm, i));
        }
        double accuracy = n == 0 ? Double.NaN : correct / (double) n;
        double balanced = classMetrics.stream().filter(c -> c.support() > 0).mapToDouble(ClassMetrics::recall).average().orElse(Double.NaN);
        if (task == ModelTask.BINARY) {
            ClassMetrics pos = classMetrics.get(1);
            ClassMetrics neg = classMetrics.get(0);
            long tp = cm[1][1];
            long fp = cm[0][1];
            long fn = cm[1][0];
            m.put("accuracy", nan(accuracy));
            m.put("precision", pos.precision());
            m.put("recall", pos.recall());
            m.put("f1", pos.f1());
            m.put("specificity", neg.recall());
            m.put("balanced_accuracy", nan(balanced));
            m.put("positive_rate_labels", n == 0 ? null : (tp + fn) / (double) n);
            m.put("positive_rate_predictions", n == 0 ? null : (tp + fp) / (double) n);
            ModelOutcomes.Scores s = o.scores();
            ModelOutcomes.Ranking r = s == null ? null : s.ranking();
            if (s != null) {
                m.put("roc_auc", r == null ? null : r.rocAuc());
                m.put("pr_auc", r == null ? null : r.averagePrecision());
                m.put("log_loss", s.logLoss());
                m.put("brier", s.brier());
                m.put("ks_separation", r == null ? null : r.ksSeparation());
                m.put("mean_score", s.mean());
                m.put("distinct_scores", r == null || r.distinctScores() < 0 ? null : (double) r.distinctScores());
                if (r != null && r.rocAuc() == null) {
                    notes.add("one class only among the labels: ROC AUC and KS separation are undefined");
                }
            }
            return new PerformanceMetrics(o.counts().rows(), n, m, cm, order, Map.of(), r == null ? null : r.rocPoints(), notes);
        }
        double[] macro = new double[3];
        double[] weighted = new double[3];
        long support = 0;
        for (int i = 0; i < order.size(); i++) {
            ClassMetrics c = classMetrics.get(i);
            perClass.put(order.get(i), c);
            macro[0] += c.precision();
            macro[1] += c.recall();
            macro[2] += c.f1();
            weighted[0] += c.precision() * c.support();
            weighted[1] += c.recall() * c.support();
            weighted[2] += c.f1() * c.support();
            support += c.support();
        }
        int k = order.size();
        m.put("accuracy", nan(accuracy));
        m.put("balanced_accuracy", nan(balanced));
        String[] names = {"precision", "recall", "f1"};
        for (int j = 0; j < 3; j++) {
            m.put("macro_" + names[j], k == 0 ? null : macro[j] / k);
        }
        for (int j = 0; j < 3; j++) {
            m.put("weighted_" + names[j], support == 0 ? null : weighted[j] / support);
        }
        return new PerformanceMetrics(o.counts().rows(), n, m, cm, order, perClass, null, notes);
    }

    /** Rows = true class, columns = predicted, in {@code order}; a binary task counts every non-positive class as negative. */
    private static long[][] matrix(Map<String, Map<String, Long>> confusion, List<String> order, String positive) {
        int k = order.size();
        long[][] cm = new long[k][k];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            index.put(order.get(i), i);
        }
        confusion.forEach((label, row) -> row.forEach((predicted, count) -> {
            int i = positive != null ? (label.equals(positive) ? 1 : 0) : index.get(label);
            int j = positive != null ? (predicted.equals(positive) ? 1 : 0) : index.get(predicted);
            cm[i][j] += count;
        }));
        return cm;
    }

    /** precision_recall_fscore_support(zero_division=0) for class {@code i}. */
    private static ClassMetrics classMetrics(long[][] cm, int i) {
        long tp = cm[i][i];
        long predicted = 0;
        long support = 0;
        for (int j = 0; j < cm.length; j++) {
            predicted += cm[j][i];
            support += cm[i][j];
        }
        double precision = predicted == 0 ? 0.0 : tp / (double) predicted;
        double recall = support == 0 ? 0.0 : tp / (double) support;
        double f1 = predicted + support == 0 ? 0.0 : 2.0 * tp / (double) (predicted + support);
        return new ClassMetrics(precision, recall, f1, support);
    }

    private static PerformanceMetrics regression(ModelOutcomes o, List<String> notes) {
        ModelOutcomes.Errors e = o.errors();
        long n = o.counts().evaluated();
        Map<String, Double> m = new LinkedHashMap<>();
        if (n == 0) {
            notes.add("no row has both a label and a prediction");
            return new PerformanceMetrics(o.counts().rows(), 0, m, null, null, Map.of(), null, notes);
        }
        double var = e.labelStdPop() * e.labelStdPop();
        Double r2;
        if (var > 0) {
            r2 = 1 - e.mse() / var;
        } else {
            r2 = e.mse() == 0 ? 1.0 : 0.0;   // scikit-learn's force_finite
            notes.add("the labels are constant: R² is " + r2 + " by scikit-learn's convention");
        }
        m.put("mae", e.mae());
        m.put("mse", e.mse());
        m.put("rmse", Math.sqrt(e.mse()));
        m.put("r2", r2);
        m.put("mean_error", e.meanError());
        m.put("median_absolute_error", e.medianAbsoluteError());
        m.put("max_error", e.maxError());
        m.put("mape", e.mape());
        m.put("label_mean", e.labelMean());
        m.put("prediction_mean", e.predictionMean());
        if (e.mape() == null) {
            notes.add(e.zeroLabels() + " label" + (e.zeroLabels() == 1 ? " is" : "s are")
                + " 0: MAPE is left out (scikit-learn divides by 2.2e-16 there and reports about 10^13)");
        }
        return new PerformanceMetrics(o.counts().rows(), n, m, null, null, Map.of(), null, notes);
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
