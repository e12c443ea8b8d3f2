package io.github.dgxspark.adapter;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Runs {@link Main} and, when the JVM exits, prints {@code peak-heap-bytes=N} on standard error:
 * the most heap in use at once, taken just before each garbage collection (when use peaks) and at
 * exit. The hostile-input tests start it in a child JVM with {@code -Xmx256m}.
 */
public final class PeakHeap {
  /** What the line starts with. */
  public static final String MARK = "peak-heap-bytes=";

  private static final AtomicLong PEAK = new AtomicLong();

  private PeakHeap() {}

  /**
   * Runs the jar's main with the peak printed at exit.
   *
   * @param args the jar's arguments
   */
  public static void main(String[] args) {
    Set<String> heapPools = new HashSet<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heapPools.add(p.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, handback) -> {
                if (n.getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  long before = 0;
                  for (Map.Entry<String, MemoryUsage> u :
                      GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                          .getGcInfo()
                          .getMemoryUsageBeforeGc()
                          .entrySet()) {
                    if (heapPools.contains(u.getKey())) {
                      before += u.getValue().getUsed();
                    }
                  }
                  PEAK.accumulateAndGet(before, Math::max);
                }
              },
              null,
              null);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                  System.err.println(MARK + Math.max(PEAK.get(), now));
                }));
    Main.main(args);
  }
}
