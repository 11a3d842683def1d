package org.driftwatch.profile.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compressed reference distribution on plain arrays: ranks, counts below a value, slots. */
class CellLayoutTest {
    private static CellLayout layout(double[] values, double insideShare) {
        CellHistogram h = new CellHistogram(1 << 16);
        for (double v : values) {
            h.add(v);
        }
        return CellLayout.merge(h.sorted(), (long) Math.floor(insideShare * values.length));
    }

    private static double[] sample(Random rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (i % 4) {
                case 0 -> rnd.nextGaussian() * 3;
                case 1 -> Math.exp(rnd.nextGaussian() * 2);
                case 2 -> Math.round(rnd.nextGaussian() * 5) / 2.0;
                default -> -1e6 + rnd.nextDouble();
            };
        }
        return v;
    }

    @Test
    void cellsKeepEveryValueAndTheirEndsAreRealValues() {
        double[] v = sample(new Random(3), 50_000);
        CellLayout l = layout(v, 0.0005);
        assertEquals(v.length, l.total());
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < l.cells(); i++) {
            assertTrue(Arrays.binarySearch(sorted, l.min()[i]) >= 0);
            assertTrue(Arrays.binarySearch(sorted, l.max()[i]) >= 0);
            assertTrue(i == 0 || l.max()[i - 1] < l.min()[i], "cells are disjoint and ordered");
        }
    }

    @Test
    void valueAtRankAndCountBelowAreExactWithTheInsideValues() {
        double[] v = sample(new Random(4), 20_000);
        CellLayout l = layout(v, 0.001);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        Map<Integer, double[]> inside = new java.util.HashMap<>();
        for (int i = 0; i < l.cells(); i++) {
            final int c = i;
            inside.put(i, Arrays.stream(sorted).filter(x -> x > l.min()[c] && x < l.max()[c]).toArray());
        }
        Random rnd = new Random(5);
        for (int t = 0; t < 2000; t++) {
            int k = rnd.nextInt(v.length);
            assertEquals(sorted[k], l.valueAtRank(k, inside));
            double e = rnd.nextBoolean() ? sorted[k] : sorted[k] + 1e-9;
            long below = Arrays.stream(sorted).filter(x -> x < e).count();
            assertEquals(below, l.countBelow(e, inside));
        }
    }

    @Test
    void theFastSlotFinderAgreesWithTheLayout() {
        Random rnd = new Random(6);
        double[] v = sample(rnd, 100_000);
        CellLayout l = layout(v, 0.0005);
        SlotFinder f = new SlotFinder(l);
        for (int t = 0; t < 200_000; t++) {
            double x = t % 3 == 0 ? v[rnd.nextInt(v.length)] : t % 3 == 1 ? rnd.nextGaussian() * 10 : -1e6 + rnd.nextDouble() * 1.2;
            assertEquals(l.slot(x), f.slot(x), "slot of " + x);
        }
        for (int i = 0; i < l.cells(); i++) {
            assertEquals(l.slot(l.min()[i]), f.slot(l.min()[i]));
            assertEquals(l.slot(l.max()[i]), f.slot(l.max()[i]));
            assertEquals(l.slot(Math.nextUp(l.max()[i])), f.slot(Math.nextUp(l.max()[i])));
        }
    }

    @Test
    void theSlotFinderAgreesOnSkewedAndConstantColumns() {
        Random rnd = new Random(8);
        double[] skewed = new double[60_000];
        for (int i = 0; i < skewed.length; i++) {
            skewed[i] = Math.exp(rnd.nextGaussian() * 4) * (i % 5 == 0 ? -1 : 1);
        }
        for (double[] v : new double[][] {skewed, {2.5, 2.5, 2.5}, {0.0, 0.0, 1e-300, 1e300}}) {
            CellLayout l = layout(v, 0.0005);
            SlotFinder f = new SlotFinder(l);
            for (int t = 0; t < 100_000; t++) {
                double x = t % 2 == 0 ? v[rnd.nextInt(v.length)] : Math.exp(rnd.nextGaussian() * 5) - 1;
                assertEquals(l.slot(x), f.slot(x), "slot of " + x);
                double y = (t % 2 == 0 ? Math.nextUp(x) : -x) + 0.0; // the scans add 0.0: no −0.0
                assertEquals(l.slot(y), f.slot(y), "slot of " + y);
            }
        }
    }

    @Test
    void bulkAddsGiveTheCellsOfAddsOneByOne() {
        double[] v = sample(new Random(9), 50_000);
        boolean[] second = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            second[i] = i % 3 == 0;
        }
        CellHistogram one = new CellHistogram(2000);
        for (int i = 0; i < v.length; i++) {
            one.add(v[i], second[i]);
        }
        CellHistogram bulk = new CellHistogram(2000);
        int chunk = 7000;
        for (int from = 0; from < v.length; from += chunk) {
            int n = Math.min(chunk, v.length - from);
            bulk.addAll(Arrays.copyOfRange(v, from, from + n), Arrays.copyOfRange(second, from, from + n), n, new int[n]);
        }
        assertTrue(one.coarser() > 0, "the budget forced coarser cells");
        assertEquals(one.coarser(), bulk.coarser());
        CellHistogram.Cells a = one.sorted();
        CellHistogram.Cells b = bulk.sorted();
        assertTrue(Arrays.equals(a.min(), b.min()), "min");
        assertTrue(Arrays.equals(a.max(), b.max()), "max");
        assertTrue(Arrays.equals(a.count(), b.count()), "count");
        assertTrue(Arrays.equals(a.minCount(), b.minCount()) && Arrays.equals(a.maxCount(), b.maxCount()), "ties");
        assertTrue(Arrays.equals(a.second(), b.second()), "second");
        // sums are added in another order where cells were halved (as when partitions merge): equal to rounding
        for (int i = 0; i < a.sum().length; i++) {
            assertEquals(a.sum()[i], b.sum()[i], 1e-12 * Math.abs(a.sum()[i]) + 1e-300, "sum of cell " + i);
        }
    }

    @Test
    void halvingCellsGivesTheSameResultForAnyPartitioning() {
        double[] v = sample(new Random(7), 60_000);
        CellHistogram whole = new CellHistogram(3000);
        for (double x : v) {
            whole.add(x);
        }
        CellHistogram merged = new CellHistogram(3000);
        for (int part = 0; part < 7; part++) {
            CellHistogram h = new CellHistogram(3000);
            for (int i = part * v.length / 7; i < (part + 1) * v.length / 7; i++) {
                h.add(v[i]);
            }
            merged.merge(h);
        }
        assertTrue(whole.coarser() > 0, "the budget forced coarser cells");
        assertEquals(whole.coarser(), merged.coarser());
        CellHistogram.Cells a = whole.sorted();
        CellHistogram.Cells b = merged.sorted();
        assertTrue(java.util.Arrays.equals(a.min(), b.min()) && java.util.Arrays.equals(a.max(), b.max())
            && java.util.Arrays.equals(a.count(), b.count()) && java.util.Arrays.equals(a.minCount(), b.minCount())
            && java.util.Arrays.equals(a.maxCount(), b.maxCount()));
        assertTrue(a.min().length <= 3000);
    }
}
