package org.driftwatch.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PopulationStabilityIndexTest {
    @Test
    void valueOnRepeatedEdgesLandsInTheLastBinStartingThere() {
        double[] inner = {0.0, 0.0, 1.0, 1.0, 2.0};
        assertEquals(0, PopulationStabilityIndex.binOf(inner, -0.5));
        assertEquals(2, PopulationStabilityIndex.binOf(inner, 0.0));
        assertEquals(4, PopulationStabilityIndex.binOf(inner, 1.0));
        assertEquals(4, PopulationStabilityIndex.binOf(inner, 1.5));
        assertEquals(5, PopulationStabilityIndex.binOf(inner, 2.0));
    }

    @Test
    void emptyBinsOnBothSidesContributeNothing() {
        assertEquals(0.0, PopulationStabilityIndex.fromCounts(new long[] {0, 5, 5}, new long[] {0, 5, 5}));
    }

    @Test
    void sharesAreClippedNotRenormalised() {
        // r = (1, 0) -> (1, 1e-4); c = (0.5, 0.5): (0.5-1)ln(0.5) + (0.5-1e-4)ln(0.5/1e-4)
        double expected = -0.5 * Math.log(0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4);
        assertEquals(expected, PopulationStabilityIndex.fromCounts(new long[] {10, 0}, new long[] {5, 5}), 1e-15);
    }

    @Test
    void percentilesAreNumpyLinear() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1.3, Percentiles.ofSorted(x, 10), 1e-15);      // np.percentile([1,2,3,4], 10)
        assertEquals(2.5, Percentiles.ofSorted(x, 50), 0);
        assertEquals(4.0, Percentiles.ofSorted(x, 100), 0);
        assertArrayEquals(new double[] {1.3, 1.6, 1.9, 2.2, 2.5, 2.8, 3.1, 3.4, 3.7},
            PopulationStabilityIndex.innerEdges(x, 10), 1e-12);
    }
}
