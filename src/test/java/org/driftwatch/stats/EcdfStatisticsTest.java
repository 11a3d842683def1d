package org.driftwatch.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import org.driftwatch.GoldenCase;
import org.junit.jupiter.api.Test;

/**
 * Cramér–von Mises and Anderson–Darling from a pooled value table equal scipy's
 * {@code cramervonmises_2samp} and {@code anderson_ksamp} on every numeric column of the golden cases,
 * and the ranges an interval's counts give always hold the exact sum, whatever the order inside.
 */
class EcdfStatisticsTest {
    @Test
    void cramerVonMisesAndAndersonDarlingMatchScipyOnEveryGoldenColumn() {
        int compared = 0;
        for (String name : GoldenCase.ALL) {
            GoldenCase g = GoldenCase.load(name);
            for (var it = g.ecdfTests().fields(); it.hasNext(); ) {
                var e = it.next();
                double[] x = finite(g.numbers("reference", e.getKey()));
                double[] y = finite(g.numbers("current", e.getKey()));
                long[][] table = table(x, y);
                Map<String, EcdfSums.Range> sums = sumsOf(table[0], table[1]);
                for (EcdfStatistic s : EcdfStatistics.ALL) {
                    JsonNode want = e.getValue().get(s.name());
                    EcdfSums.Range r = sums.get(s.name());
                    assertTrue(r.exact());
                    EcdfStatistic.Result got = s.test(r.least(), r.most(), x.length, y.length, table[0].length);
                    String what = name + " " + e.getKey() + " " + s.name();
                    if (want.get("statistic").isNull()) {
                        assertNull(got, what);
                        continue;
                    }
                    assertEquals(want.get("statistic").asDouble(), got.statistic(),
                        1e-9 * Math.max(1, Math.abs(want.get("statistic").asDouble())), what);
                    assertPValue(want.get("p_value").asDouble(), got.pValue(), what);
                    assertEquals(0.0, got.bound(), what);
                    compared++;
                }
            }
        }
        assertEquals(31, compared); // 16 columns, two tests each; x_const has one value: Anderson–Darling undefined
    }

    @Test
    void smallSamplesTakeTheExactPValueAsScipy() {
        // scipy.stats.cramervonmises_2samp([1, 3, 4, 7, 9, 11, 12], [2, 5, 6, 8, 10, 13]): exact method
        long[] ref = {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0};
        long[] cur = {0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1};
        EcdfSums.Range r = sumsOf(ref, cur).get(CramerVonMises.NAME);
        EcdfStatistic.Result t = new CramerVonMises().test(r.least(), r.most(), 7, 6, 13);
        assertEquals(0.0439560439560438, t.statistic(), 1e-12);
        assertEquals(0.9731934731934732, t.pValue(), 1e-12);
        // with ties (midranks): cramervonmises_2samp([1, 2, 2, 3, 5], [2, 3, 3, 4, 6, 6])
        r = sumsOf(new long[] {1, 2, 1, 0, 1, 0}, new long[] {0, 1, 2, 1, 0, 2}).get(CramerVonMises.NAME);
        t = new CramerVonMises().test(r.least(), r.most(), 5, 6, 6);
        assertEquals(0.2515151515151517, t.statistic(), 1e-12);
        assertEquals(0.22510822510822512, t.pValue(), 1e-12);
    }

    @Test
    void anIntervalsRangeHoldsEveryOrderAndTieOfItsValues() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 400; trial++) {
            int k = 2 + random.nextInt(12);
            long[] ref = new long[k];
            long[] cur = new long[k];
            for (int i = 0; i < k; i++) {
                ref[i] = random.nextInt(4);
                cur[i] = random.nextInt(4);
            }
            ref[0]++;
            cur[k - 1]++;
            long n = Arrays.stream(ref).sum();
            long m = Arrays.stream(cur).sum();
            int from = random.nextInt(k);
            int to = from + random.nextInt(k - from);
            EcdfSums exact = new EcdfSums();
            EcdfSums ranged = new EcdfSums();
            long a = 0;
            long b = 0;
            long r = 0;
            long c = 0;
            for (int i = 0; i < k; i++) {
                exact.value(ref[i], cur[i], a, b, n, m);
                if (i < from || i > to) {
                    ranged.value(ref[i], cur[i], a, b, n, m);
                } else {
                    r += ref[i];
                    c += cur[i];
                }
                a += ref[i];
                b += cur[i];
                if (i == to) {
                    ranged.interval(r, c, a - r, b - c, n, m);
                }
            }
            Map<String, EcdfSums.Range> e = exact.ranges();
            ranged.ranges().forEach((name, range) -> {
                double v = e.get(name).least();
                double slack = 1e-9 * Math.max(1, Math.abs(v));
                assertTrue(range.least() <= v + slack && v - slack <= range.most(), name + ": " + v + " outside " + range);
            });
        }
    }

    @Test
    void andersonDarlingsClosedFormsEqualScipysSums() {
        for (long n : new long[] {10_001, 231_839, 2_000_000}) {
            double[] sum = AndersonDarling.summed(n);
            double[] closed = AndersonDarling.closedForm(n);
            assertEquals(sum[0], closed[0], 1e-13 * sum[0], "h at N = " + n);
            assertEquals(sum[1], closed[1], 1e-13 * sum[1], "g at N = " + n);
        }
    }

    @Test
    void besselKMatchesScipy() {
        // scipy.special.kv(0.25, q)
        assertEquals(6.165741264139234, CramerVonMises.besselK(0.25, 0.01), 1e-14 * 6.165741264139234);
        assertEquals(0.4307397744485814, CramerVonMises.besselK(0.25, 1.0), 1e-14 * 0.4307397744485814);
        assertEquals(2.1346641833090355e-14, CramerVonMises.besselK(0.25, 30.0), 1e-14 * 2.1346641833090355e-14);
    }

    @Test
    void andersonDarlingIsUndefinedForOneDistinctValueAndCapsItsPValue() {
        assertNull(new AndersonDarling().test(0, 0, 10, 10, 1));
        assertEquals(0.25, AndersonDarling.pValue(-2.0));
        assertEquals(0.001, AndersonDarling.pValue(50.0));
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    /** Distinct values in order with each side's count. */
    static long[][] table(double[] x, double[] y) {
        TreeMap<Double, long[]> t = new TreeMap<>();
        for (double v : x) {
            t.computeIfAbsent(v + 0.0, k -> new long[2])[0]++;
        }
        for (double v : y) {
            t.computeIfAbsent(v + 0.0, k -> new long[2])[1]++;
        }
        long[][] out = new long[2][t.size()];
        int i = 0;
        for (long[] c : t.values()) {
            out[0][i] = c[0];
            out[1][i++] = c[1];
        }
        return out;
    }

    private static void assertPValue(double want, double got, String what) {
        if (want < 1e-10) {
            assertTrue(got < 1e-10, what + ": p " + got);
        } else {
            assertEquals(want, got, 1e-4 * want, what); // as the golden cases: 1 − cdf leaves ~1e-15 absolute
        }
    }

    /** The ECDF sums of a value table as the scans' walk gives them (only the order of the values matters). */
    private static java.util.Map<String, org.driftwatch.stats.EcdfSums.Range> sumsOf(long[] reference, long[] current) {
        double[] positions = new double[reference.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return org.driftwatch.stats.EcdfWalk.ofTable(positions, reference, current).sums();
    }
}
