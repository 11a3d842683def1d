package org.driftwatch.profile.model;

import java.util.Map;

/**
 * What the scans found about the model on one side: counts of the rows, and of the rows evaluated
 * (label, prediction and score present); for a classifier the confusion counts (label → prediction →
 * count, classes as the scan spells them) and, with a score, the score facts; for a regression the
 * error facts. Exact, and small: no row reaches the driver.
 *
 * @param confusion null for a regression, or when there were too many pairs to be a classifier
 */
public record ModelOutcomes(Counts counts, Map<String, Map<String, Long>> confusion, Scores scores, Errors errors) {

    /**
     * @param predictions rows with a prediction
     * @param labelled    rows with a prediction and a label
     * @param evaluated   rows with a prediction, a label and (when there is a score column) a score: {@code n}
     */
    public record Counts(long rows, long labelNull, long predictionNull, long scoreNull, long predictions, long labelled,
                         long evaluated) {
    }

    /**
     * Score facts of a binary classifier on the evaluated rows.
     *
     * @param table   the distinct scores with their negative and positive counts, when a scan could hold them
     * @param ranking the ranking metrics; null until the profiler computed them (from the table, or in Spark)
     */
    public record Scores(Double min, Double max, Double mean, Double logLoss, Double brier, ScoreTable table, Ranking ranking) {
        public Scores(Double min, Double max, Double mean, Double logLoss, Double brier, ScoreTable table) {
            this(min, max, mean, logLoss, brier, table, null);
        }

        public Scores withRanking(Ranking r) {
            return new Scores(min, max, mean, logLoss, brier, table, r);
        }
    }

    /** Distinct scores in increasing order with how many negatives and positives have each. */
    public record ScoreTable(double[] scores, long[] negatives, long[] positives) {
    }

    /**
     * ROC AUC (ties as midranks), average precision (step sum), the KS distance between the scores of the
     * two classes, and a few points of the ROC curve for the chart (null when not kept).
     */
    public record Ranking(Double rocAuc, Double averagePrecision, Double ksSeparation, long distinctScores, double[][] rocPoints) {
    }

    /**
     * Error facts of a regression on the evaluated rows: means of prediction − label, its absolute value
     * and square, the largest absolute error, the mean absolute percentage error (null when a label is 0),
     * the label's mean and population standard deviation (for R²), and the exact median absolute error
     * (null until the profiler found it, when a scan could not hold the distinct errors).
     */
    public record Errors(Double meanError, Double mae, Double mse, Double maxError, Double mape, long zeroLabels,
                         Double labelMean, Double predictionMean, Double labelStdPop, Double medianAbsoluteError) {
        public Errors withMedian(Double median) {
            return new Errors(meanError, mae, mse, maxError, mape, zeroLabels, labelMean, predictionMean, labelStdPop, median);
        }
    }

    public static ModelOutcomes regression(Counts counts, Errors errors) {
        return new ModelOutcomes(counts, null, null, errors);
    }

    public static ModelOutcomes classified(Counts counts, Map<String, Map<String, Long>> confusion, Scores scores) {
        return new ModelOutcomes(counts, confusion, scores, null);
    }

    public ModelOutcomes with(Scores s, Errors e) {
        return new ModelOutcomes(counts, confusion, s, e);
    }

    /** The median of {@code n} values given as distinct values with counts: the mean of the two middle ones for even n. */
    public static Double median(ValueCounts values, long n) {
        if (n == 0) {
            return null;
        }
        double lower = orderStatistic(values, (n - 1) / 2);
        double upper = orderStatistic(values, n / 2);
        return (lower + upper) / 2;
    }

    /** The k-th smallest value (0-based). */
    static double orderStatistic(ValueCounts values, long k) {
        long seen = 0;
        for (int i = 0; i < values.size(); i++) {
            seen += values.counts()[i];
            if (seen > k) {
                return values.values()[i];
            }
        }
        throw new IllegalArgumentException("rank " + k + " beyond " + seen + " values");
    }
}
