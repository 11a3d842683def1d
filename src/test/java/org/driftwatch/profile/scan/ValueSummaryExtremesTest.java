package org.driftwatch.profile.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import org.driftwatch.profile.model.NumericSummary;
import org.junit.jupiter.api.Test;

/** Moments of values near Double.MAX_VALUE do not overflow, nor of subnormal ones underflow, within a partition or across merged ones. */
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

    /** Subnormal measurements (1e-310 ...): their std is not 0 (#31 item 13), here or after a merge; a zero first does not matter. */
    @Test
    void subnormalValuesKeepTheirSpread() {
        double[] values = {0.0, 1e-310, 2e-310, 3e-310, 4e-310};
        ValueSummary one = new ValueSummary(0);
        ValueSummary a = new ValueSummary(0);
        ValueSummary b = new ValueSummary(0);
        for (int i = 0; i < values.length; i++) {
            one.add(values[i]);
            (i % 2 == 0 ? a : b).add(values[i]);
        }
        double std = Math.sqrt(2.0) * 1e-310;   // population std of 0, 1, 2, 3, 4 is √2
        for (NumericSummary s : new NumericSummary[] {one.summary(), a.merge(b).summary()}) {
            assertEquals(2e-310, s.mean(), 1e-322);
            assertEquals(std, s.stdPop(), std * 1e-3);
        }
        ValueSummary mixed = new ValueSummary(0);
        mixed.add(1e-310);
        mixed.add(1.0);
        assertEquals(0.5, mixed.summary().stdPop(), 1e-15, "a normal value after a tiny one rescales back up");
    }
}
