package org.driftwatch.profile.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The duplicate filter never misses a repeat, within a part or across merged parts, and lets few others through. */
class DuplicateFilterTest {
    @Test
    void distinctValuesLeaveItEmpty() {
        DuplicateFilter a = DuplicateFilter.forValues(200_000);
        DuplicateFilter b = DuplicateFilter.forValues(200_000);
        for (long v = 0; v < 100_000; v++) {
            a.add(v);
            b.add(v + 100_000);
        }
        long others = falseCandidates(a.merge(b), 200_000);
        assertTrue(others < 6_000, "sized exactly for the values, at most ~3 % of values seen once come back as candidates: " + others);
    }

    @Test
    void everyRepeatIsACandidateWhereverItsRowsAre() {
        SplittableRandom random = new SplittableRandom(7);
        DuplicateFilter[] parts = new DuplicateFilter[8];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = DuplicateFilter.forValues(1_000_000);
        }
        long[] repeated = new long[500];
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = random.nextLong();
            parts[random.nextInt(8)].add(repeated[i]);
            parts[random.nextInt(8)].add(repeated[i]);   // the second row in the same part or another
        }
        for (int i = 0; i < 800_000; i++) {
            parts[i % 8].add(random.nextLong());
        }
        DuplicateFilter all = parts[0];
        for (int p = 1; p < parts.length; p++) {
            all = all.merge(parts[p]);
        }
        assertFalse(all.none());
        for (long v : repeated) {
            assertTrue(all.mayRepeat(v), "a value on two rows is never missed");
        }
        long others = falseCandidates(all, 200_000);
        assertTrue(others < 2_000, "at most ~1 % of values that occur once come back as candidates: " + others);
    }

    @Test
    void aTreeOfMergesKeepsRepeatsSplitAcrossBranches() {
        DuplicateFilter a = DuplicateFilter.forValues(1000);
        DuplicateFilter b = DuplicateFilter.forValues(1000);
        DuplicateFilter c = DuplicateFilter.forValues(1000);
        DuplicateFilter d = DuplicateFilter.forValues(1000);
        a.add(42);
        d.add(42);
        b.add(1);
        c.add(2);
        DuplicateFilter left = a.merge(b);
        DuplicateFilter right = c.merge(d);
        assertTrue(left.none() && right.none(), "each branch alone saw 42 once");
        DuplicateFilter top = left.merge(right);
        assertTrue(top.mayRepeat(42));
        assertEquals(false, top.mayRepeat(1) && top.mayRepeat(2) && top.mayRepeat(3), "values seen once are not all candidates");
    }

    private static long falseCandidates(DuplicateFilter f, int probes) {
        SplittableRandom r = new SplittableRandom(99);
        long n = 0;
        for (int i = 0; i < probes; i++) {
            n += f.mayRepeat(r.nextLong()) ? 1 : 0;
        }
        return n;
    }
}
