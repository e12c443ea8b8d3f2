package io.github.dgxspark.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The optimizer's constants, each overridable (as the AutoTuner's {@code --tuning-configs} lets its
 * users override its own): a site with other hardware habits changes a number here instead of every
 * recommendation.
 *
 * @param cpuCoresPerExecutor cores per CPU executor (Cloudera: about 5 keep HDFS throughput)
 * @param gpuHeapPerCoreBytes executor heap per task core in GPU mode (AutoTuner HEAP_PER_CORE 2g)
 * @param maxHeapBytes largest executor heap (31 GiB keeps compressed object pointers)
 * @param maxPinnedPoolBytes largest RAPIDS pinned pool per executor on discrete GPUs (AutoTuner
 *     PINNED_MEMORY max 8g since spark-rapids-tools PR 2076)
 * @param unifiedMaxPinnedPoolBytes largest pinned pool on unified-memory nodes, where it is the
 *     same DRAM as everything else
 * @param maxConcurrentGpuTasks most tasks on one GPU at once (AutoTuner CONC_GPU_TASKS max 4)
 * @param gpuMemoryPerTaskBytes GPU memory per concurrent GPU task (AutoTuner GPU_MEM_PER_TASK
 *     7500m)
 * @param reservedCoresFraction share of a cluster node's logical cores left to the OS and daemons
 *     (at least 1 core; at most 0.04)
 * @param reservedMemoryFraction share of a node's memory left to the OS and daemons, in [0, 0.5)
 * @param minReservedMemoryBytes least memory left to the OS and daemons per node
 * @param unifiedGpuAllocFraction share of unified memory the GPU pool takes on GB10-class nodes, in
 *     (0, 1): this project's estimate [est], not measured on a GB10; the pool's allocFraction is a
 *     share of free memory, which on unified memory the JVMs and the OS also need (RAPIDS
 *     configs.md, DGX Spark Porting Guide)
 */
public record TuningSpec(
    int cpuCoresPerExecutor,
    long gpuHeapPerCoreBytes,
    long maxHeapBytes,
    long maxPinnedPoolBytes,
    long unifiedMaxPinnedPoolBytes,
    int maxConcurrentGpuTasks,
    long gpuMemoryPerTaskBytes,
    double reservedCoresFraction,
    double reservedMemoryFraction,
    long minReservedMemoryBytes,
    double unifiedGpuAllocFraction) {

  /** Most of a node's cores the OS reserve may take (the optimizer's promise: 4 %, at least 1). */
  static final double MAX_RESERVED_CORES_FRACTION = 0.04;

  // Checks the fields.
  public TuningSpec {
    Checks.positive("tuning cpuCoresPerExecutor", cpuCoresPerExecutor);
    Checks.positive("tuning gpuHeapPerCore", gpuHeapPerCoreBytes);
    Checks.positive("tuning maxHeap", maxHeapBytes);
    Checks.nonNegative("tuning maxPinnedPool", maxPinnedPoolBytes);
    Checks.nonNegative("tuning unifiedMaxPinnedPool", unifiedMaxPinnedPoolBytes);
    Checks.positive("tuning maxConcurrentGpuTasks", maxConcurrentGpuTasks);
    Checks.positive("tuning gpuMemoryPerTask", gpuMemoryPerTaskBytes);
    Checks.nonNegative("tuning minReservedMemory", minReservedMemoryBytes);
    fractionIn(
        "reservedCoresFraction", reservedCoresFraction, 0, MAX_RESERVED_CORES_FRACTION, true);
    fractionIn("reservedMemoryFraction", reservedMemoryFraction, 0, 0.5, false);
    if (!(unifiedGpuAllocFraction > 0 && unifiedGpuAllocFraction < 1)) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "tuning unifiedGpuAllocFraction is %s; expected a fraction above 0 and below 1",
              unifiedGpuAllocFraction));
    }
  }

  private static void fractionIn(
      String name, double value, double min, double max, boolean maxIncluded) {
    if (!(value >= min && (maxIncluded ? value <= max : value < max))) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "tuning %s is %s; expected a fraction from %s to %s%s",
              name,
              value,
              min,
              max,
              maxIncluded ? "" : " (excluded)"));
    }
  }

  /**
   * The built-in constants.
   *
   * @return the defaults, with the sources named on each field
   */
  public static TuningSpec defaults() {
    return new TuningSpec(
        5,
        2 * ByteSizes.GIB,
        31 * ByteSizes.GIB,
        8 * ByteSizes.GIB,
        2 * ByteSizes.GIB,
        4,
        7500 * ByteSizes.MIB,
        0.01,
        1.0 / 128,
        ByteSizes.GIB,
        0.5);
  }

  /**
   * These constants with some replaced, as a tuning file names them: {@code cpuCoresPerExecutor},
   * {@code gpuHeapPerCore}, {@code maxHeap}, {@code maxPinnedPool}, {@code unifiedMaxPinnedPool},
   * {@code maxConcurrentGpuTasks}, {@code gpuMemoryPerTask}, {@code reservedCoresFraction}, {@code
   * reservedMemoryFraction}, {@code minReservedMemory}, {@code unifiedGpuAllocFraction}. Sizes take
   * Spark's units ({@code 2g}), counts whole numbers, fractions decimals.
   *
   * @param overrides name → value
   * @return the constants
   * @throws DgxSparkException if a name is not one of those, or a value is not a number of its kind
   *     or out of its range
   */
  public TuningSpec with(Map<String, String> overrides) {
    Objects.requireNonNull(overrides, "overrides");
    Map<String, String> v = new LinkedHashMap<>(asMap());
    for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
      if (!v.containsKey(e.getKey())) {
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "tuning constant '%s' is not known; expected one of %s",
                e.getKey(),
                String.join(", ", v.keySet())));
      }
      v.put(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()).trim());
    }
    return new TuningSpec(
        count(v, "cpuCoresPerExecutor"),
        ByteSizes.parseBytes(v.get("gpuHeapPerCore")),
        ByteSizes.parseBytes(v.get("maxHeap")),
        ByteSizes.parseBytes(v.get("maxPinnedPool")),
        ByteSizes.parseBytes(v.get("unifiedMaxPinnedPool")),
        count(v, "maxConcurrentGpuTasks"),
        ByteSizes.parseBytes(v.get("gpuMemoryPerTask")),
        fraction(v, "reservedCoresFraction"),
        fraction(v, "reservedMemoryFraction"),
        ByteSizes.parseBytes(v.get("minReservedMemory")),
        fraction(v, "unifiedGpuAllocFraction"));
  }

  /**
   * The constants by the names a tuning file uses, sizes in Spark's units.
   *
   * @return name → value in a stable order
   */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cpuCoresPerExecutor", Integer.toString(cpuCoresPerExecutor));
    m.put("gpuHeapPerCore", ByteSizes.format(gpuHeapPerCoreBytes));
    m.put("maxHeap", ByteSizes.format(maxHeapBytes));
    m.put("maxPinnedPool", ByteSizes.format(maxPinnedPoolBytes));
    m.put("unifiedMaxPinnedPool", ByteSizes.format(unifiedMaxPinnedPoolBytes));
    m.put("maxConcurrentGpuTasks", Integer.toString(maxConcurrentGpuTasks));
    m.put("gpuMemoryPerTask", ByteSizes.format(gpuMemoryPerTaskBytes));
    m.put("reservedCoresFraction", Double.toString(reservedCoresFraction));
    m.put("reservedMemoryFraction", Double.toString(reservedMemoryFraction));
    m.put("minReservedMemory", ByteSizes.format(minReservedMemoryBytes));
    m.put("unifiedGpuAllocFraction", Double.toString(unifiedGpuAllocFraction));
    return m;
  }

  private static int count(Map<String, String> v, String name) {
    String text = v.get(name);
    if (!text.matches("[0-9]{1,9}")) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT, "tuning %s is '%s'; expected a whole number such as 4", name, text));
    }
    return Integer.parseInt(text);
  }

  private static double fraction(Map<String, String> v, String name) {
    String text = v.get(name);
    if (!text.matches("[0-9]+(\\.[0-9]+)?([eE]-?[0-9]+)?")) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "tuning %s is '%s'; expected a decimal fraction such as 0.02",
              name,
              text));
    }
    return Double.parseDouble(text);
  }
}
