package org.driftwatch.profile.sketch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The row-hash filter never loses a reference hash, lets through about 1 % of others, and merges as a union. */
class RowHashFilterTest {
    @Test
    void everyAddedHashIsFoundAndFewOthersAre() {
        SplittableRandom rnd = new SplittableRandom(41);
        int rows = 200_000;
        long[] added = new long[rows];
        RowHashFilter a = RowHashFilter.forRows(rows);
        RowHashFilter b = RowHashFilter.forRows(rows);
        for (int i = 0; i < rows; i++) {
            added[i] = rnd.nextLong();
            (i % 2 == 0 ? a : b).add(added[i]);   // two partitions' filters
        }
        a.merge(b);
        for (long h : added) {
            assertTrue(a.mightContain(h));
        }
        int falseCandidates = 0;
        int probes = 1_000_000;
        for (int i = 0; i < probes; i++) {
            falseCandidates += a.mightContain(rnd.nextLong()) ? 1 : 0;
        }
        double rate = falseCandidates / (double) probes;
        assertTrue(rate < 0.02, "false candidates " + rate);
        assertTrue(a.bytes() <= rows * 12L / 8 + 32, "about 12 bits per row: " + a.bytes());
    }

    @Test
    void sequentialHashesSpreadToo() {
        RowHashFilter f = RowHashFilter.forRows(100_000);
        for (long h = 0; h < 100_000; h++) {
            f.add(h);
        }
        int falseCandidates = 0;
        for (long h = 1_000_000; h < 2_000_000; h++) {
            falseCandidates += f.mightContain(h) ? 1 : 0;
        }
        assertTrue(falseCandidates < 20_000, "false candidates " + falseCandidates);
    }
}
