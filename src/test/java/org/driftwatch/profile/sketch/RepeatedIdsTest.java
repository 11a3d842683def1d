package org.driftwatch.profile.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The repeated integer values, exactly, whether they come in runs or at random, in one part or several. */
class RepeatedIdsTest {
    @Test
    void runsAndScatteredValuesGiveTheExactRepeats() {
        SplittableRandom random = new SplittableRandom(3);
        RepeatedIds[] parts = {new RepeatedIds(), new RepeatedIds(), new RepeatedIds()};
        Map<Long, Integer> truth = new HashMap<>();
        long[][] runs = {{1, 50_000}, {40_000, 60_000}, {-20, 20}, {Long.MAX_VALUE - 3, Long.MAX_VALUE}, {100_000, 100_000}};
        int p = 0;
        for (long[] run : runs) {
            for (long v = run[0]; ; v++) {
                parts[p % 3].add(v);
                truth.merge(v, 1, Integer::sum);
                if (v == run[1]) {
                    break;
                }
            }
            p++;
        }
        for (int i = 0; i < 5_000; i++) {
            long v = random.nextLong(-1_000, 200_000);
            parts[random.nextInt(3)].add(v);
            truth.merge(v, 1, Integer::sum);
        }
        RepeatedIds all = parts[0].merge(parts[1]).merge(parts[2]);
        assertTrue(all.usable());
        long repeated = truth.values().stream().filter(c -> c >= 2).count();
        assertEquals(truth.size(), all.distinct());
        assertEquals(repeated, all.repeated());
        truth.forEach((v, c) -> assertEquals(c >= 2, all.mayRepeat(v), "value " + v));
        assertFalse(all.mayRepeat(-5_000));
    }

    @Test
    void aRunRepeatedInsideOnePartIsFound() {
        RepeatedIds ids = new RepeatedIds();
        for (long v = 10; v < 20; v++) {
            ids.add(v);
        }
        for (long v = 15; v < 25; v++) {
            ids.add(v);
        }
        assertEquals(15, ids.distinct());
        assertEquals(5, ids.repeated());
    }
}
