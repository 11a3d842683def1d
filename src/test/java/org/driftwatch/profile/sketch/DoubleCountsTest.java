package org.driftwatch.profile.sketch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DoubleCountsTest {
    @Test
    void countsLikeASortedMapThroughGrowthAndMerges() {
        Random rnd = new Random(3);
        TreeMap<Double, long[]> want = new TreeMap<>();
        DoubleCounts a = new DoubleCounts(10_000);
        DoubleCounts b = new DoubleCounts(10_000);
        for (int i = 0; i < 50_000; i++) {
            double v = Math.round(rnd.nextGaussian() * 300) / 100.0;
            int slot = rnd.nextInt(2);
            (i % 3 == 0 ? a : b).add(v, slot, 1);
            want.computeIfAbsent(v + 0.0, k -> new long[2])[slot]++;
        }
        a.add(-0.0, 1, 5);
        want.computeIfAbsent(0.0, k -> new long[2])[1] += 5;
        DoubleCounts.Sorted got = a.merge(b).sorted();
        assertArrayEquals(want.keySet().stream().mapToDouble(Double::doubleValue).toArray(), got.values());
        assertArrayEquals(want.values().stream().mapToLong(c -> c[0]).toArray(), got.first());
        assertArrayEquals(want.values().stream().mapToLong(c -> c[1]).toArray(), got.second());
        assertEquals(want.size(), a.size());
        assertFalse(a.full());
    }

    @Test
    void givesUpAboveItsLimitAndStaysFullWhenMerged() {
        DoubleCounts a = new DoubleCounts(100);
        for (int i = 0; i < 100; i++) {
            a.add(i, 0, 1);
        }
        assertFalse(a.full());
        a.add(100.5, 0, 1);
        assertTrue(a.full());
        DoubleCounts b = new DoubleCounts(100);
        b.add(1, 1, 1);
        assertTrue(b.merge(a).full());
    }
}
