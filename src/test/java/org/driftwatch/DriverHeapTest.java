package org.driftwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DriverHeapTest {
    @Test
    void afterGcCountsWhatSurvivesACollectionAndPeakBoundsIt() throws InterruptedException {
        DriverHeap heap = DriverHeap.start();
        byte[][] kept = new byte[64][];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new byte[1 << 20];
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (heap.now().afterGcBytes() < (64L << 20) && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        DriverHeap.Use use = heap.stop();
        assertTrue(use.afterGcBytes() >= 64L << 20, "64 MB kept across a collection: " + use);
        assertTrue(use.peakBytes() >= use.afterGcBytes(), "the pools' peaks bound what was kept: " + use);
        assertTrue(kept[63].length == 1 << 20);
    }

    @Test
    void stoppedHeapNoLongerHearsCollections() throws InterruptedException {
        DriverHeap heap = DriverHeap.start();
        long before = heap.stop().afterGcBytes();
        byte[][] kept = new byte[96][];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new byte[1 << 20];
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertEquals(before, heap.now().afterGcBytes(), "collections after the run's end are not its");
        assertTrue(kept[95].length == 1 << 20);
    }
}
