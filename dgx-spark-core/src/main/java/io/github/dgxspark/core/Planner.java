package io.github.dgxspark.core;

import static io.github.dgxspark.core.ByteSizes.GIB;
import static io.github.dgxspark.core.ByteSizes.MIB;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

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

  /**
   * A heap without compressed oops holds about what a 31 GiB heap with them holds only from about
   * 48 GiB on, since every reference doubles: heaps from 32 to 48 GiB are lowered to the cap.
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
   * Floor of the pinned pool plus the host spill store before the heap gives way on small nodes
   * (the AutoTuner's MIN_PINNED_MEMORY and MIN_SPILL_MEMORY, 2 GiB each).
   */
  static final long MIN_POOLS_BYTES = 4 * GIB;

  /**
   * The YARN ApplicationMaster's container in client mode: spark.yarn.am.memory 512m plus its 384
   * MiB minimum overhead (Running on YARN page).
   */
  static final long YARN_AM_CONTAINER_BYTES = 896 * MIB;

  /**
   * Spark's default and the AutoTuner's SHUFFLE_PARTITIONS: partitions when the input is unknown.
   */
  static final int DEFAULT_SHUFFLE_PARTITIONS = 200;

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

  /** Spark's Kryo serializer class. */
  static final String KRYO = "org.apache.spark.serializer.KryoSerializer";

  /** The RAPIDS Accelerator's Kryo registrator (AutoTuner recommendKryoSerializerSetting). */
  static final String GPU_KRYO_REGISTRATOR = "com.nvidia.spark.rapids.GpuKryoRegistrator";

  /** Least Kryo buffer.max with the RAPIDS Accelerator (AutoTuner KRYO_SERIALIZER_BUFFER 512m). */
  static final long GPU_KRYO_BUFFER_BYTES = 512 * MIB;

  /** Interconnects at or above 100 Gb/s get a larger reducer fetch window. */
  static final long FAST_NETWORK_BYTES_PER_SECOND = 12_500_000_000L;

  /**
   * Path of Spark's sample GPU discovery script as installed by the RAPIDS getting-started guides.
   */
  static final String DISCOVERY_SCRIPT = "/opt/sparkRapidsPlugin/getGpusResources.sh";

  /** Keys the planner itself builds from a kept value instead of copying it. */
  /**
   * What runs on the GPU when an ML training job gets the SQL plugin. Sources: RAPIDS Accelerator
   * docs (it accelerates SQL/DataFrame operators); spark-rapids-ml Performance Tuning,
   * nvidia.github.io/spark-rapids-ml/performance.html (stage-level scheduling from 23.10 on
   * standalone Spark 3.4+, fractional spark.task.resource.gpu.amount); XGBoost, Distributed XGBoost
   * with PySpark (xgboost.readthedocs.io tutorials/spark_estimator.html, GPU support) and
   * XGBoost4J-Spark-GPU tutorial (jvm/xgboost4j_spark_gpu_tutorial.html).
   */
  private static final String ML_ON_GPU =
      "ML training on GPU: the RAPIDS Accelerator runs the job's SQL/DataFrame operators (feature"
          + " preparation, joins, aggregations) on the GPU; Spark MLlib's own estimators"
          + " (org.apache.spark.ml, pyspark.ml) still train on the CPU. Training runs on the GPU only"
          + " through a GPU library: XGBoost's Spark estimators with device=cuda (xgboost.spark in"
          + " PySpark, xgboost4j-spark-gpu on the JVM), or spark-rapids-ml's pyspark.ml-compatible"
          + " estimators on cuML. spark-rapids-ml 23.10+ on standalone Spark 3.4+ trains with one task"
          + " per GPU by stage-level scheduling while the fractional spark.task.resource.gpu.amount"
          + " here keeps ETL tasks concurrent; older versions need one task per GPU"
          + " (spark.task.resource.gpu.amount=1). Nothing here configures those libraries.";

  private static final Set<String> PLANNED_KEEPS =
      Set.of(
          "spark.executor.cores",
          "spark.executor.memory",
          "spark.rapids.memory.pinnedPool.size",
          "spark.kryo.registrator",
          "spark.serializer",
          "spark.shuffle.manager",
          "spark.rapids.shuffle.mode");

  private final ClusterSpec cluster;
  private final WorkloadSpec workload;
  private final PlanSpec spec;
  private final TuningSpec tuning;
  private final NodeSpec node;
  private final List<ConfigValue> values = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Set<String> planned = new HashSet<>();

  Planner(ClusterSpec cluster, WorkloadSpec workload, PlanSpec spec) {
    this.cluster = cluster;
    this.workload = workload;
    this.spec = spec;
    this.tuning = spec.tuning();
    this.node = cluster.node();
  }

  /** What one sizing pass found for the executors of a node. */
  private record Sizing(
      int executorsPerNode,
      int executorCores,
      long heap,
      long overhead,
      long pinned,
      long spill,
      int concurrentGpuTasks,
      int idleCores,
      long idleMemory) {}

  OptimizationResult plan() {
    ExecutionMode mode = resolveMode();
    boolean gpu = mode == ExecutionMode.GPU;
    if (!gpu && kept("spark.rapids.shuffle.mode").isPresent()) {
      throw new DgxSparkException(
          "kept spark.rapids.shuffle.mode needs the RAPIDS Accelerator, but the config is for mode cpu;"
              + " expected mode gpu, or no spark.rapids.shuffle.mode to keep");
    }
    boolean local = cluster.manager() == ClusterManager.LOCAL;
    boolean python = workload.language() == Language.PYTHON;
    double overheadFactor = python ? PYTHON_OVERHEAD_FACTOR : JVM_OVERHEAD_FACTOR;

    // Local mode is one JVM with no cluster daemons beside it: holding a core back only idles a
    // task thread (measured by the harness: local[1] on 2 cores made ETL 1.12x slower than
    // local[*]), so only cluster nodes keep cores for the OS and daemons.
    int reservedCores =
        local ? 0 : Math.max(1, (int) (node.logicalCores() * tuning.reservedCoresFraction()));
    long reservedMemory =
        Math.max(
            tuning.minReservedMemoryBytes(),
            ByteSizes.floorTo((long) (node.memoryBytes() * tuning.reservedMemoryFraction()), MIB));

    // GPU memory pool taken out of host memory on unified-memory nodes
    double allocFraction = 1.0;
    long gpuHostMemory = 0;
    if (gpu && node.unifiedMemory()) {
      allocFraction = tuning.unifiedGpuAllocFraction();
      gpuHostMemory = (long) (node.memoryBytes() * allocFraction);
    }

    int driverCores = local ? 0 : driverCores();
    long driverHeap = local ? 0 : driverHeap();
    long driverOverhead = local ? 0 : overheadFor(driverHeap, overheadFactor);
    long driverFootprint = driverHeap + driverOverhead;

    int nodeCores = node.logicalCores() - reservedCores;
    long nodeMemory = node.memoryBytes() - reservedMemory - gpuHostMemory;
    DriverPlacement placement;
    Sizing s;
    if (local) {
      placement = DriverPlacement.IN_PROCESS;
      s = size(gpu, true, nodeCores, nodeMemory, overheadFactor, gpuHostMemory);
    } else if (cluster.nodeCount() > 1 && spec.deployMode() == DeployMode.CLIENT) {
      placement = DriverPlacement.SUBMITTING_HOST;
      s = size(gpu, false, nodeCores, nodeMemory, overheadFactor, gpuHostMemory);
    } else {
      // the driver runs on a worker: in what the executors leave if it fits, else held back
      s = size(gpu, false, nodeCores, nodeMemory, overheadFactor, gpuHostMemory);
      if (s.idleCores() >= driverCores && s.idleMemory() >= driverFootprint) {
        placement = DriverPlacement.NODE_LEFTOVER;
      } else {
        placement = DriverPlacement.RESERVED_PER_NODE;
        s =
            size(
                gpu,
                false,
                nodeCores - driverCores,
                nodeMemory - driverFootprint,
                overheadFactor,
                gpuHostMemory);
      }
    }

    int totalExecutors = s.executorsPerNode() * cluster.nodeCount();
    int taskSlots = totalExecutors * s.executorCores();
    ExecutorLayout layout =
        new ExecutorLayout(
            s.executorsPerNode(),
            totalExecutors,
            s.executorCores(),
            s.heap(),
            s.overhead(),
            0,
            0,
            s.pinned(),
            s.spill(),
            gpuHostMemory,
            local ? s.heap() : driverHeap,
            local ? s.overhead() : driverOverhead,
            local ? s.executorCores() : driverCores,
            placement,
            reservedCores,
            reservedMemory,
            s.idleCores(),
            s.idleMemory(),
            taskSlots);

    emitResources(layout, local, python, overheadFactor);
    emitShuffle(layout, gpu);
    emitSerializerAndAqe(gpu);
    if (gpu) {
      emitGpu(layout, local, s.concurrentGpuTasks(), allocFraction);
      if (workload.type() == WorkloadType.ML_TRAINING) {
        notes.add(ML_ON_GPU);
      }
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
    // every byte of the node, in the reason of the key that sizes the heap
    int heapKey = indexOf(local ? "spark.driver.memory" : "spark.executor.memory");
    ConfigValue heapValue = values.get(heapKey);
    values.set(
        heapKey,
        new ConfigValue(
            heapValue.key(),
            heapValue.value(),
            heapValue.reason() + " " + memoryBudget(layout),
            heapValue.source()));
    if (cluster.manager() == ClusterManager.YARN
        && placement == DriverPlacement.SUBMITTING_HOST
        && s.idleMemory() < YARN_AM_CONTAINER_BYTES) {
      notes.add(
          fill(
              "In client mode YARN still starts an ApplicationMaster container (spark.yarn.am.memory 512m +"
                  + " 384m overhead, 1 core) on one node, where the executors leave only %s: let that"
                  + " node's yarn.nodemanager.resource.memory-mb hold 896 MiB beyond its executors (from"
                  + " the OS reserve), or expect one executor fewer.",
              ByteSizes.human(s.idleMemory())));
    }
    applyKeeps();
    return new OptimizationResult(values, layout, mode, notes);
  }

  // whether the same job plans in local mode on one such node (no OS reserve, no separate driver)
  private boolean fitsLocalMode() {
    try {
      new Planner(ClusterSpec.single(node, ClusterManager.LOCAL), workload, spec).plan();
      return true;
    } catch (DgxSparkException e) {
      return false;
    }
  }

  /**
   * Sizes the executors of one node from the cores and memory they may use.
   *
   * @param cores cores left after the OS reserve (and the driver when it is held back)
   * @param memory memory left after the OS reserve, the unified GPU pool (and the driver)
   */
  private Sizing size(
      boolean gpu, boolean local, int cores, long memory, double factor, long gpuHostMemory) {
    OptionalInt keptCores = keptInt("spark.executor.cores");
    OptionalLong keptHeap = keptBytes("spark.executor.memory");
    if (cores < 1 || memory < MIN_HEAP_BYTES + MIN_OVERHEAD_BYTES) {
      throw new DgxSparkException(
          fill(
              "node with %d logical cores and %s of memory is too small: after the OS%s it leaves %d"
                  + " core(s) and %s; expected at least 1 core and %s for one executor%s",
              node.logicalCores(),
              ByteSizes.human(node.memoryBytes()),
              local ? "" : " reserve and the driver",
              Math.max(0, cores),
              ByteSizes.human(Math.max(0, memory)),
              ByteSizes.human(MIN_HEAP_BYTES + MIN_OVERHEAD_BYTES),
              !local && fitsLocalMode()
                  ? ", or cluster manager local (--cluster-manager local, clusterManager in MCP): one JVM fits this machine"
                  : ""));
    }
    if (gpu) {
      return sizeGpu(local, cores, memory, factor, gpuHostMemory, keptCores, keptHeap);
    }
    int executorCores =
        keptCores.orElse(local ? cores : Math.min(tuning.cpuCoresPerExecutor(), cores));
    int executorsPerNode = local ? 1 : Math.max(1, cores / executorCores);
    long memoryBound = memory / MIN_CPU_EXECUTOR_BYTES;
    if (!local && memoryBound < executorsPerNode) {
      executorsPerNode = (int) Math.max(1, memoryBound);
    }
    if (!local && node.numaNodes() > 1 && executorsPerNode > node.numaNodes()) {
      executorsPerNode -= executorsPerNode % node.numaNodes();
    }
    long perExecutor = memory / executorsPerNode;
    long cap = local ? LOCAL_HEAP_CAP_BYTES : tuning.maxHeapBytes();
    long heap;
    if (keptHeap.isPresent()) {
      heap = keptHeap.getAsLong();
    } else {
      heap = (long) (perExecutor / (1 + factor));
      if (heap * factor < MIN_OVERHEAD_BYTES) {
        heap = perExecutor - MIN_OVERHEAD_BYTES;
      }
      heap = roundHeap(Math.min(heap, cap));
      if (heap > tuning.maxHeapBytes() && heap < NO_OOPS_MIN_HEAP_BYTES) {
        heap = tuning.maxHeapBytes();
      }
      if (heap < MIN_HEAP_BYTES) {
        throw tooLittleMemory(executorsPerNode, perExecutor);
      }
      while (heap + overheadFor(heap, factor) > perExecutor && heap > MIN_HEAP_BYTES) {
        heap = roundHeap(heap - 64 * MIB);
      }
    }
    long overhead = overheadFor(heap, factor);
    int usedCores = executorsPerNode * executorCores;
    if (usedCores > cores) {
      notes.add(
          fill(
              "The kept %d cores per executor leave room for %d executor(s) of %d usable cores per node"
                  + " only by oversubscribing: %d cores are asked for.",
              executorCores, executorsPerNode, cores, usedCores));
    }
    return new Sizing(
        executorsPerNode,
        executorCores,
        heap,
        overhead,
        0,
        0,
        0,
        Math.max(0, cores - usedCores),
        Math.max(0, memory - executorsPerNode * (heap + overhead)));
  }

  private Sizing sizeGpu(
      boolean local,
      int cores,
      long memory,
      double factor,
      long gpuHostMemory,
      OptionalInt keptCores,
      OptionalLong keptHeap) {
    int executorsPerNode = local ? 1 : node.gpuCount();
    if (cores < executorsPerNode) {
      throw new DgxSparkException(
          fill(
              "node has %d usable cores for %d GPUs; expected at least one core per GPU executor (one executor"
                  + " per GPU), or mode cpu",
              cores, executorsPerNode));
    }
    int executorCores = keptCores.orElse(cores / executorsPerNode);
    long gpuMemory = node.unifiedMemory() ? gpuHostMemory : node.minGpuMemoryBytes();
    int concurrent =
        (int)
            Math.max(
                1,
                Math.min(
                    Math.min(tuning.maxConcurrentGpuTasks(), executorCores),
                    gpuMemory / tuning.gpuMemoryPerTaskBytes()));
    long perExecutor = memory / executorsPerNode;
    long heap;
    if (keptHeap.isPresent()) {
      heap = keptHeap.getAsLong();
    } else {
      long pools = Math.min(MIN_POOLS_BYTES, perExecutor / 4);
      heap =
          Math.min(
              Math.min(tuning.gpuHeapPerCoreBytes() * executorCores, tuning.maxHeapBytes()),
              (long) ((perExecutor - pools) / (1 + factor)));
      heap = roundHeap(heap);
      while (heap > MIN_HEAP_BYTES && heap + overheadFor(heap, factor) > perExecutor) {
        heap = roundHeap(heap - 64 * MIB);
      }
      if (heap < MIN_HEAP_BYTES || heap + overheadFor(heap, factor) > perExecutor) {
        throw tooLittleMemory(executorsPerNode, perExecutor);
      }
    }
    long other = overheadFor(heap, factor);
    long left = perExecutor - heap - other;
    long pinnedCap =
        node.unifiedMemory() ? tuning.unifiedMaxPinnedPoolBytes() : tuning.maxPinnedPoolBytes();
    long pinned =
        keptBytes("spark.rapids.memory.pinnedPool.size")
            .orElse(ByteSizes.floorTo(Math.min(pinnedCap, Math.max(0, left) / 2), MIB));
    // a spill store that can hold what the GPU holds; on unified memory it is the GPU pool's own
    // DRAM, so it stays at the pinned pool's size (the AutoTuner's implicit spill = pinned)
    long spillCap = node.unifiedMemory() ? pinned : Math.max(pinned, gpuMemory);
    long spill = ByteSizes.floorTo(Math.min(Math.max(0, left - pinned), spillCap), MIB);
    if (left < pinned) {
      notes.add(
          fill(
              "The kept values leave %s per executor for the pinned pool and host spill store after a %s"
                  + " heap and %s of other overhead: the executors ask for more than the node has.",
              ByteSizes.human(Math.max(0, left)), ByteSizes.human(heap), ByteSizes.human(other)));
    }
    long overhead = other + pinned + spill;
    int usedCores = executorsPerNode * executorCores;
    if (usedCores > cores) {
      notes.add(
          fill(
              "The kept %d cores per executor × %d GPU executors ask for %d cores where the node has %d"
                  + " after its reserve: the executors oversubscribe the CPUs.",
              executorCores, executorsPerNode, usedCores, cores));
    }
    return new Sizing(
        executorsPerNode,
        executorCores,
        heap,
        overhead,
        pinned,
        spill,
        concurrent,
        Math.max(0, cores - usedCores),
        Math.max(0, memory - executorsPerNode * (heap + overhead)));
  }

  private ExecutionMode resolveMode() {
    ExecutionMode requested = workload.mode();
    int gpus = node.gpuCount();
    boolean supported = RapidsAccelerator.supports(spec.sparkVersion());
    if (requested == ExecutionMode.GPU) {
      if (gpus == 0) {
        throw new DgxSparkException(
            "mode gpu needs GPUs but the node has 0; expected mode cpu or auto, or a node with GPUs");
      }
      RapidsAccelerator.shuffleManagerClass(spec.sparkVersion()); // throws when unsupported
      return ExecutionMode.GPU;
    }
    if (requested == ExecutionMode.CPU) {
      return ExecutionMode.CPU;
    }
    if (gpus == 0) {
      notes.add("mode auto chose cpu: the node has no GPU.");
      return ExecutionMode.CPU;
    }
    if (!supported) {
      notes.add(
          fill(
              "mode auto chose cpu: RAPIDS Accelerator %s does not support Spark %s (it supports up to %s).",
              RapidsAccelerator.RELEASE,
              spec.sparkVersion(),
              RapidsAccelerator.NEWEST_SUPPORTED_SPARK));
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
                "mode auto chose gpu: %s %s, and the node has %d GPU(s).",
                workload.type().id(),
                workload.type() == WorkloadType.ML_TRAINING
                        || workload.type() == WorkloadType.ML_INFERENCE
                    ? "jobs prepare features with SQL/DataFrame operators the RAPIDS Accelerator runs on the GPU"
                    : "work is mostly SQL/DataFrame operators the RAPIDS Accelerator runs on the GPU",
                gpus));
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

  private Optional<String> kept(String key) {
    return Optional.ofNullable(spec.keep().get(key));
  }

  private OptionalInt keptInt(String key) {
    Optional<String> v = kept(key);
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    if (!v.get().matches("[1-9][0-9]{0,5}")) {
      throw new DgxSparkException(
          fill("kept %s is '%s'; expected a whole number of 1 or more", key, v.get()));
    }
    return OptionalInt.of(Integer.parseInt(v.get()));
  }

  private OptionalLong keptBytes(String key) {
    Optional<String> v = kept(key);
    return v.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ByteSizes.parseBytes(v.get()));
  }

  /** Where the driver runs, in words for the executor-count reason. */
  private String driverText(ExecutorLayout l) {
    switch (l.driverPlacement()) {
      case SUBMITTING_HOST:
        return "the driver runs on the submitting host (client deploy mode, spark-submit's default), so the"
            + " workers keep nothing for it";
      case NODE_LEFTOVER:
        return fill(
            "the driver (%d cores, %s) runs on one worker in what its executors leave over, counted once",
            l.driverCores(),
            ByteSizes.human(l.driverMemoryBytes() + l.driverMemoryOverheadBytes()));
      case RESERVED_PER_NODE:
        return cluster.nodeCount() == 1
            ? fill(
                "the driver (%d cores, %s) runs on this node and is held back before the executors are sized",
                l.driverCores(),
                ByteSizes.human(l.driverMemoryBytes() + l.driverMemoryOverheadBytes()))
            : fill(
                "cluster deploy mode starts the driver (%d cores, %s) on one worker; the executors leave too"
                    + " little on a node and are all alike, so every node holds its room",
                l.driverCores(),
                ByteSizes.human(l.driverMemoryBytes() + l.driverMemoryOverheadBytes()));
      default:
        return "the driver runs the tasks itself";
    }
  }

  /** Every byte of one node, as a sentence. */
  private String memoryBudget(ExecutorLayout l) {
    StringBuilder b = new StringBuilder();
    b.append(fill("Memory of each node (%s): ", ByteSizes.human(node.memoryBytes())));
    String one =
        l.pinnedPoolBytes() > 0 || l.hostSpillBytes() > 0
            ? fill(
                "heap %s + overhead %s (pinned pool %s + host spill store %s + other off-heap %s)",
                ByteSizes.human(l.executorMemoryBytes()),
                ByteSizes.human(l.memoryOverheadBytes()),
                ByteSizes.human(l.pinnedPoolBytes()),
                ByteSizes.human(l.hostSpillBytes()),
                ByteSizes.human(l.otherOverheadBytes()))
            : fill(
                "heap %s + overhead %s",
                ByteSizes.human(l.executorMemoryBytes()), ByteSizes.human(l.memoryOverheadBytes()));
    if (l.driverPlacement() == DriverPlacement.IN_PROCESS) {
      b.append("the local JVM's ").append(one);
    } else {
      b.append(l.executorsPerNode()).append(" executor(s) × (").append(one).append(')');
    }
    if (l.driverMemoryPerNodeBytes() > 0) {
      b.append(fill(" + driver %s", ByteSizes.human(l.driverMemoryPerNodeBytes())));
    }
    if (l.gpuHostMemoryBytes() > 0) {
      b.append(fill(" + GPU pool in unified memory %s", ByteSizes.human(l.gpuHostMemoryBytes())));
    }
    b.append(
        fill(
            " + OS and daemons %s + idle %s, left to the OS page cache",
            ByteSizes.human(l.reservedMemoryBytes()), ByteSizes.human(l.idleMemoryBytes())));
    if (l.driverPlacement() == DriverPlacement.NODE_LEFTOVER) {
      b.append(
          fill(
              " (on the driver's node %s of it holds the driver)",
              ByteSizes.human(l.driverMemoryBytes() + l.driverMemoryOverheadBytes())));
    }
    b.append('.');
    return b.toString();
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
    boolean gpu = l.pinnedPoolBytes() > 0 || l.hostSpillBytes() > 0;
    add(
        "spark.executor.cores",
        Integer.toString(l.executorCores()),
        gpu
            ? fill(
                "%d task cores per GPU executor: every core of the node but the OS reserve%s is shared among its"
                    + " %d GPU executor(s), so CPU tasks keep the GPU fed while others do I/O (AutoTuner:"
                    + " ceil(node cores ÷ GPUs)).",
                l.executorCores(),
                l.driverCoresPerNode() > 0 ? " and the driver" : "",
                l.executorsPerNode())
            : fill(
                "%d cores per executor: more concurrent tasks per JVM hurt I/O throughput, fewer lose the sharing"
                    + " of broadcasts and JVM overhead.",
                l.executorCores()),
        gpu ? Sources.AUTOTUNER_RULES : Sources.CLOUDERA);
    add(
        "spark.executor.instances",
        Integer.toString(l.totalExecutors()),
        fill(
            "%d executor(s) per node × %d node(s): %s; per node %d core(s) stay with the OS%s; %s.",
            l.executorsPerNode(),
            cluster.nodeCount(),
            gpu
                ? "one executor per GPU, the only layout the RAPIDS Accelerator supports"
                : "the node's usable cores divided by the cores per executor",
            l.reservedCores(),
            l.idleCores() > 0
                ? fill(" and %d are left over by equal executors", l.idleCores())
                : "",
            driverText(l)),
        gpu ? Sources.RAPIDS_TUNING : Sources.CLOUDERA);
    boolean capped = l.executorMemoryBytes() == tuning.maxHeapBytes();
    add(
        "spark.executor.memory",
        ByteSizes.format(l.executorMemoryBytes()),
        gpu
            ? fill(
                "Heap by need: %s per task core (AutoTuner HEAP_PER_CORE)%s; the GPU holds the data, the heap"
                    + " holds task state, and the rest of the node goes to the pinned pool and spill store.",
                ByteSizes.human(tuning.gpuHeapPerCoreBytes()),
                capped
                    ? ", capped at "
                        + ByteSizes.human(l.executorMemoryBytes())
                        + " to keep compressed object pointers"
                    : "")
            : fill(
                "The node's memory after the OS%s, split between %d executors with overhead taken off%s.",
                l.driverMemoryPerNodeBytes() > 0 ? " and driver" : "",
                l.executorsPerNode(),
                capped
                    ? ", capped at "
                        + ByteSizes.human(l.executorMemoryBytes())
                        + " to keep compressed object pointers (the rest serves the page cache)"
                    : ""),
        capped ? Sources.JVM_OOPS : gpu ? Sources.AUTOTUNER_RULES : Sources.SPARK_TUNING);
    add(
        "spark.executor.memoryOverhead",
        ByteSizes.format(l.memoryOverheadBytes()),
        gpu
            ? fill(
                "Pinned pool %s + host spill store %s + other off-heap %s (max(384 MiB, %s of the heap)) for"
                    + " native cuDF and JVM buffers; Spark would derive only max(384 MiB, factor × heap).",
                ByteSizes.human(l.pinnedPoolBytes()),
                ByteSizes.human(l.hostSpillBytes()),
                ByteSizes.human(l.otherOverheadBytes()),
                python ? "40 %" : "10 %")
            : fill(
                "max(384 MiB, factor × heap) with factor %s, set explicitly so every cluster manager reserves"
                    + " the same.",
                factorText),
        gpu ? Sources.AUTOTUNER_MEMORY : Sources.SPARK_CONFIG);
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
    if (workload.type() == WorkloadType.STREAMING) {
      emitStreaming(slots);
    } else {
      emitShufflePartitions(slots, target, gpu);
    }
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
    String serializer = kept("spark.serializer").orElse(KRYO);
    boolean kryo = serializer.contains(KRYO);
    planned.add("spark.serializer");
    add(
        "spark.serializer",
        serializer,
        kryo
            ? "Kryo is faster and more compact than Java serialization for shuffled and cached RDD data."
            : "Kept as given (--keep); Kryo settings are left out because Kryo is not used.",
        Sources.SPARK_TUNING);
    if (kryo) {
      boolean big =
          workload.type() == WorkloadType.ML_TRAINING || workload.type() == WorkloadType.GRAPH;
      long buffer = big ? GIB : gpu ? GPU_KRYO_BUFFER_BYTES : 256 * MIB;
      add(
          "spark.kryoserializer.buffer.max",
          ByteSizes.format(buffer),
          big
              ? "Model vectors and graph partitions serialize to large objects; 1 GiB stays below Spark's 2048m"
                  + " limit."
              : gpu
                  ? "At least 512m with the RAPIDS Accelerator, whose serialized batches are large (AutoTuner);"
                      + " far below Spark's 2048m limit."
                  : "Room for large records (default 64m) while staying far below Spark's 2048m limit.",
          gpu ? Sources.RAPIDS_KRYO : Sources.SPARK_CONFIG);
      if (gpu) {
        Optional<String> own = kept("spark.kryo.registrator");
        boolean has =
            own.map(r -> List.of(r.split(",")).contains(GPU_KRYO_REGISTRATOR)).orElse(false);
        planned.add("spark.kryo.registrator");
        add(
            "spark.kryo.registrator",
            own.map(r -> has ? r : r + "," + GPU_KRYO_REGISTRATOR).orElse(GPU_KRYO_REGISTRATOR),
            own.isPresent()
                ? "The kept registrators with the RAPIDS Accelerator's GpuKryoRegistrator appended: Kryo must"
                    + " know the plugin's classes to serialize its broadcasts and cached batches."
                : "The RAPIDS Accelerator's registrator: with Kryo, Spark must know the plugin's classes to"
                    + " serialize its broadcasts and cached batches.",
            Sources.RAPIDS_KRYO);
      }
    }
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
      add(
          "spark.sql.adaptive.coalescePartitions.minPartitionSize",
          "4m",
          "GPU tasks cost more to start than CPU tasks, so coalesced partitions stay at least 4 MiB (Spark's"
              + " default 1m; AutoTuner AQE_MIN_PARTITION_SIZE).",
          Sources.AUTOTUNER);
    }
    add(
        "spark.sql.adaptive.skewJoin.enabled",
        "true",
        "Splits skewed join partitions so one hot key does not hold back the stage.",
        Sources.SPARK_CONFIG);
  }

  // streaming: no AQE, and the checkpoint freezes the partition count and the state store
  /**
   * Shuffle partitions of a batch workload: from the input size, else Spark's or a slot default.
   */
  private void emitShufflePartitions(int slots, long target, boolean gpu) {
    String value;
    String reason;
    if (workload.inputBytes().isPresent()) {
      int floor = gpu ? slots : 2 * slots;
      long input = workload.inputBytes().getAsLong();
      long bySize = (input + target - 1) / target;
      long partitions = Math.max(floor, bySize);
      // round up to whole waves of the cluster's task slots
      partitions = Math.min(Integer.MAX_VALUE / 2, (partitions + slots - 1) / slots * slots);
      value = Long.toString(partitions);
      reason =
          fill(
              "%s of input in partitions of about %s, at least %s, rounded up to whole waves of the %d task"
                  + " slots; AQE coalesces small ones.",
              ByteSizes.human(input),
              ByteSizes.format(target),
              gpu ? "one per task slot" : "two per task slot (2–3 tasks per core)",
              slots);
    } else if (gpu) {
      value = Integer.toString(Math.max(DEFAULT_SHUFFLE_PARTITIONS, slots));
      reason =
          fill(
              "Input size unknown: Spark's default 200 (also the AutoTuner's), or one per task slot when the"
                  + " %d slots are more; AQE can only merge partitions, never split them, so a low start"
                  + " cannot be fixed at run time.",
              slots);
    } else {
      value = Integer.toString(2 * slots);
      reason =
          fill(
              "Input size unknown: two partitions per task slot (2–3 tasks per core) for the %d slots; AQE"
                  + " coalesces small ones.",
              slots);
    }
    add(
        "spark.sql.shuffle.partitions",
        value,
        reason,
        gpu ? Sources.AUTOTUNER_RULES : Sources.SPARK_TUNING);
  }

  private void emitStreaming(int slots) {
    add(
        "spark.sql.shuffle.partitions",
        Integer.toString(slots),
        fill(
            "Streaming: one partition per task slot (%d), so each micro-batch shuffles in one wave. Not sized"
                + " from the input and not left to AQE: Spark turns AQE off for streaming queries, and for a"
                + " stateful query the checkpoint fixes this count as its number of state partitions for"
                + " good (a restart from the same checkpoint keeps it), so set it for the largest cluster the"
                + " query will run on before its first start.",
            slots),
        Sources.SPARK_STREAMING);
    Optional<String> rocksDb = SparkSemantics.rocksDbStateStoreProvider(spec.sparkVersion());
    if (rocksDb.isPresent()) {
      add(
          "spark.sql.streaming.stateStore.providerClass",
          rocksDb.get(),
          "RocksDB keeps state off the JVM heap, on local disk with a memory cache; the default HDFS-backed"
              + " provider keeps state versions in executor memory, so large state means long GC pauses."
              + " Only stateful queries use it, and the checkpoint records it: choose it before the first"
              + " start.",
          Sources.SPARK_STREAMING);
    } else {
      notes.add(
          fill(
              "Spark %s has no RocksDB state store (it came in Spark 3.2.0): state stays in executor memory"
                  + " (HDFS-backed provider), so size the heap for the state.",
              spec.sparkVersion()));
    }
    notes.add(
        "Streaming: set the trigger interval (Trigger.ProcessingTime) no shorter than a micro-batch takes; a"
            + " batch that overruns its interval starts the next at once, and the query falls behind. Compare"
            + " durationMs.triggerExecution in StreamingQueryProgress with the interval (Structured Streaming"
            + " guide, Triggers).");
  }

  private void emitGpu(
      ExecutorLayout l, boolean local, int concurrentGpuTasks, double allocFraction) {
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
            "min(%d, GPU memory %s ÷ %s per task): tasks sharing the GPU at once. From plugin 25.06 on this is"
                + " the starting point of the plugin's own adjustment (concurrentGpuTasks.dynamic, on by"
                + " default), set here so the start follows this GPU instead of a T4-era estimate.",
            tuning.maxConcurrentGpuTasks(),
            ByteSizes.human(gpuMemory),
            ByteSizes.human(tuning.gpuMemoryPerTaskBytes())),
        Sources.AUTOTUNER_RULES);
    add(
        "spark.rapids.memory.pinnedPool.size",
        ByteSizes.format(l.pinnedPoolBytes()),
        node.unifiedMemory()
            ? fill(
                "Pinned host memory speeds CPU↔GPU copies; at most %s because on unified memory it is the same"
                    + " DRAM as everything else.",
                ByteSizes.human(tuning.unifiedMaxPinnedPoolBytes()))
            : fill(
                "Pinned host memory speeds CPU↔GPU copies and spills: half of what the heap and other overhead"
                    + " leave, at most %s per executor (AutoTuner: min(8g, left ÷ 2)); inside the overhead.",
                ByteSizes.human(tuning.maxPinnedPoolBytes())),
        Sources.AUTOTUNER_MEMORY);
    add(
        "spark.rapids.memory.host.spillStorageSize",
        ByteSizes.format(l.hostSpillBytes()),
        node.unifiedMemory()
            ? "Host memory for GPU data spilled before it goes to disk; on unified memory it is the GPU"
                + " pool's own DRAM, so it is kept at the pinned pool's size; inside the overhead."
            : fill(
                "Host memory for GPU data spilled before it goes to disk: the rest of the executor's share, up"
                    + " to the GPU's own %s (enough to hold everything the GPU can spill); inside the"
                    + " overhead.",
                ByteSizes.human(gpuMemory)),
        Sources.RAPIDS_SHUFFLE);
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
        "spark.rapids.sql.batchSizeBytes",
        "1g",
        "1 GiB GPU batches: with no GPU event log to show the memory to spare, the AutoTuner's own"
            + " Qualification value (its Profiling value 2147483647 needs GPU-run evidence); the plugin"
            + " caps it below 2 GiB.",
        Sources.AUTOTUNER);
    emitRapidsShuffle(l);
    int c = l.executorCores();
    add(
        "spark.rapids.sql.multiThreadedRead.numThreads",
        Integer.toString(c < 4 ? Math.max(20, c) : Math.min(1000, Math.max(20, 2 * c))),
        fill(
            "Reader threads per executor for many-file and remote input: %s (AutoTuner on-prem rule).",
            c < 4 ? "max(20, cores)" : "2 × cores, from 20 to 1000"),
        Sources.AUTOTUNER_RULES);
    add(
        "spark.locality.wait",
        "0s",
        "GPU tasks are short; waiting for a data-local slot costs more than reading over a fast network.",
        Sources.RAPIDS_TUNING);
    notes.add(
        fill(
            "Put the RAPIDS Accelerator %s jar on the driver and executor class path"
                + " (spark.driver.extraClassPath and spark.executor.extraClassPath; its shuffle manager is"
                + " loaded before --jars are): %s; %s.",
            RapidsAccelerator.RELEASE,
            spec.sparkVersion().major() >= 4
                ? "rapids-4-spark_2.13: Spark 4 is built for Scala 2.13"
                : spec.sparkVersion().minor() >= 5
                    ? "rapids-4-spark_2.12, or _2.13 for a Scala 2.13 build of Spark 3.5"
                    : "rapids-4-spark_2.12: Spark 3.3 and 3.4 are built for Scala 2.12",
            RapidsAccelerator.cudaBuilds(node.gpus())));
    if (node.unifiedMemory()) {
      notes.add(
          "This node's GPU shares system memory (unified memory): nvidia-smi reports no GPU memory, so the GPU"
              + " pool is planned as a share of system memory.");
    }
  }

  /**
   * The RAPIDS shuffle: the mode, the shim's manager class for the target Spark version (without it
   * the mode does nothing) and the thread pools.
   */
  private void emitRapidsShuffle(ExecutorLayout l) {
    planned.add("spark.shuffle.manager");
    planned.add("spark.rapids.shuffle.mode");
    Optional<String> manager = kept("spark.shuffle.manager");
    if (manager.isPresent() && !manager.get().endsWith(".RapidsShuffleManager")) {
      add(
          "spark.shuffle.manager",
          manager.get(),
          "Kept as given (--keep); the RAPIDS shuffle needs its own manager, so spark.rapids.shuffle.mode is"
              + " left out and Spark's shuffle runs on the CPU.",
          Sources.RAPIDS_SHUFFLE);
      notes.add(
          fill(
              "The kept spark.shuffle.manager=%s turns the RAPIDS shuffle off: GPU data goes through Spark's"
                  + " shuffle.",
              manager.get()));
      return;
    }
    String mode = kept("spark.rapids.shuffle.mode").orElse("MULTITHREADED");
    add(
        "spark.rapids.shuffle.mode",
        mode,
        kept("spark.rapids.shuffle.mode").isPresent()
            ? "Kept as given (--keep)."
            : cluster.nodeCount() > 1 && cluster.interconnectBytesPerSecond() > 0
                ? "Thread-pool shuffle works everywhere; UCX mode can use the RDMA fabric but needs UCX installed on"
                    + " every node."
                : "Thread-pool shuffle, the plugin's default; UCX only pays off across an RDMA fabric.",
        Sources.RAPIDS_SHUFFLE);
    String cls = RapidsAccelerator.shuffleManagerClass(spec.sparkVersion());
    if (manager.isPresent() && !manager.get().equals(cls)) {
      notes.add(
          fill(
              "The kept spark.shuffle.manager=%s is not the class of the Spark %s shim (%s): Spark will not"
                  + " start with another shim's shuffle manager.",
              manager.get(), spec.sparkVersion(), cls));
    }
    add(
        "spark.shuffle.manager",
        manager.orElse(cls),
        manager.isPresent()
            ? fill(
                "Kept as given (--keep); for Spark %s the plugin's class is %s.",
                spec.sparkVersion(), cls)
            : fill(
                "The RAPIDS shuffle manager of the Spark %s shim: without it spark.rapids.shuffle.mode has no"
                    + " effect (pass --spark-version for another Spark).",
                spec.sparkVersion()),
        RapidsAccelerator.SOURCE);
    if (mode.equals("MULTITHREADED") && l.executorCores() >= 4) {
      int c = l.executorCores();
      String threads = Integer.toString(c < 16 ? 20 : (int) (1.5 * c));
      String rule = c < 16 ? "20 below 16 cores" : "1.5 × cores from 16 cores";
      for (String side : List.of("reader", "writer")) {
        add(
            "spark.rapids.shuffle.multiThreaded." + side + ".threads",
            threads,
            fill(
                "Shuffle %s threads per executor: %s (AutoTuner on-prem rule; the plugin's default is 20).",
                side, rule),
            Sources.AUTOTUNER_RULES);
      }
    }
  }

  /**
   * Puts the kept properties in: values the planner built from them stay, others replace the
   * recommendation (saying what it would have been) or are added.
   */
  private void applyKeeps() {
    for (Map.Entry<String, String> e : spec.keep().entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      int at = indexOf(key);
      if (PLANNED_KEEPS.contains(key) && at >= 0 && planned.contains(key)) {
        continue;
      }
      if (at < 0) {
        add(key, value, "Kept as given (--keep); not one the optimizer sets.", null);
        continue;
      }
      ConfigValue ours = values.get(at);
      String reason =
          ours.value().equals(value)
              ? "Kept as given (--keep), the same as recommended: " + ours.reason()
              : PLANNED_KEEPS.contains(key)
                  ? "Kept as given (--keep); the rest of the config is planned around it: "
                      + ours.reason()
                  : fill(
                      "Kept as given (--keep); recommended was %s: %s",
                      ours.value(), ours.reason());
      values.set(at, new ConfigValue(key, value, reason, ours.source()));
    }
  }

  private int indexOf(String key) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
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
