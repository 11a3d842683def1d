package org.driftwatch;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * This JVM's heap over one run, two ways: under spark-submit the driver's, what the profiles and
 * accumulators cost it; in local mode also the executors'.
 * <ul>
 * <li>peak: the sum of the heap pools' peak usage since the run started, an upper bound (the pools peak at
 * different moments, so the sum can exceed the heap), and mostly the young generation's size: garbage;</li>
 * <li>after GC: the most heap still in use right after any collection during the run, what the run kept
 * (live objects, and old-generation garbage a young collection does not free); −1 when no collection ran.</li>
 * </ul>
 */
final class DriverHeap {
    record Use(long peakBytes, long afterGcBytes) {
    }

    private final List<MemoryPoolMXBean> pools;
    private final Set<String> heapPools;
    private final AtomicLong afterGc = new AtomicLong(-1);
    private final NotificationListener listener = this::collected;
    private final List<NotificationEmitter> emitters;

    private DriverHeap(List<MemoryPoolMXBean> pools) {
        this.pools = pools;
        this.heapPools = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
        this.emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(NotificationEmitter.class::isInstance).map(NotificationEmitter.class::cast).toList();
    }

    static DriverHeap start() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        DriverHeap h = new DriverHeap(heap);
        h.emitters.forEach(e -> e.addNotificationListener(h.listener, null, null));
        return h;
    }

    /** Stops listening and says what the run used. */
    Use stop() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException gone) {
                // already stopped (a run stops it before its report and again when it ends)
            }
        }
        return now();
    }

    /** What the run has used so far (collections are reported a moment after they end). */
    Use now() {
        return new Use(pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum(), afterGc.get());
    }

    private void collected(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            used += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
        }
        afterGc.accumulateAndGet(used, Math::max);
    }
}
