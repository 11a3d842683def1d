package org.driftwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Against scikit-learn 1.9.1 / scipy 1.17.1 on a small sample with tied scores across the classes. */
class ScoreRankingTest {
    // y = [0,0,1,1,0,1,1,0,1,0], s = [0.1,0.4,0.35,0.8,0.4,0.4,0.9,0.2,0.1,0.65] as a table of distinct scores
    static final double[] SCORES = {0.1, 0.2, 0.35, 0.4, 0.65, 0.8, 0.9};
    static final long[] NEG = {1, 1, 0, 2, 1, 0, 0};
    static final long[] POS = {1, 0, 1, 1, 0, 1, 1};

    @Test
    void tiesCountHalfAndAveragePrecisionIsAStepSum() {
        ScoreRanking.Result r = ScoreRanking.of(SCORES, NEG, POS);
        assertEquals(0.62, r.rocAuc(), 1e-15);                 // roc_auc_score
        assertEquals(0.7142857142857142, r.averagePrecision(), 1e-15);   // average_precision_score
        assertEquals(0.4, r.ksSeparation(), 1e-15);            // ks_2samp(s[y==1], s[y==0]).statistic
        double[][] roc = r.rocPoints();
        assertEquals(0.0, roc[0][0]);
        assertEquals(1.0, roc[roc.length - 1][0]);
        assertEquals(1.0, roc[roc.length - 1][1]);
    }

    @Test
    void oneClassHasNoAuc() {
        ScoreRanking.Result r = ScoreRanking.of(new double[] {0.2, 0.7}, new long[] {0, 0}, new long[] {3, 4});
        assertNull(r.rocAuc());
        assertNull(r.ksSeparation());
        assertEquals(1.0, r.averagePrecision());
        assertNull(ScoreRanking.of(new double[] {0.2}, new long[] {5}, new long[] {0}).averagePrecision());
    }
}
