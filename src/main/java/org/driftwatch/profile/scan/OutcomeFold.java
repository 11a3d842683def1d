package org.driftwatch.profile.scan;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.driftwatch.profile.model.ModelOutcomes;
import org.driftwatch.profile.sketch.DoubleCounts;

/**
 * The model's outcomes on one side, folded in the same scan as the columns: counts of (label,
 * prediction) pairs for a classifier, and with a score its distinct scores with positive and negative
 * counts, log loss and Brier sums; for a regression the error moments and the exact distinct absolute
 * errors. Only rows whose label, prediction (and score) are all present are evaluated. The value tables
 * give up above their limits; the profiler then answers from Spark. Row layout: label, prediction,
 * score — strings for a classifier, doubles for a regression.
 */
public final class OutcomeFold implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Distinct (label, prediction) pairs at most, unless the rule file says ({@code model.max_class_pairs}). */
    public static final int MAX_PAIRS = 10_000;
    /** Distinct scores or absolute errors held exactly in a scan. */
    public static final int MAX_VALUES = 100_000;
    /** numpy.finfo(float64).eps: scikit-learn's clip for log loss and MAPE's floor. */
    public static final double EPS = Math.ulp(1.0);

    private final boolean regression;
    private final boolean withScore;
    private final UTF8String positive;
    long rows;
    long labelNull;
    long predictionNull;
    long scoreNull;
    long predictions;
    long labelled;
    long evaluated;
    /** label → prediction → count; keys copied only when first seen. */
    private HashMap<UTF8String, HashMap<UTF8String, long[]>> pairs = new HashMap<>();
    private int pairCount;
    private boolean pairsOverflow;
    private final int maxPairs;
    private final DoubleCounts scores = new DoubleCounts(MAX_VALUES);
    private double minScore = Double.POSITIVE_INFINITY;
    private double maxScore = Double.NEGATIVE_INFINITY;
    private final ValueSummary logLoss = new ValueSummary(0);
    private final ValueSummary brier = new ValueSummary(0);
    private final ValueSummary error = new ValueSummary(0);
    private final ValueSummary absError = new ValueSummary(0);
    private final ValueSummary squaredError = new ValueSummary(0);
    private final ValueSummary percentError = new ValueSummary(0);
    private final ValueSummary label = new ValueSummary(0);
    private final ValueSummary predicted = new ValueSummary(0);
    private final ValueSummary score = new ValueSummary(0);
    private long zeroLabels;
    private final DoubleCounts absErrors = new DoubleCounts(MAX_VALUES);

    /** What the fold reads: numbers (regression) or classes, whether a score follows, the positive class. */
    public record Spec(boolean regression, boolean withScore, String positiveClass, int segments, int maxPairs) implements Serializable {
        public Spec(boolean regression, boolean withScore, String positiveClass) {
            this(regression, withScore, positiveClass, 0, MAX_PAIRS);
        }

        /** Fields the fold reads from the row. */
        public int fields() {
            return withScore ? 3 : 2;
        }

        /** Groups of outcome fields in the row: the whole model's, then one per segment. */
        public int groups() {
            return 1 + segments;
        }
    }

    public OutcomeFold(Spec spec) {
        this.regression = spec.regression();
        this.withScore = spec.withScore();
        this.positive = spec.positiveClass() == null ? null : UTF8String.fromString(spec.positiveClass());
        this.maxPairs = spec.maxPairs();
    }

    /** Fields one row's outcomes take: label, prediction and the score when there is one. */
    int fields() {
        return withScore ? 3 : 2;
    }

    /** Adds the row's label, prediction and score fields, from {@code first} on. */
    public void add(InternalRow row, int first) {
        boolean labelNull = row.isNullAt(first);
        boolean predictionNull = row.isNullAt(first + 1);
        boolean scoreNull = withScore && row.isNullAt(first + 2);
        if (regression) {
            add(labelNull, predictionNull, scoreNull, labelNull ? 0 : row.getDouble(first), predictionNull ? 0 : row.getDouble(first + 1),
                null, null, withScore && !scoreNull ? row.getDouble(first + 2) : Double.NaN);
        } else {
            add(labelNull, predictionNull, scoreNull, 0, 0, labelNull ? null : row.getUTF8String(first),
                predictionNull ? null : row.getUTF8String(first + 1), withScore && !scoreNull ? row.getDouble(first + 2) : Double.NaN);
        }
    }

    /** The same for every row of a column batch (its outcome fields from {@code first} on). */
    public void add(ScanBatch batch, int first) {
        for (int r = 0; r < batch.size(); r++) {
            boolean labelNull = batch.isNullAt(first, r);
            boolean predictionNull = batch.isNullAt(first + 1, r);
            boolean scoreNull = withScore && batch.isNullAt(first + 2, r);
            double s = withScore && !scoreNull ? batch.getDouble(first + 2, r) : Double.NaN;
            if (regression) {
                add(labelNull, predictionNull, scoreNull, labelNull ? 0 : batch.getDouble(first, r),
                    predictionNull ? 0 : batch.getDouble(first + 1, r), null, null, s);
            } else {
                add(labelNull, predictionNull, scoreNull, 0, 0, labelNull ? null : batch.getUTF8String(first, r),
                    predictionNull ? null : batch.getUTF8String(first + 1, r), s);
            }
        }
    }

    /** One row's outcomes: numbers for a regression, classes for a classifier; the score NaN when absent. */
    private void add(boolean labelMissing, boolean predictionMissing, boolean scoreMissing, double y, double yHat,
                     UTF8String label, UTF8String prediction, double score) {
        rows++;
        boolean noLabel = labelMissing || regression && !Double.isFinite(y);
        boolean noPrediction = predictionMissing || regression && !Double.isFinite(yHat);
        boolean noScore = withScore && (scoreMissing || Double.isNaN(score));
        labelNull += noLabel ? 1 : 0;
        predictionNull += noPrediction ? 1 : 0;
        scoreNull += noScore ? 1 : 0;
        if (noPrediction) {
            return;
        }
        predictions++;
        if (noLabel) {
            return;
        }
        labelled++;
        if (noScore) {
            return;
        }
        evaluated++;
        if (regression) {
            addRegression(y, yHat);
        } else {
            addClassified(label, prediction, score);
        }
    }

    private void addClassified(UTF8String y, UTF8String predicted, double score) {
        if (!pairsOverflow) {
            HashMap<UTF8String, long[]> row = pairs.get(y);
            if (row == null) {
                row = new HashMap<>();
                pairs.put(y.copy(), row);
            }
            long[] c = row.get(predicted);
            if (c != null) {
                c[0]++;
            } else if (pairCount == maxPairs) {
                pairsOverflow = true;
                pairs = new HashMap<>();
            } else {
                row.put(predicted.copy(), new long[] {1});
                pairCount++;
            }
        }
        if (!withScore) {
            return;
        }
        boolean pos = y.equals(positive);
        minScore = Math.min(minScore, score);
        maxScore = Math.max(maxScore, score);
        this.score.add(score);
        double p = Math.min(Math.max(score, EPS), 1 - EPS);
        logLoss.add(pos ? -Math.log(p) : -Math.log(1 - p));
        double d = score - (pos ? 1 : 0);
        brier.add(d * d);
        scores.add(score, pos ? 1 : 0, 1);
    }

    private void addRegression(double y, double predicted) {
        double e = predicted - y;
        double a = Math.abs(e);
        error.add(e);
        absError.add(a);
        squaredError.add(e * e);
        label.add(y);
        this.predicted.add(predicted);
        if (y == 0) {
            zeroLabels++;
        } else {
            percentError.add(a / Math.max(Math.abs(y), EPS));
        }
        absErrors.add(a, 0, 1);
    }

    public OutcomeFold merge(OutcomeFold o) {
        rows += o.rows;
        labelNull += o.labelNull;
        predictionNull += o.predictionNull;
        scoreNull += o.scoreNull;
        predictions += o.predictions;
        labelled += o.labelled;
        evaluated += o.evaluated;
        pairsOverflow |= o.pairsOverflow;
        if (!pairsOverflow) {
            o.pairs.forEach((y, row) -> row.forEach((p, c) -> {
                long[] mine = pairs.computeIfAbsent(y, x -> new HashMap<>()).get(p);
                if (mine == null) {
                    pairs.get(y).put(p, c);
                    pairCount++;
                } else {
                    mine[0] += c[0];
                }
            }));
            pairsOverflow = pairCount > maxPairs;
        }
        if (pairsOverflow) {
            pairs = new HashMap<>();
        }
        minScore = Math.min(minScore, o.minScore);
        maxScore = Math.max(maxScore, o.maxScore);
        logLoss.merge(o.logLoss);
        brier.merge(o.brier);
        scores.merge(o.scores);
        error.merge(o.error);
        absError.merge(o.absError);
        squaredError.merge(o.squaredError);
        percentError.merge(o.percentError);
        label.merge(o.label);
        predicted.merge(o.predicted);
        score.merge(o.score);
        zeroLabels += o.zeroLabels;
        absErrors.merge(o.absErrors);
        return this;
    }

    /** The side's outcomes; the score ranking and the median absolute error are null when their table gave up. */
    public ModelOutcomes outcomes() {
        ModelOutcomes.Counts counts = new ModelOutcomes.Counts(rows, labelNull, predictionNull, scoreNull, predictions, labelled, evaluated);
        if (regression) {
            Double median = absErrors.full() ? null : ModelOutcomes.median(sorted(absErrors), evaluated);
            return ModelOutcomes.regression(counts, new ModelOutcomes.Errors(mean(error), mean(absError), mean(squaredError),
                evaluated == 0 ? null : absError.summary().max(), zeroLabels > 0 ? null : mean(percentError), zeroLabels,
                mean(label), mean(predicted), label.summary().stdPop(), median));
        }
        Map<String, Map<String, Long>> confusion = null;
        if (!pairsOverflow) {
            confusion = new java.util.TreeMap<>();
            for (Map.Entry<UTF8String, HashMap<UTF8String, long[]>> e : pairs.entrySet()) {
                Map<String, Long> row = confusion.computeIfAbsent(e.getKey().toString(), x -> new java.util.TreeMap<>());
                e.getValue().forEach((p, c) -> row.put(p.toString(), c[0]));
            }
        }
        ModelOutcomes.Scores s = null;
        if (withScore) {
            ModelOutcomes.ScoreTable table = null;
            if (!scores.full()) {
                DoubleCounts.Sorted t = scores.sorted();
                table = new ModelOutcomes.ScoreTable(t.values(), t.first(), t.second());
            }
            s = new ModelOutcomes.Scores(evaluated == 0 ? null : minScore, evaluated == 0 ? null : maxScore, mean(score), mean(logLoss),
                mean(brier), table);
        }
        return ModelOutcomes.classified(counts, confusion, s);
    }

    private static Double mean(ValueSummary s) {
        return s.summary().mean();
    }

    private static org.driftwatch.profile.model.ValueCounts sorted(DoubleCounts table) {
        DoubleCounts.Sorted t = table.sorted();
        return new org.driftwatch.profile.model.ValueCounts(t.values(), t.first());
    }
}
