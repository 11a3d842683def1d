package org.driftwatch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The peak heap of this JVM over one run: the sum of the heap pools' peak usage since the run started (an upper
 * bound, the pools peak at different moments):
 * under spark-submit the driver's, what the profiles and accumulators cost it; in local mode also the
 * executors'.
 */
final class DriverHeap {
    private final List<MemoryPoolMXBean> pools;

    private DriverHeap(List<MemoryPoolMXBean> pools) {
        this.pools = pools;
    }

    static DriverHeap start() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        return new DriverHeap(heap);
    }

    long peakBytes() {
        return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
