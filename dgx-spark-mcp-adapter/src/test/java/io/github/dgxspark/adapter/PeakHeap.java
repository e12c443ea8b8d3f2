package io.github.dgxspark.adapter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Runs {@link Main} and, when the JVM exits, prints {@code peak-heap-bytes=N} on standard error:
 * the sum of the heap pools' peak use, an upper bound of the peak heap. The hostile-input tests
 * start it in a child JVM with {@code -Xmx256m}.
 */
public final class PeakHeap {
  /** What the line starts with. */
  public static final String MARK = "peak-heap-bytes=";

  private PeakHeap() {}

  /**
   * Runs the jar's main with the peak printed at exit.
   *
   * @param args the jar's arguments
   */
  public static void main(String[] args) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  long peak = 0;
                  for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (p.getType() == MemoryType.HEAP) {
                      peak += p.getPeakUsage().getUsed();
                    }
                  }
                  System.err.println(MARK + peak);
                }));
    Main.main(args);
  }
}
