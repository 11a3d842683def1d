package org.driftwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The Kolmogorov survival function at the sample sizes of large runs (n = n1·n2/(n1+n2) in the millions),
 * where the Smirnov sum has millions of terms, against scipy's {@code kstwo.sf} (scipy 1.17.1, values
 * printed with repr); and the log-factorial that sum uses against Commons Math's logGamma.
 */
class KolmogorovDistributionTest {
    @Test
    void largeSamplesMatchScipy() {
        assertEquals(9.07393454503348e-05, KolmogorovDistribution.survival(5_000_000, 0.001), 1e-9 * 9.07393454503348e-05);
        assertEquals(0.014886217453694815, KolmogorovDistribution.survival(5_000_000, 0.0007), 1e-9 * 0.014886217453694815);
        assertEquals(0.006297183259583361, KolmogorovDistribution.survival(2_000_000, 0.0012), 1e-9 * 0.006297183259583361);
        assertEquals(0.014521096659704894, KolmogorovDistribution.survival(300, 0.09), 1e-9 * 0.014521096659704894);
        // either side of scipy's switch from the sum (half a million terms here) to its approximation
        assertEquals(0.0038544560212235442, KolmogorovDistribution.survival(500_000, 0.0025), 1e-9 * 0.0038544560212235442);
        assertEquals(0.01193934366705347, KolmogorovDistribution.survival(999_999, 0.0016), 1e-9 * 0.01193934366705347);
        assertEquals(0.011939241945769102, KolmogorovDistribution.survival(1_000_001, 0.0016), 1e-9 * 0.011939241945769102);
    }

    @Test
    void logFactorialEqualsLogGamma() {
        for (long v : new long[] {0, 1, 2, 10, 255, 256, 257, 1000, 123_457, 5_000_000, 987_654_321L}) {
            double expected = Gamma.logGamma(v + 1.0);
            assertEquals(expected, KolmogorovDistribution.logFactorial(v), Math.max(1e-13, 2e-15 * Math.abs(expected)), "v = " + v);
        }
    }
}
