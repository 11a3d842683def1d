package org.driftwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KolmogorovSmirnovTest {
    @Test
    void tiesAreEvaluatedRightContinuously() {
        // F1(1) = 2/3, F2(1) = 1/3 at the tied value; scipy: ks_2samp([1,1,2],[1,2,2]).statistic == 1/3
        assertEquals(1.0 / 3, KolmogorovSmirnov.statistic(new double[] {1, 1, 2}, new double[] {1, 2, 2}), 1e-15);
        assertEquals(0.0, KolmogorovSmirnov.statistic(new double[] {3, 3}, new double[] {3, 3, 3}));
    }

    @Test
    void exactPValuesMatchScipy() {
        // scipy.stats.ks_2samp([1,2,3,4,5], [6,7,8,9,10]).pvalue == 0.007936507936507936 (2/C(10,5))
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(1.0, 5, 5);
        assertEquals(KolmogorovSmirnov.Method.EXACT, r.method());
        assertEquals(2.0 / 252, r.pValue(), 1e-15);
        // scipy.stats.ks_2samp(range(3), range(10, 15)).pvalue == 0.03571428571428571 (2/C(8,3))
        assertEquals(2.0 / 56, KolmogorovSmirnov.test(1.0, 3, 5).pValue(), 1e-15);
        assertEquals(1.0, KolmogorovSmirnov.test(0.0, 40, 70).pValue());
    }

    @Test
    void largeSamplesUseTheKolmogorovDistributionAtTheEffectiveSize() {
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(0.01, 20_000, 30_000);
        assertEquals(KolmogorovSmirnov.Method.ASYMPTOTIC, r.method());
        assertEquals(KolmogorovDistribution.survival(12_000, 0.01), r.pValue());
        assertTrue(r.pValue() > 0.1 && r.pValue() < 0.3, "D=0.01 at n=12000 is unremarkable: " + r.pValue());
    }

    @Test
    void kolmogorovSurvivalIsMonotoneAcrossMethodBoundaries() {
        // the regimes (Durbin matrix, Pelz-Good, Smirnov tail) must join without jumps
        for (long n : new long[] {50, 141, 5000, 200_000}) {
            double prev = 1.0;
            for (double x = 0.0005; x < 0.6; x *= 1.05) {
                double p = KolmogorovDistribution.survival(n, x);
                assertTrue(p <= prev + 1e-9, "n=" + n + " x=" + x + ": " + p + " > " + prev);
                assertTrue(p >= 0 && p <= 1);
                prev = p;
            }
        }
    }
}
