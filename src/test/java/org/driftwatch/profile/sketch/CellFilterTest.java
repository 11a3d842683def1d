package org.driftwatch.profile.sketch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The second pass's quick filter never turns away a value inside a wanted cell, and turns away most others. */
class CellFilterTest {
    @Test
    void valuesInsideACellAreNeverTurnedAway() {
        Random rnd = new Random(21);
        double[] ends = new double[40];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = rnd.nextGaussian() * 100;
        }
        Arrays.sort(ends);
        double[] min = new double[20];
        double[] max = new double[20];
        for (int c = 0; c < 20; c++) {
            min[c] = ends[2 * c];
            max[c] = c % 5 == 0 ? ends[2 * c] : Math.nextUp(ends[2 * c]) + (ends[2 * c + 1] - ends[2 * c]) * 0.001;
        }
        CellFilter filter = new CellFilter(min, max);
        int turnedAway = 0;
        for (int t = 0; t < 200_000; t++) {
            int c = rnd.nextInt(20);
            double inside = min[c] + (max[c] - min[c]) * rnd.nextDouble();
            assertTrue(filter.mayHold(min[c]) && filter.mayHold(max[c]) && filter.mayHold(inside), "cell " + c);
            double any = rnd.nextGaussian() * 100;
            boolean in = false;
            for (int k = 0; k < 20; k++) {
                in |= any >= min[k] && any <= max[k];
            }
            assertTrue(!in || filter.mayHold(any));
            turnedAway += filter.mayHold(any) ? 0 : 1;
        }
        assertTrue(turnedAway > 150_000, "most values are turned away: " + turnedAway);
        assertFalse(new CellFilter(new double[0], new double[0]).mayHold(0.0));
        assertTrue(new CellFilter(new double[] {3.0}, new double[] {3.0}).mayHold(3.0));
    }
}
