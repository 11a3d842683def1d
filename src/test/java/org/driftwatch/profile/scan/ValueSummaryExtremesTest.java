package org.driftwatch.profile.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import org.driftwatch.profile.model.NumericSummary;
import org.junit.jupiter.api.Test;

/** Moments of values near Double.MAX_VALUE do not overflow, within a partition or across merged ones. */
class ValueSummaryExtremesTest {
    static final double[] VALUES = {1e308, 3e307, -5e307, 1.7e308, 2.5, -1e308, 9e307, 1e308};

    @Test
    void hugeValuesHaveFiniteExactMoments() {
        ValueSummary one = new ValueSummary(0);
        ValueSummary a = new ValueSummary(0);
        ValueSummary b = new ValueSummary(0);
        for (int i = 0; i < VALUES.length; i++) {
            one.add(VALUES[i]);
            (i % 2 == 0 ? a : b).add(VALUES[i]);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : VALUES) {
            sum = sum.add(new BigDecimal(v));
        }
        BigDecimal n = BigDecimal.valueOf(VALUES.length);
        BigDecimal mean = sum.divide(n, MathContext.DECIMAL128);
        BigDecimal m2 = BigDecimal.ZERO;
        for (double v : VALUES) {
            BigDecimal d = new BigDecimal(v).subtract(mean);
            m2 = m2.add(d.multiply(d));
        }
        double std = m2.divide(n, MathContext.DECIMAL128).sqrt(MathContext.DECIMAL128).doubleValue();
        for (NumericSummary s : new NumericSummary[] {one.summary(), a.merge(b).summary()}) {
            assertEquals(mean.doubleValue(), s.mean(), Math.abs(mean.doubleValue()) * 1e-12);
            assertEquals(std, s.stdPop(), std * 1e-12);
            assertEquals(1.7e308, s.max());
        }
    }

    @Test
    void ordinaryValuesAreUntouchedByTheScale() {
        ValueSummary s = new ValueSummary(0);
        double shift = 12.5;
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < 1000; i++) {
            double v = 12.5 + Math.sin(i) * 3;
            s.add(v);
            double d = v - shift;
            s1 += d;
            s2 += d * d;
        }
        assertEquals(shift + s1 / 1000, s.summary().mean(), 0.0);
        assertEquals(Math.sqrt(Math.max(0, s2 - s1 * s1 / 1000) / 1000), s.summary().stdPop(), 0.0);
    }
}
