package org.driftwatch.stats;

/**
 * Ranking metrics of a binary classifier's scores from a table of distinct scores (increasing) with
 * their negative and positive counts — exact at any size, since ties are grouped as scikit-learn groups
 * them:
 * <ul>
 * <li>ROC AUC = {@code roc_auc_score}: the Mann–Whitney U over P·N with midranks (a tied
 *     positive/negative pair counts ½), which equals the trapezoid over the tie-grouped ROC curve;</li>
 * <li>average precision = {@code average_precision_score}: Σ (R_k − R_{k−1}) · P_k over the distinct
 *     thresholds in decreasing order, a step sum without interpolation;</li>
 * <li>KS separation = {@code scipy.stats.ks_2samp(scores[y==1], scores[y==0]).statistic}: the largest gap
 *     between the two classes' ECDFs at any pooled value.</li>
 * </ul>
 * Each is null when a class is absent (scikit-learn raises or warns there).
 */
public final class ScoreRanking {
    /** ROC points kept for a chart. */
    public static final int CURVE_POINTS = 101;

    private ScoreRanking() {
    }

    public record Result(Double rocAuc, Double averagePrecision, Double ksSeparation, double[][] rocPoints) {
    }

    public static Result of(double[] scores, long[] negatives, long[] positives) {
        long p = 0;
        long n = 0;
        for (int i = 0; i < scores.length; i++) {
            p += positives[i];
            n += negatives[i];
        }
        if (p == 0 || n == 0) {
            return new Result(null, p == 0 ? null : 1.0, null, null);
        }
        // 2U in integers: every positive beats the negatives below it and ties half of those at its score
        double twiceU = 0;
        long negBelow = 0;
        long posBelow = 0;
        double ks = 0;
        for (int i = 0; i < scores.length; i++) {
            twiceU += (double) positives[i] * (2.0 * negBelow + negatives[i]);
            negBelow += negatives[i];
            posBelow += positives[i];
            ks = Math.max(ks, Math.abs(posBelow / (double) p - negBelow / (double) n));
        }
        double ap = 0;
        long tp = 0;
        long fp = 0;
        for (int i = scores.length - 1; i >= 0; i--) {
            tp += positives[i];
            fp += negatives[i];
            if (positives[i] > 0) {
                ap += (positives[i] / (double) p) * (tp / (double) (tp + fp));
            }
        }
        return new Result(twiceU / 2 / ((double) p * n), ap, ks, curve(negatives, positives, p, n));
    }

    /** At most {@link #CURVE_POINTS} (FPR, TPR) points from the highest threshold down. */
    static double[][] curve(long[] negatives, long[] positives, long p, long n) {
        int m = negatives.length;
        int step = Math.max(1, (int) Math.ceil(m / (double) (CURVE_POINTS - 2)));
        java.util.List<double[]> pts = new java.util.ArrayList<>();
        pts.add(new double[] {0, 0});
        long tp = 0;
        long fp = 0;
        for (int i = m - 1, k = 0; i >= 0; i--, k++) {
            tp += positives[i];
            fp += negatives[i];
            if (k % step == step - 1 || i == 0) {
                pts.add(new double[] {fp / (double) n, tp / (double) p});
            }
        }
        return pts.toArray(double[][]::new);
    }
}
