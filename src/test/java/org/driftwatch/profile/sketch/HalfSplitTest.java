package org.driftwatch.profile.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Random;
import org.driftwatch.profile.model.SelfCheck;
import org.driftwatch.stats.JensenShannon;
import org.driftwatch.stats.KolmogorovSmirnov;
import org.driftwatch.stats.PopulationStabilityIndex;
import org.driftwatch.stats.Wasserstein;
import org.junit.jupiter.api.Test;

/** The self-check from cells against the same statistics computed directly on the two halves' values. */
class HalfSplitTest {
    private static double std(double[] v) {
        double m = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }

    @Test
    void numericStatisticsMatchTheHalvesValuesAtCellResolution() {
        Random rnd = new Random(11);
        int n = 6000;
        double[] all = new double[n];
        CellHistogram cells = new CellHistogram(1 << 16);
        double[] a = new double[n];
        double[] b = new double[n];
        int na = 0;
        int nb = 0;
        for (int i = 0; i < n; i++) {
            double v = 50 + 12 * rnd.nextGaussian() + (rnd.nextInt(10) == 0 ? 30 : 0);
            all[i] = v;
            boolean inSecond = rnd.nextBoolean();
            cells.add(v, inSecond);
            if (inSecond) {
                b[nb++] = v;
            } else {
                a[na++] = v;
            }
        }
        a = Arrays.copyOf(a, na);
        b = Arrays.copyOf(b, nb);
        SelfCheck s = HalfSplit.numeric(cells, 10, std(all));
        assertEquals(na, s.firstHalf());
        assertEquals(nb, s.secondHalf());
        // cells are 2^-13 wide relative to the value: D and W agree far below the statistics' own size
        assertEquals(KolmogorovSmirnov.statistic(a, b), s.ksStatistic(), 2e-3);
        assertEquals(Wasserstein.distance(a, b) / std(all), s.wassersteinNormed(), 2e-3);
        // PSI on the whole reference's equal-count bins
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double[] edges = PopulationStabilityIndex.innerEdges(sorted, 10);
        double exact = PopulationStabilityIndex.fromCounts(PopulationStabilityIndex.binCounts(edges, a),
            PopulationStabilityIndex.binCounts(edges, b));
        assertEquals(exact, s.psi(), 0.1 * exact + 1e-3);
    }

    @Test
    void categoricalIsPsiAndJensenShannonOfTheHalves() {
        long[] all = {500, 300, 200};
        long[] second = {240, 160, 90};
        SelfCheck s = HalfSplit.categorical(all, second);
        long[] first = {260, 140, 110};
        assertEquals(PopulationStabilityIndex.fromCounts(first, second), s.psi(), 1e-15);
        assertEquals(JensenShannon.distance(first, second), s.jensenShannon(), 1e-15);
        assertNull(s.ksStatistic());
        assertNull(HalfSplit.categorical(new long[] {40}, new long[] {20}), "halves below 30 values");
    }

    @Test
    void valuesCrowdedIntoOneWideCellGetNoSelfCheck() {
        CellHistogram cells = new CellHistogram(1 << 16);
        Random rnd = new Random(3);
        for (int i = 0; i < 2000; i++) {
            cells.add(1e6 + rnd.nextGaussian(), i % 2 == 0);   // all inside one 0.01 % cell
        }
        assertNull(HalfSplit.numeric(cells, 10, 1.0));
    }
}
