package org.driftwatch.profile.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.driftwatch.profile.sketch.CellHistogram;
import org.driftwatch.profile.sketch.CellLayout;
import org.driftwatch.profile.sketch.SlotFinder;
import org.driftwatch.stats.PopulationStabilityIndex;
import org.junit.jupiter.api.Test;

/** The current scan's shortcuts against the reference layout give what the plain definitions give. */
class CurrentScanTest {
    @Test
    void aSlotsBinIsTheBinOfEveryValueInIt() {
        Random rnd = new Random(11);
        double[] v = new double[80_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 3 == 0 ? rnd.nextGaussian() : i % 3 == 1 ? Math.exp(rnd.nextGaussian() * 3) : Math.round(rnd.nextGaussian() * 4);
        }
        CellHistogram h = new CellHistogram(1 << 12);
        for (double x : v) {
            h.add(x);
        }
        CellLayout layout = CellLayout.merge(h.sorted(), 40);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        // edges at reference values (as quantiles are) and one between two values
        double[] edges = {sorted[8_000], sorted[20_000], sorted[40_000], (sorted[60_000] + sorted[60_001]) / 2, sorted[72_000]};
        int[] bins = CurrentScan.Against.slotBins(layout, edges);
        SlotFinder finder = new SlotFinder(layout);
        int split = 0;
        for (int b : bins) {
            split += b < 0 ? 1 : 0;
        }
        assertTrue(split <= edges.length, "only slots with an edge strictly inside are split: " + split);
        double[] probes = new double[v.length + 6 * edges.length + 1000];
        System.arraycopy(v, 0, probes, 0, v.length);
        int k = v.length;
        for (double e : edges) {
            for (double p : new double[] {e, Math.nextUp(e), Math.nextDown(e), e * 1.000001, e - 1e-9, e + 1e-9}) {
                probes[k++] = p;
            }
        }
        while (k < probes.length) {
            probes[k++] = rnd.nextGaussian() * 1e3;
        }
        for (double p : probes) {
            int b = bins[finder.slot(p)];
            if (b >= 0) {
                assertEquals(PopulationStabilityIndex.binOf(edges, p), b, "bin of " + p);
            }
        }
    }
}
