package io.github.dgxspark.core;

import static io.github.dgxspark.core.ByteSizes.GIB;
import static io.github.dgxspark.core.ByteSizes.MIB;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One optimization: resolves the mode, lays out executors and emits the reasoned properties. */
final class Planner {
  /** Spark's minimum executor overhead, max(384 MiB, factor × heap). */
  static final long MIN_OVERHEAD_BYTES = SparkSemantics.MIN_MEMORY_OVERHEAD_BYTES;

  /** Spark's default spark.executor.memoryOverheadFactor for JVM jobs. */
  static final double JVM_OVERHEAD_FACTOR = SparkSemantics.MEMORY_OVERHEAD_FACTOR;

  /**
   * Spark's Kubernetes overhead factor for non-JVM (PySpark) jobs; applied under every manager
   * here.
   */
  static final double PYTHON_OVERHEAD_FACTOR = SparkSemantics.NON_JVM_MEMORY_OVERHEAD_FACTOR;

  /** Largest heap that keeps compressed oops (31 GiB leaves headroom below the 32 GB limit). */
  static final long COMPRESSED_OOPS_HEAP_BYTES = 31 * GIB;

  /**
   * A heap without compressed oops holds about what a 31 GiB heap with them holds only from about
   * 48 GiB on, since every reference doubles: heaps from 32 to 48 GiB are lowered to 31 GiB.
   */
  static final long NO_OOPS_MIN_HEAP_BYTES = 48 * GIB;

  /**
   * Heaps beyond about 64 GB suffer long GC pauses (Cloudera, How-to: Tune Your Apache Spark Jobs
   * (Part 2): "64GB is a rough guess at a good upper limit for a single executor"); the cap for one
   * local-mode JVM.
   */
  static final long LOCAL_HEAP_CAP_BYTES = 64 * GIB;

  /** Spark's reserved system memory is 300 MiB and the heap must be at least 1.5 × that. */
  static final long MIN_HEAP_BYTES = 450 * MIB;

  /**
   * Least memory (heap + overhead) a CPU executor is given before executors are dropped for lack of
   * memory.
   */
  static final long MIN_CPU_EXECUTOR_BYTES = 2 * GIB;

  /**
   * Cores per CPU executor (Cloudera: about 5 concurrent tasks per executor keep HDFS throughput).
   */
  static final int CPU_CORES_PER_EXECUTOR = 5;

  /** Cores per GPU executor (spark-rapids-tools AutoTuner CORES_PER_EXECUTOR). */
  static final int GPU_CORES_PER_EXECUTOR = 16;

  /** Heap per GPU-executor core (AutoTuner HEAP_PER_CORE). */
  static final long GPU_HEAP_PER_CORE_BYTES = 2 * GIB;

  /** GPU memory per concurrent GPU task (AutoTuner GPU_MEM_PER_TASK = 7500m). */
  static final long GPU_MEMORY_PER_TASK_BYTES = 7500 * MIB;

  /**
   * Most concurrent GPU tasks (AutoTuner CONC_GPU_TASKS max 4; the tuning guide: 2–4, diminishing
   * returns).
   */
  static final int MAX_CONCURRENT_GPU_TASKS = 4;

  /** Pinned pool per executor on discrete-GPU nodes (AutoTuner default 2 GB, capped at 4 GB). */
  static final long PINNED_POOL_BYTES = 4 * GIB;

  /**
   * Pinned pool on unified-memory nodes: the same DRAM as everything else, so kept at the AutoTuner
   * default.
   */
  static final long UNIFIED_PINNED_POOL_BYTES = 2 * GIB;

  /** Host spill budget per GPU executor (AutoTuner keeps 2 GB). */
  static final long GPU_SPILL_BYTES = 2 * GIB;

  /**
   * Share of unified memory given to the GPU pool on GB10-class nodes: this project's estimate
   * [est], not measured on a GB10; the pool's allocFraction is a share of free memory, which on
   * unified memory the JVMs and the OS also need (RAPIDS configs.md, DGX Spark Porting Guide).
   */
  static final double UNIFIED_GPU_ALLOC_FRACTION = 0.5;

  /**
   * Target input partition size for CPU jobs (Spark's spark.sql.files.maxPartitionBytes default 128
   * MB).
   */
  static final long CPU_PARTITION_BYTES = 128 * MIB;

  /**
   * Target input partition size for GPU jobs (AutoTuner and the tuning guide: 256–512 MB; AutoTuner
   * 512m).
   */
  static final long GPU_PARTITION_BYTES = 512 * MIB;

  /** Interconnects at or above 100 Gb/s get a larger reducer fetch window. */
  static final long FAST_NETWORK_BYTES_PER_SECOND = 12_500_000_000L;

  /**
   * Path of Spark's sample GPU discovery script as installed by the RAPIDS getting-started guides.
   */
  static final String DISCOVERY_SCRIPT = "/opt/sparkRapidsPlugin/getGpusResources.sh";

  private final ClusterSpec cluster;
  private final WorkloadSpec workload;
  private final NodeSpec node;
  private final List<ConfigValue> values = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  Planner(ClusterSpec cluster, WorkloadSpec workload) {
    this.cluster = cluster;
    this.workload = workload;
    this.node = cluster.node();
  }

  OptimizationResult plan() {
    ExecutionMode mode = resolveMode();
    boolean gpu = mode == ExecutionMode.GPU;
    boolean local = cluster.manager() == ClusterManager.LOCAL;
    boolean python = workload.language() == Language.PYTHON;
    double overheadFactor = python ? PYTHON_OVERHEAD_FACTOR : JVM_OVERHEAD_FACTOR;

    // Local mode is one JVM with no cluster daemons beside it: holding a core back only idles a
    // task thread (measured by the harness: local[1] on 2 cores made ETL 1.12x slower than
    // local[*]), so only cluster nodes keep cores for the OS and daemons.
    int reservedCores = local ? 0 : Math.max(1, node.logicalCores() / 100);
    long reservedMemory = Math.max(GIB, ByteSizes.floorTo(node.memoryBytes() / 128, MIB));

    // GPU memory pool taken out of host memory on unified-memory nodes
    double allocFraction = 1.0;
    long gpuHostMemory = 0;
    if (gpu && node.unifiedMemory()) {
      allocFraction = UNIFIED_GPU_ALLOC_FRACTION;
      gpuHostMemory = (long) (node.memoryBytes() * allocFraction);
    }

    int driverCores = local ? 0 : driverCores();
    long driverHeap = local ? 0 : driverHeap();
    long driverOverhead = local ? 0 : overheadFor(driverHeap, overheadFactor);

    int availCores = node.logicalCores() - reservedCores - driverCores;
    long availMemory =
        node.memoryBytes() - reservedMemory - driverHeap - driverOverhead - gpuHostMemory;
    if (availCores < 1 || availMemory < MIN_HEAP_BYTES + MIN_OVERHEAD_BYTES) {
      throw new DgxSparkException(
          fill(
              "node with %d logical cores and %s of memory is too small: after %d core(s) and %s for the OS%s"
                  + " it leaves %d core(s) and %s; expected at least 1 core and %s for one executor",
              node.logicalCores(),
              ByteSizes.human(node.memoryBytes()),
              reservedCores,
              ByteSizes.human(reservedMemory),
              local ? "" : " and the driver",
              availCores,
              ByteSizes.human(Math.max(0, availMemory)),
              ByteSizes.human(MIN_HEAP_BYTES + MIN_OVERHEAD_BYTES)));
    }

    int executorsPerNode;
    int executorCores;
    long heap;
    long overhead;
    long pinned = 0;
    long spill = 0;
    int concurrentGpuTasks = 0;
    if (gpu) {
      executorsPerNode = local ? 1 : node.gpuCount();
      if (availCores < executorsPerNode) {
        throw new DgxSparkException(
            fill(
                "node has %d usable cores for %d GPUs; expected at least one core per GPU executor (one executor"
                    + " per GPU), or mode cpu",
                availCores, executorsPerNode));
      }
      executorCores = Math.min(GPU_CORES_PER_EXECUTOR, availCores / executorsPerNode);
      long gpuMemory = node.unifiedMemory() ? gpuHostMemory : node.minGpuMemoryBytes();
      concurrentGpuTasks =
          (int)
              Math.max(
                  1,
                  Math.min(
                      Math.min(MAX_CONCURRENT_GPU_TASKS, executorCores),
                      gpuMemory / GPU_MEMORY_PER_TASK_BYTES));
      long perExecutor = availMemory / executorsPerNode;
      pinned = node.unifiedMemory() ? UNIFIED_PINNED_POOL_BYTES : PINNED_POOL_BYTES;
      spill = GPU_SPILL_BYTES;
      // shrink the host pools on small nodes so that a heap of at least 1 GiB remains
      while (pinned + spill + GIB + MIN_OVERHEAD_BYTES > perExecutor && pinned > 256 * MIB) {
        pinned /= 2;
        spill /= 2;
      }
      heap = Math.min(GPU_HEAP_PER_CORE_BYTES * executorCores, COMPRESSED_OOPS_HEAP_BYTES);
      heap = Math.min(heap, (long) ((perExecutor - pinned - spill) / (1 + overheadFactor)));
      heap = roundHeap(heap);
      if (heap < MIN_HEAP_BYTES) {
        throw tooLittleMemory(executorsPerNode, perExecutor);
      }
      overhead =
          roundUpMib(Math.max(MIN_OVERHEAD_BYTES, pinned + spill + (long) (overheadFactor * heap)));
      while (heap + overhead > perExecutor && heap > MIN_HEAP_BYTES) {
        heap = roundHeap(heap - 64 * MIB);
        overhead =
            roundUpMib(
                Math.max(MIN_OVERHEAD_BYTES, pinned + spill + (long) (overheadFactor * heap)));
      }
      if (heap + overhead > perExecutor) {
        throw tooLittleMemory(executorsPerNode, perExecutor);
      }
    } else {
      executorCores = local ? availCores : Math.min(CPU_CORES_PER_EXECUTOR, availCores);
      executorsPerNode = local ? 1 : availCores / executorCores;
      long memoryBound = availMemory / MIN_CPU_EXECUTOR_BYTES;
      if (!local && memoryBound < executorsPerNode) {
        executorsPerNode = (int) Math.max(1, memoryBound);
        notes.add(
            fill(
                "Memory, not cores, limits this node: %d executors of %d cores keep at least %s each; %d core(s)"
                    + " stay idle.",
                executorsPerNode,
                executorCores,
                ByteSizes.human(MIN_CPU_EXECUTOR_BYTES),
                availCores - executorsPerNode * executorCores));
      }
      if (!local && node.numaNodes() > 1 && executorsPerNode > node.numaNodes()) {
        executorsPerNode -= executorsPerNode % node.numaNodes();
      }
      long perExecutor = availMemory / executorsPerNode;
      long cap = local ? LOCAL_HEAP_CAP_BYTES : COMPRESSED_OOPS_HEAP_BYTES;
      heap = (long) (perExecutor / (1 + overheadFactor));
      if (heap * overheadFactor < MIN_OVERHEAD_BYTES) {
        heap = perExecutor - MIN_OVERHEAD_BYTES;
      }
      heap = roundHeap(Math.min(heap, cap));
      if (heap > COMPRESSED_OOPS_HEAP_BYTES && heap < NO_OOPS_MIN_HEAP_BYTES) {
        heap = COMPRESSED_OOPS_HEAP_BYTES;
      }
      if (heap < MIN_HEAP_BYTES) {
        throw tooLittleMemory(executorsPerNode, perExecutor);
      }
      overhead = overheadFor(heap, overheadFactor);
      while (heap + overhead > perExecutor) {
        heap = roundHeap(heap - 64 * MIB);
        overhead = overheadFor(heap, overheadFactor);
      }
    }
    int totalExecutors = executorsPerNode * cluster.nodeCount();
    int taskSlots = totalExecutors * executorCores;
    ExecutorLayout layout =
        new ExecutorLayout(
            executorsPerNode,
            totalExecutors,
            executorCores,
            heap,
            overhead,
            0,
            0,
            pinned,
            gpuHostMemory,
            local ? heap : driverHeap,
            local ? overhead : driverOverhead,
            local ? executorCores : driverCores,
            reservedCores,
            reservedMemory,
            taskSlots);

    emitResources(layout, local, python, overheadFactor);
    emitShuffle(layout, gpu);
    emitSerializerAndAqe(gpu);
    if (gpu) {
      emitGpu(layout, local, concurrentGpuTasks, allocFraction, spill);
    }
    if (python) {
      add(
          "spark.sql.execution.arrow.pyspark.enabled",
          "true",
          "Arrow moves data between the JVM and Python workers in columnar batches instead of pickled rows.",
          Sources.SPARK_CONFIG);
    }
    if (!local && cluster.nodeCount() > 1) {
      add(
          "spark.network.timeout",
          "300s",
          fill(
              "Across %d nodes long GC or shuffle pauses should not get executors declared lost; 300s stays well"
                  + " above the 10s heartbeat interval.",
              cluster.nodeCount()),
          Sources.SPARK_CONFIG);
    }
    return new OptimizationResult(values, layout, mode, notes);
  }

  private ExecutionMode resolveMode() {
    ExecutionMode requested = workload.mode();
    int gpus = node.gpuCount();
    if (requested == ExecutionMode.GPU) {
      if (gpus == 0) {
        throw new DgxSparkException(
            "mode gpu needs GPUs but the node has 0; expected mode cpu or auto, or a node with GPUs");
      }
      return ExecutionMode.GPU;
    }
    if (requested == ExecutionMode.CPU) {
      return ExecutionMode.CPU;
    }
    if (gpus == 0) {
      notes.add("mode auto chose cpu: the node has no GPU.");
      return ExecutionMode.CPU;
    }
    switch (workload.type()) {
      case ETL:
      case SQL_ANALYTICS:
      case ML_TRAINING:
      case ML_INFERENCE:
        if (workload.inputBytes().isPresent() && workload.inputBytes().getAsLong() < GIB) {
          notes.add(
              "mode auto chose cpu: under 1 GiB of input the GPU's transfer and start-up costs outweigh its"
                  + " speed (RAPIDS Accelerator FAQ: small data rarely benefits).");
          return ExecutionMode.CPU;
        }
        notes.add(
            fill(
                "mode auto chose gpu: %s work is mostly SQL/DataFrame operators the RAPIDS Accelerator runs on the"
                    + " GPU, and the node has %d GPU(s).",
                workload.type().id(), gpus));
        return ExecutionMode.GPU;
      default:
        notes.add(
            fill(
                "mode auto chose cpu: %s workloads gain little from the RAPIDS Accelerator, which accelerates"
                    + " SQL/DataFrame operators.",
                workload.type().id()));
        return ExecutionMode.CPU;
    }
  }

  private int driverCores() {
    int cores = workload.type() == WorkloadType.ML_TRAINING ? 4 : 2;
    return Math.max(1, Math.min(cores, node.logicalCores() / 4));
  }

  private long driverHeap() {
    long heap;
    switch (workload.type()) {
      case ML_TRAINING:
      case GRAPH:
        heap = 16 * GIB;
        break;
      case SQL_ANALYTICS:
      case ETL:
        heap = 8 * GIB;
        break;
      default:
        heap = 4 * GIB;
    }
    return Math.max(GIB, ByteSizes.floorTo(Math.min(heap, node.memoryBytes() / 16), MIB));
  }

  // Spark's max(minimum, factor x heap), rounded up (Spark truncates) so that the explicit value
  // is never below factor x heap
  private static long overheadFor(long heap, double factor) {
    return roundUpMib(Math.max(MIN_OVERHEAD_BYTES, (long) (factor * heap)));
  }

  private DgxSparkException tooLittleMemory(int executors, long perExecutor) {
    return new DgxSparkException(
        fill(
            "node memory %s leaves %s per executor for %d executors; expected at least %s each",
            ByteSizes.human(node.memoryBytes()),
            ByteSizes.human(perExecutor),
            executors,
            ByteSizes.human(MIN_HEAP_BYTES + MIN_OVERHEAD_BYTES)));
  }

  /** Whole GiB from 8 GiB up, whole MiB below. */
  private static long roundHeap(long bytes) {
    return bytes >= 8 * GIB ? ByteSizes.floorTo(bytes, GIB) : ByteSizes.floorTo(bytes, MIB);
  }

  private static long roundUpMib(long bytes) {
    return (bytes + MIB - 1) / MIB * MIB;
  }

  private void emitResources(ExecutorLayout l, boolean local, boolean python, double factor) {
    String factorText =
        python
            ? "0.4 (Spark's Kubernetes factor for PySpark: Python workers live in the overhead)"
            : "0.10 (Spark's default)";
    if (local) {
      add(
          "spark.master",
          "local[" + l.executorCores() + "]",
          fill(
              "Local mode runs every task in the driver JVM on all %d cores: with no cluster daemons beside"
                  + " it, a core held back would only idle a task thread.",
              l.executorCores()),
          null);
      add(
          "spark.driver.memory",
          ByteSizes.format(l.executorMemoryBytes()),
          fill(
              "The one JVM holds all execution and storage memory; capped at %s because larger heaps suffer long"
                  + " GC pauses, the rest of the %s stays with the OS page cache.",
              ByteSizes.human(LOCAL_HEAP_CAP_BYTES), ByteSizes.human(node.memoryBytes())),
          Sources.CLOUDERA);
      add(
          "spark.driver.maxResultSize",
          ByteSizes.format(Math.max(GIB, ByteSizes.floorTo(l.executorMemoryBytes() / 4, MIB))),
          "A quarter of the heap bounds what collect() may bring back instead of an unlimited (0) size that"
              + " can kill the JVM.",
          Sources.SPARK_CONFIG);
      return;
    }
    add(
        "spark.executor.cores",
        Integer.toString(l.executorCores()),
        l.pinnedPoolBytes() > 0
            ? fill(
                "%d task cores per GPU executor: enough CPU tasks to keep the GPU fed while others do I/O (tuning"
                    + " guide: about twice the concurrent GPU tasks; AutoTuner default 16).",
                l.executorCores())
            : fill(
                "%d cores per executor: more concurrent tasks per JVM hurt I/O throughput, fewer lose the sharing"
                    + " of broadcasts and JVM overhead.",
                l.executorCores()),
        l.pinnedPoolBytes() > 0 ? Sources.AUTOTUNER : Sources.CLOUDERA);
    add(
        "spark.executor.instances",
        Integer.toString(l.totalExecutors()),
        fill(
            "%d executor(s) per node × %d node(s): %s; %d core(s) and %s per node stay with the OS, and room is"
                + " kept for the driver.",
            l.executorsPerNode(),
            cluster.nodeCount(),
            l.pinnedPoolBytes() > 0
                ? "one executor per GPU, the only layout the RAPIDS Accelerator supports"
                : "the node's usable cores divided by the cores per executor",
            l.reservedCores(),
            ByteSizes.human(l.reservedMemoryBytes())),
        l.pinnedPoolBytes() > 0 ? Sources.RAPIDS_TUNING : Sources.CLOUDERA);
    boolean capped = l.executorMemoryBytes() == COMPRESSED_OOPS_HEAP_BYTES;
    add(
        "spark.executor.memory",
        ByteSizes.format(l.executorMemoryBytes()),
        l.pinnedPoolBytes() > 0
            ? fill(
                "About 2 GiB of heap per task core%s; the GPU holds the data, the heap holds task state.",
                capped ? ", capped at 31 GiB to keep compressed object pointers" : "")
            : fill(
                "The node's memory after the OS and driver, split between %d executors with overhead taken off%s.",
                l.executorsPerNode(),
                capped
                    ? ", capped at 31 GiB to keep compressed object pointers (the rest serves the page cache)"
                    : ""),
        capped ? Sources.JVM_OOPS : Sources.SPARK_TUNING);
    add(
        "spark.executor.memoryOverhead",
        ByteSizes.format(l.memoryOverheadBytes()),
        l.pinnedPoolBytes() > 0
            ? fill(
                "Covers the pinned pool (%s), the host spill budget and %s of the heap for native cuDF and JVM"
                    + " buffers; Spark would derive only max(384 MiB, factor × heap).",
                ByteSizes.format(l.pinnedPoolBytes()), python ? "40 %" : "10 %")
            : fill(
                "max(384 MiB, factor × heap) with factor %s, set explicitly so every cluster manager reserves"
                    + " the same.",
                factorText),
        l.pinnedPoolBytes() > 0 ? Sources.RAPIDS_TUNING : Sources.SPARK_CONFIG);
    add(
        "spark.driver.memory",
        ByteSizes.format(l.driverMemoryBytes()),
        fill(
            "%s jobs %s; capped at 1/16 of the node's memory.",
            workload.type().id(),
            workload.type() == WorkloadType.ML_TRAINING || workload.type() == WorkloadType.GRAPH
                ? "collect model state, graph metadata and aggregates on the driver"
                : workload.type() == WorkloadType.ETL
                        || workload.type() == WorkloadType.SQL_ANALYTICS
                    ? "plan large queries and build broadcast tables on the driver"
                    : "need little driver memory"),
        null);
    add(
        "spark.driver.memoryOverhead",
        ByteSizes.format(l.driverMemoryOverheadBytes()),
        "max(384 MiB, factor × driver heap), as Spark derives it, set so the driver's container is explicit.",
        Sources.SPARK_CONFIG);
    add(
        "spark.driver.cores",
        Integer.toString(l.driverCores()),
        workload.type() == WorkloadType.ML_TRAINING
            ? "ML training aggregates gradients and model updates on the driver."
            : "The driver schedules tasks and plans queries; two cores keep it responsive.",
        null);
    add(
        "spark.driver.maxResultSize",
        ByteSizes.format(Math.max(GIB, ByteSizes.floorTo(l.driverMemoryBytes() / 4, MIB))),
        "A quarter of the driver heap bounds what collect() may bring back instead of an unlimited (0) size"
            + " that can kill the driver.",
        Sources.SPARK_CONFIG);
    add(
        "spark.dynamicAllocation.enabled",
        "false",
        "The layout is sized for the hardware; a fixed executor count keeps it (enable dynamic allocation only"
            + " with an external shuffle service or shuffle tracking).",
        Sources.SPARK_CONFIG);
    if (cluster.manager() == ClusterManager.STANDALONE) {
      add(
          "spark.cores.max",
          Integer.toString(l.totalExecutors() * l.executorCores()),
          "Standalone mode grants executors until this many cores are taken: executors × cores per executor.",
          Sources.SPARK_CONFIG);
    }
  }

  private void emitShuffle(ExecutorLayout l, boolean gpu) {
    int slots = l.taskSlots();
    long target = gpu ? GPU_PARTITION_BYTES : CPU_PARTITION_BYTES;
    int floor = gpu ? slots : 2 * slots;
    long partitions = floor;
    String basis;
    if (workload.inputBytes().isPresent()) {
      long input = workload.inputBytes().getAsLong();
      long bySize = (input + target - 1) / target;
      partitions = Math.max(floor, bySize);
      basis =
          fill(
              "%s of input in partitions of about %s, at least %s",
              ByteSizes.human(input),
              ByteSizes.format(target),
              gpu ? "one per task slot" : "two per task slot (2–3 tasks per core)");
    } else {
      basis =
          gpu
              ? "input size unknown: one partition per task slot"
              : "input size unknown: two partitions per task slot (2–3 tasks per core)";
    }
    // round up to whole waves of the cluster's task slots
    partitions = Math.min(Integer.MAX_VALUE / 2, (partitions + slots - 1) / slots * slots);
    add(
        "spark.sql.shuffle.partitions",
        Long.toString(partitions),
        fill(
            "%s, rounded up to whole waves of the %d task slots; AQE coalesces small ones.",
            basis, slots),
        gpu ? Sources.RAPIDS_TUNING : Sources.SPARK_TUNING);
    add(
        "spark.default.parallelism",
        Integer.toString(slots),
        fill(
            "One RDD partition per task slot (%d slots), Spark's own cluster default, set explicitly so"
                + " it follows the layout; two per slot doubled every shuffle of an iterative GraphX job"
                + " (measured by the real-Spark harness: 1.52x slower), so raise it only for large RDD"
                + " stages.",
            slots),
        Sources.SPARK_CONFIG);
    add(
        "spark.sql.files.maxPartitionBytes",
        ByteSizes.format(target),
        gpu
            ? "GPUs work best on large batches: 512 MiB input partitions (tuning guide 256–512 MB; AutoTuner 512m)."
            : "128 MiB input splits, Spark's default, balance task count against task length.",
        gpu ? Sources.AUTOTUNER : Sources.SPARK_CONFIG);
    long net = cluster.interconnectBytesPerSecond();
    boolean fast = cluster.nodeCount() > 1 && net >= FAST_NETWORK_BYTES_PER_SECOND;
    add(
        "spark.reducer.maxSizeInFlight",
        fast ? "96m" : "48m",
        fast
            ? fill(
                "The interconnect carries %s/s per node, so each reducer may fetch twice Spark's default 48m"
                    + " at once.",
                ByteSizes.human(net))
            : cluster.nodeCount() > 1
                ? "Spark's default fetch window; the network is not known to be faster than 100 Gb/s."
                : "Spark's default fetch window; on one node shuffle blocks are read locally.",
        Sources.SPARK_CONFIG);
    add(
        "spark.shuffle.file.buffer",
        "1m",
        "A 1 MiB buffer per shuffle file (default 32k) cuts disk seeks and system calls when writing shuffle"
            + " output.",
        Sources.SPARK_CONFIG);
  }

  private void emitSerializerAndAqe(boolean gpu) {
    add(
        "spark.serializer",
        "org.apache.spark.serializer.KryoSerializer",
        "Kryo is faster and more compact than Java serialization for shuffled and cached RDD data.",
        Sources.SPARK_TUNING);
    boolean big =
        workload.type() == WorkloadType.ML_TRAINING || workload.type() == WorkloadType.GRAPH;
    add(
        "spark.kryoserializer.buffer.max",
        big ? "1024m" : "256m",
        big
            ? "Model vectors and graph partitions serialize to large objects; 1 GiB stays below Spark's 2048m"
                + " limit."
            : "Room for large records (default 64m) while staying far below Spark's 2048m limit.",
        Sources.SPARK_CONFIG);
    add(
        "spark.sql.adaptive.enabled",
        "true",
        "Adaptive query execution re-plans from real shuffle sizes: coalesces partitions, splits skew, picks"
            + " joins.",
        Sources.SPARK_CONFIG);
    add(
        "spark.sql.adaptive.coalescePartitions.enabled",
        "true",
        "Merges small shuffle partitions so the generous partition count costs little.",
        Sources.SPARK_CONFIG);
    add(
        "spark.sql.adaptive.advisoryPartitionSizeInBytes",
        gpu ? "128m" : "64m",
        gpu
            ? "Larger post-shuffle partitions suit GPU batches (AutoTuner 128m)."
            : "Spark's default target for coalesced partitions.",
        gpu ? Sources.AUTOTUNER : Sources.SPARK_CONFIG);
    if (gpu) {
      add(
          "spark.sql.adaptive.coalescePartitions.parallelismFirst",
          "false",
          "Otherwise Spark ignores the advisory size and keeps many small partitions, which starves the GPU.",
          Sources.AUTOTUNER);
    }
    add(
        "spark.sql.adaptive.skewJoin.enabled",
        "true",
        "Splits skewed join partitions so one hot key does not hold back the stage.",
        Sources.SPARK_CONFIG);
  }

  private void emitGpu(
      ExecutorLayout l, boolean local, int concurrentGpuTasks, double allocFraction, long spill) {
    add(
        "spark.plugins",
        "com.nvidia.spark.SQLPlugin",
        "Loads the RAPIDS Accelerator; its jar must be on the driver and executor class path.",
        Sources.RAPIDS_GETTING_STARTED);
    add(
        "spark.rapids.sql.enabled",
        "true",
        "Runs supported SQL/DataFrame operators on the GPU.",
        Sources.RAPIDS_CONFIGS);
    if (!local) {
      add(
          "spark.executor.resource.gpu.amount",
          "1",
          "The RAPIDS Accelerator supports exactly one GPU per executor.",
          Sources.RAPIDS_TUNING);
      String amount = taskGpuAmount(l.executorCores());
      add(
          "spark.task.resource.gpu.amount",
          amount,
          fill(
              "1/%d of a GPU per task lets all %d executor cores run tasks at once; the GPU semaphore"
                  + " (concurrentGpuTasks) decides how many use the GPU together.",
              l.executorCores(), l.executorCores()),
          Sources.RAPIDS_TUNING);
      add(
          "spark.executor.resource.gpu.discoveryScript",
          DISCOVERY_SCRIPT,
          "Spark's sample getGpusResources.sh reports the executor's GPU address; install it at this path on"
              + " every node (on YARN also pass it with --files).",
          Sources.RAPIDS_GETTING_STARTED);
      if (cluster.manager() == ClusterManager.STANDALONE) {
        add(
            "spark.worker.resource.gpu.amount",
            Integer.toString(node.gpuCount()),
            "Standalone workers must advertise their GPUs (set it in the worker's config or SPARK_WORKER_OPTS).",
            Sources.RAPIDS_GETTING_STARTED);
        add(
            "spark.worker.resource.gpu.discoveryScript",
            DISCOVERY_SCRIPT,
            "The worker finds its GPUs with the same script.",
            Sources.RAPIDS_GETTING_STARTED);
      }
      if (cluster.manager() == ClusterManager.KUBERNETES) {
        add(
            "spark.executor.resource.gpu.vendor",
            "nvidia.com",
            "Kubernetes schedules GPUs as the device-plugin resource nvidia.com/gpu.",
            Sources.RAPIDS_GETTING_STARTED);
      }
    }
    long gpuMemory = node.unifiedMemory() ? l.gpuHostMemoryBytes() : node.minGpuMemoryBytes();
    add(
        "spark.rapids.sql.concurrentGpuTasks",
        Integer.toString(concurrentGpuTasks),
        fill(
            "min(4, GPU memory %s ÷ 7.5 GB per task): tasks sharing the GPU at once; more than 4 gives little"
                + " and risks GPU out-of-memory.",
            ByteSizes.human(gpuMemory)),
        Sources.AUTOTUNER);
    add(
        "spark.rapids.memory.pinnedPool.size",
        ByteSizes.format(l.pinnedPoolBytes()),
        node.unifiedMemory()
            ? "Pinned host memory speeds CPU↔GPU copies; kept small because on unified memory it is the same DRAM."
            : "Pinned host memory speeds CPU↔GPU copies and spills (AutoTuner caps it at 4 GiB per executor);"
                + " the executor overhead covers it.",
        Sources.AUTOTUNER);
    add(
        "spark.rapids.memory.host.spillStorageSize",
        ByteSizes.format(spill),
        "Host memory for GPU spill before it goes to disk, budgeted inside the executor overhead.",
        Sources.AUTOTUNER);
    add(
        "spark.rapids.memory.gpu.pool",
        "ASYNC",
        "CUDA's stream-ordered allocator, the plugin's default pool.",
        Sources.RAPIDS_CONFIGS);
    add(
        "spark.rapids.memory.gpu.allocFraction",
        fraction(allocFraction),
        node.unifiedMemory()
            ? fill(
                "On unified memory the GPU's free memory is system memory: the pool takes %s of it (%s) and"
                    + " leaves the rest to the JVM heaps, pinned pool and OS.",
                fraction(allocFraction), ByteSizes.human(l.gpuHostMemoryBytes()))
            : "The pool takes the GPU's free memory at start (the plugin's current default), less the 640 MiB"
                + " reserve for CUDA.",
        Sources.RAPIDS_CONFIGS);
    if (allocFraction < 1.0) {
      add(
          "spark.rapids.memory.gpu.maxAllocFraction",
          fraction(allocFraction),
          "The pool may not grow past its share of unified memory.",
          Sources.RAPIDS_CONFIGS);
    }
    add(
        "spark.rapids.shuffle.mode",
        "MULTITHREADED",
        cluster.nodeCount() > 1 && cluster.interconnectBytesPerSecond() > 0
            ? "Thread-pool shuffle works everywhere; UCX mode can use the RDMA fabric but needs UCX installed on"
                + " every node."
            : "Thread-pool shuffle, the plugin's default; UCX only pays off across an RDMA fabric.",
        Sources.RAPIDS_TUNING);
    add(
        "spark.rapids.sql.multiThreadedRead.numThreads",
        Integer.toString(Math.max(20, l.executorCores())),
        "Reader threads per executor for cloud and many-file input: max(20, executor cores).",
        Sources.RAPIDS_CONFIGS);
    add(
        "spark.locality.wait",
        "0s",
        "GPU tasks are short; waiting for a data-local slot costs more than reading over a fast network.",
        Sources.RAPIDS_TUNING);
    notes.add(
        "Put the RAPIDS Accelerator jar (rapids-4-spark_2.13, cuda12 or cuda13 build; -arm64 on Grace and GB10)"
            + " on the driver and executor class path; for its accelerated shuffle set spark.shuffle.manager to"
            + " com.nvidia.spark.rapids.spark<NNN>.RapidsShuffleManager where <NNN> is your Spark version"
            + " without dots.");
    if (node.unifiedMemory()) {
      notes.add(
          "This node's GPU shares system memory (unified memory): nvidia-smi reports no GPU memory, so the GPU"
              + " pool is planned as a share of system memory.");
    }
  }

  /** 1/cores, rounded down to 6 decimals so that floor(1/amount) is never below cores. */
  static String taskGpuAmount(int cores) {
    long micro = 1_000_000L / cores;
    return fraction(micro / 1_000_000.0);
  }

  private static String fraction(double f) {
    java.math.BigDecimal d =
        java.math.BigDecimal.valueOf(f)
            .setScale(6, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros();
    return d.scale() <= 0 ? d.setScale(1).toPlainString() : d.toPlainString();
  }

  /**
   * Fills {@code %s} and {@code %d} placeholders in order: a cheap String.format for the reasons,
   * which the optimizer builds on every call (Formatter parses its pattern each time).
   */
  static String fill(String template, Object... args) {
    StringBuilder sb = new StringBuilder(template.length() + 32);
    int arg = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '%'
          && i + 1 < template.length()
          && (template.charAt(i + 1) == 's' || template.charAt(i + 1) == 'd')) {
        sb.append(args[arg++]);
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private void add(String key, String value, String reason, String source) {
    values.add(new ConfigValue(key, value, reason, Optional.ofNullable(source)));
  }
}
