package io.github.dgxspark.models.estimate;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.Language;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceModels;
import io.github.dgxspark.models.perf.PerformanceRun;
import io.github.dgxspark.models.workload.GpuGeneration;
import io.github.dgxspark.models.workload.GpuSuitabilityReport;
import io.github.dgxspark.models.workload.IntensityResult;
import io.github.dgxspark.models.workload.Qualification;
import io.github.dgxspark.models.workload.WorkloadAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Resource, execution-time and cost estimates for a described or logged job on a given cluster.
 *
 * <p>Time comes from CPU time per input byte measured in the job's own event log when there is one;
 * otherwise from the measured throughput (wall time per input byte per core) of the matching runs
 * of the performance history ({@code data/performance-history.json}: same workload type, CPU or GPU
 * alike); otherwise from the class prior of {@code data/models/workload-priors.json} with its
 * range, flagged {@code fallback}. Cost multiplies the time interval by the nodes' maximum power
 * and the electricity price (on-prem) or by the hourly price of comparable GPU instances (cloud).
 *
 * <pre>{@code
 * EstimateReport r = Estimators.estimate(JobSpec.describe("join 10 TB of logs, write parquet"),
 *     cluster, CostSpec.defaults());
 * }</pre>
 */
public final class Estimators {
  /** Input bytes per task: Spark's default {@code spark.sql.files.maxPartitionBytes} (128 MiB). */
  static final long PARTITION_BYTES =
      SparkSemantics.sizeBytes(
          "spark.sql.files.maxPartitionBytes",
          SparkSemantics.defaultValue("spark.sql.files.maxPartitionBytes", SparkVersion.NEWEST)
              .orElseThrow());

  /** Executor heap per core: the RAPIDS AutoTuner default of 2 GiB. */
  static final long HEAP_PER_CORE_BYTES = 2 * ByteSizes.GIB;

  /** Deserialised in-memory size per byte of cached input (Spark Tuning Guide: 2-5x). */
  static final double CACHE_EXPANSION = 2;

  /** GPU memory per parameter to train with mixed precision and Adam (ZeRO paper: 16 bytes). */
  static final long TRAINING_BYTES_PER_PARAMETER = 16;

  /** GPU memory per parameter to serve fp16 weights. */
  static final long INFERENCE_BYTES_PER_PARAMETER = 2;

  /** Share of a node's memory Spark executors may use (the rest: OS, daemons, overhead). */
  static final double USABLE_MEMORY_FRACTION = 0.9;

  /** Input size range assumed when a description gives none: 10 GiB to 10 TiB. */
  static final long VAGUE_LOW_BYTES = 10 * ByteSizes.GIB;

  static final long VAGUE_HIGH_BYTES = 10 * ByteSizes.TIB;

  /** Intended coverage of the prior ranges. */
  static final double PRIOR_LEVEL = 0.8;

  /**
   * Input below which a history run times start-up rather than throughput and is not used (1 MiB).
   */
  static final long MIN_HISTORY_INPUT_BYTES = ByteSizes.MIB;

  /** Relative half-width given to a time computed from a job's own log. */
  static final double MEASURED_SPREAD = 1.5;

  private Estimators() {}

  /**
   * Memory, cores, GPUs and nodes the job needs on the cluster's kind of node.
   *
   * @param job the job
   * @param cluster the cluster
   * @return the needs with one line of reasoning per figure
   */
  public static ResourceEstimate resources(JobSpec job, ClusterSpec cluster) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(cluster, "cluster");
    List<String> why = new ArrayList<>();
    long input = inputMiddle(job);
    if (job.inputBytes().isEmpty()) {
      why.add(
          String.format(
              Locale.ROOT,
              "no data size given: %s assumed (middle of %s-%s)",
              ByteSizes.human(input),
              ByteSizes.human(VAGUE_LOW_BYTES),
              ByteSizes.human(VAGUE_HIGH_BYTES)));
    }
    long partitions = Math.max(1, (input + PARTITION_BYTES - 1) / PARTITION_BYTES);
    int clusterCores = cluster.node().logicalCores() * cluster.nodeCount();
    int cores = (int) Math.min(partitions, clusterCores);
    why.add(
        String.format(
            Locale.ROOT,
            "cores: %s in %,d partitions of 128 MiB (spark.sql.files.maxPartitionBytes) -> %d cores"
                + " (the cluster has %d)",
            ByteSizes.human(input),
            partitions,
            cores,
            clusterCores));
    long memory = cores * HEAP_PER_CORE_BYTES;
    String memoryWhy =
        String.format(Locale.ROOT, "memory: 2 GiB per core (RAPIDS AutoTuner default) x %d", cores);
    if (job.type() == WorkloadType.ML_TRAINING || job.type() == WorkloadType.GRAPH) {
      long cache = (long) (input * CACHE_EXPANSION);
      memory += cache;
      memoryWhy +=
          String.format(
              Locale.ROOT,
              " + %s to cache the input deserialised (2x, Spark Tuning Guide) for an iterative job",
              ByteSizes.human(cache));
    }
    why.add(memoryWhy + " = " + ByteSizes.human(memory));
    boolean gpu = useGpu(job, cluster);
    int gpus = 0;
    long gpuMemory = 0;
    long perGpu = cluster.node().minGpuMemoryBytes();
    if (job.modelParameters().isPresent()
        && (job.type() == WorkloadType.ML_TRAINING || job.type() == WorkloadType.ML_INFERENCE)) {
      long bytesPerParameter =
          job.type() == WorkloadType.ML_TRAINING
              ? TRAINING_BYTES_PER_PARAMETER
              : INFERENCE_BYTES_PER_PARAMETER;
      gpuMemory = job.modelParameters().getAsLong() * bytesPerParameter;
      gpus = perGpu > 0 ? (int) Math.max(1, (gpuMemory + perGpu - 1) / perGpu) : 0;
      why.add(
          String.format(
              Locale.ROOT,
              "GPU memory: %,d parameters x %d bytes (%s) = %s, activations extra -> %s",
              job.modelParameters().getAsLong(),
              bytesPerParameter,
              job.type() == WorkloadType.ML_TRAINING
                  ? "weights, gradients and Adam states in mixed precision, ZeRO paper"
                  : "fp16 weights",
              ByteSizes.human(gpuMemory),
              perGpu > 0
                  ? gpus + " GPU(s) of " + ByteSizes.human(perGpu)
                  : "the cluster has no GPU to hold it"));
    } else if (gpu) {
      gpus = (int) Math.min(partitions, cluster.totalGpus());
      gpuMemory = gpus * perGpu;
      why.add(
          String.format(
              Locale.ROOT,
              "GPUs: one executor per GPU (RAPIDS Accelerator), as many as there are partitions up"
                  + " to the cluster's %d -> %d",
              cluster.totalGpus(),
              gpus));
    }
    long usable = (long) (cluster.node().memoryBytes() * USABLE_MEMORY_FRACTION);
    int byMemory = (int) Math.max(1, (memory + usable - 1) / usable);
    int byCores = (cores + cluster.node().logicalCores() - 1) / cluster.node().logicalCores();
    int byGpus =
        cluster.node().gpuCount() > 0
            ? (gpus + cluster.node().gpuCount() - 1) / cluster.node().gpuCount()
            : (gpus > 0 ? Integer.MAX_VALUE : 0);
    int nodes = Math.max(byMemory, Math.max(byCores, byGpus));
    why.add(
        String.format(
            Locale.ROOT,
            "nodes: max of memory (%d at 90 %% of %s), cores (%d) and GPUs (%s) = %s; the cluster has %d",
            byMemory,
            ByteSizes.human(cluster.node().memoryBytes()),
            byCores,
            byGpus == Integer.MAX_VALUE ? "none on these nodes" : String.valueOf(byGpus),
            nodes == Integer.MAX_VALUE ? "not possible on these nodes" : String.valueOf(nodes),
            cluster.nodeCount()));
    return new ResourceEstimate(
        memory, cores, gpus, gpuMemory, nodes, nodes <= cluster.nodeCount(), why);
  }

  /**
   * Execution time on the cluster with an interval.
   *
   * @param job the job
   * @param cluster the cluster
   * @return the time, its interval and level; {@code fallback} when class priors were used
   */
  public static TimeEstimate time(JobSpec job, ClusterSpec cluster) {
    return time(job, cluster, PerformanceHistory.builtIn());
  }

  /**
   * Execution time on the cluster with an interval, from a given performance history: the job's own
   * log first, then the measured throughput of the history's matching runs (same workload type, CPU
   * or GPU alike, at least {@value #MIN_HISTORY_INPUT_BYTES} bytes read, runs with a config before
   * runs on Spark's defaults), then the class prior (flagged {@code fallback}).
   *
   * @param job the job
   * @param cluster the cluster
   * @param history measured runs
   * @return the time, its interval and level, and the number of history runs behind it
   * @throws ModelsException if the job asks for GPUs on a cluster without any
   */
  public static TimeEstimate time(JobSpec job, ClusterSpec cluster, PerformanceHistory history) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(history, "history");
    boolean gpu = useGpu(job, cluster);
    List<PerformanceRun> matching =
        job.measuredIntensity().isPresent() ? List.of() : matching(job, gpu, history);
    if (!matching.isEmpty()) {
      return fromHistory(job, cluster, matching);
    }
    IntensityResult intensity =
        job.measuredIntensity().orElseGet(() -> WorkloadAnalyzer.intensity(job.type()));
    boolean fallback = !intensity.measured();
    boolean vague = job.inputBytes().isEmpty();
    long inLow = job.inputBytes().orElse(VAGUE_LOW_BYTES);
    long inHigh = job.inputBytes().orElse(VAGUE_HIGH_BYTES);
    long inMid = inputMiddle(job);
    int clusterCores = cluster.node().logicalCores() * cluster.nodeCount();
    double nsLow = intensity.lowNanosPerInputByte();
    double nsHigh = intensity.highNanosPerInputByte();
    double nsMid = intensity.cpuNanosPerInputByte();
    if (!fallback) {
      nsLow = nsMid / MEASURED_SPREAD;
      nsHigh = nsMid * MEASURED_SPREAD;
    }
    double speedLow = 1;
    double speedHigh = 1;
    double speedMid = 1;
    String gpuNote = "CPU executors";
    if (gpu) {
      GpuSuitabilityReport s = WorkloadAnalyzer.gpuSuitability(job.type(), job.modelParameters());
      GpuGeneration g = generation(cluster);
      speedLow = s.speedupLow() * g.low();
      speedHigh = s.speedupHigh() * g.high();
      speedMid = Math.sqrt(s.speedupLow() * s.speedupHigh()) * g.expected();
      gpuNote =
          String.format(
              Locale.ROOT,
              "GPU speed-up %.2fx-%.2fx (%s) x the %s factor %.2f (%.2f-%.2f; %s)",
              s.speedupLow(),
              s.speedupHigh(),
              s.source(),
              g.gpu(),
              g.expected(),
              g.low(),
              g.high(),
              g.basis());
    }
    double low = seconds(inLow, nsLow, cores(inLow, clusterCores), speedHigh);
    double high = seconds(inHigh, nsHigh, cores(inHigh, clusterCores), speedLow);
    double mid = seconds(inMid, nsMid, cores(inMid, clusterCores), speedMid);
    mid = Math.min(Math.max(mid, low), high);
    String reason =
        String.format(
            Locale.ROOT,
            "%s input x %.1f ns of CPU per byte (range %.1f-%.1f, %s) over %d usable cores, %s%s",
            inputPhrase(job),
            nsMid,
            nsLow,
            nsHigh,
            fallback
                ? "generic class prior, no measured run of this workload: a fallback, not a measurement"
                : "measured in the job's own log, widened x1.5 each way for a different cluster",
            cores(inMid, clusterCores),
            gpuNote,
            uncertainty(job));
    return new TimeEstimate(
        duration(mid),
        duration(low),
        duration(high),
        PRIOR_LEVEL,
        fallback,
        vague,
        0,
        reason,
        intensity.source());
  }

  /** The reason's input phrase: the job's input size, or the assumed range when none is given. */
  private static String inputPhrase(JobSpec job) {
    return job.inputBytes().isEmpty()
        ? "no size given, so 10 GiB-10 TiB of"
        : ByteSizes.human(job.inputBytes().getAsLong()) + " of";
  }

  /** The reason's note on an uncertain workload class (confidence under 0.5), or empty. */
  private static String uncertainty(JobSpec job) {
    return job.typeConfidence() < 0.5
        ? String.format(
            Locale.ROOT, "; the workload class is uncertain (%.0f %%)", 100 * job.typeConfidence())
        : "";
  }

  /**
   * The history's runs that measure this job's kind of work: same workload type, GPU runs for a GPU
   * job and CPU runs for a CPU job, and enough input that throughput, not start-up, is timed. Runs
   * on Spark's defaults (an empty config) count only when no configured run matches: the estimate
   * is for a job run with a sized config such as the optimizer's, and the harness measured the
   * defaults up to 8x slower (streaming's 200 state partitions) or failing (GraphX out of memory).
   */
  static List<PerformanceRun> matching(JobSpec job, boolean gpu, PerformanceHistory history) {
    List<PerformanceRun> runs =
        history.runsOf(job.type().id()).stream()
            .filter(r -> r.inputBytes() >= MIN_HISTORY_INPUT_BYTES)
            .filter(r -> (r.gpusPerExecutor() > 0) == gpu)
            .toList();
    List<PerformanceRun> configured = runs.stream().filter(r -> r.config().size() > 0).toList();
    return configured.isEmpty() ? runs : configured;
  }

  /**
   * Wall-clock nanoseconds per input byte per busy core of a measured run: wall time x the cores
   * its input could keep busy (one per 128 MiB partition, at most the cores it really ran on, see
   * {@link PerformanceRun#coresUsed()}) / input bytes.
   */
  static double wallNanosPerByteCore(PerformanceRun r) {
    int cores = cores(r.inputBytes(), r.coresUsed());
    return r.wallTime().toNanos() * (double) cores / r.inputBytes();
  }

  /**
   * The runs nearest the job in input size: those within a factor of 2 of the nearest run's
   * distance (on a log scale), all runs when the job's input is unknown. Throughput per byte is not
   * constant: small runs mostly time fixed start-up and scheduling costs (a 16 MB harness run
   * measured 20-30x the wall time per byte of the same job at 1 GB: ETL 6.2 s for 16 MB, 12.1 s for
   * 1 GB), so mixing sizes would bias the estimate towards whichever size the history holds more
   * of.
   */
  static List<PerformanceRun> nearestInSize(JobSpec job, List<PerformanceRun> runs) {
    if (job.inputBytes().isEmpty()) {
      return runs;
    }
    double target = Math.log(job.inputBytes().getAsLong());
    double nearest =
        runs.stream().mapToDouble(r -> Math.abs(Math.log(r.inputBytes()) - target)).min().orElse(0);
    return runs.stream()
        .filter(
            r ->
                Math.abs(Math.log(r.inputBytes()) - target)
                    <= nearest + Math.log(CombinedTime.RANGE_FACTOR))
        .toList();
  }

  private static TimeEstimate fromHistory(
      JobSpec job, ClusterSpec cluster, List<PerformanceRun> matchingRuns) {
    List<PerformanceRun> runs = nearestInSize(job, matchingRuns);
    double[] ns = runs.stream().mapToDouble(Estimators::wallNanosPerByteCore).sorted().toArray();
    double mid =
        ns.length % 2 == 1 ? ns[ns.length / 2] : (ns[ns.length / 2 - 1] + ns[ns.length / 2]) / 2;
    double lowNs = ns.length > 1 ? ns[0] : mid / MEASURED_SPREAD;
    double highNs = ns.length > 1 ? ns[ns.length - 1] : mid * MEASURED_SPREAD;
    boolean vague = job.inputBytes().isEmpty();
    long inLow = job.inputBytes().orElse(VAGUE_LOW_BYTES);
    long inHigh = job.inputBytes().orElse(VAGUE_HIGH_BYTES);
    long inMid = inputMiddle(job);
    int clusterCores = cluster.node().logicalCores() * cluster.nodeCount();
    boolean gpuRuns = runs.get(0).gpusPerExecutor() > 0;
    GpuGeneration g = gpuRuns ? generation(cluster) : null;
    double low = seconds(inLow, lowNs, cores(inLow, clusterCores), gpuRuns ? g.high() : 1);
    double high = seconds(inHigh, highNs, cores(inHigh, clusterCores), gpuRuns ? g.low() : 1);
    double expected =
        Math.min(
            Math.max(
                seconds(inMid, mid, cores(inMid, clusterCores), gpuRuns ? g.expected() : 1), low),
            high);
    String reason =
        String.format(
                Locale.ROOT,
                "%s input x %.0f ns of wall time per byte per busy core (range %.0f-%.0f over the %d"
                    + " measured %s run(s) of '%s' nearest in input size in the performance history,"
                    + " %s) over %d usable cores; the range is the runs' spread%s%s",
                inputPhrase(job),
                mid,
                lowNs,
                highNs,
                runs.size(),
                runs.get(0).gpusPerExecutor() > 0 ? "GPU" : "CPU",
                job.type().id(),
                runs.stream()
                    .map(r -> r.source() + " " + ByteSizes.human(r.inputBytes()))
                    .distinct()
                    .toList(),
                cores(inMid, clusterCores),
                ns.length > 1 ? "" : " (one run: widened x1.5 each way)",
                uncertainty(job))
            + (gpuRuns
                ? String.format(
                    Locale.ROOT,
                    "; divided by the %s factor %.2f (%.2f-%.2f), the runs' GPU model not being in"
                        + " their logs and so taken as the A100 basis: %s",
                    g.gpu(),
                    g.expected(),
                    g.low(),
                    g.high(),
                    g.basis())
                : "");
    return new TimeEstimate(
        duration(expected),
        duration(low),
        duration(high),
        PRIOR_LEVEL,
        false,
        vague,
        runs.size(),
        reason,
        "measured runs of data/performance-history.json (wall time, cores and input bytes of each"
            + " run)");
  }

  /**
   * Cost of a time estimate on the cluster: on-prem energy and amortisation, and comparable cloud
   * instances, each over the time interval.
   *
   * @param time the time estimate
   * @param cluster the cluster it runs on
   * @param prices electricity and node prices
   * @return the costs with their interval and notes on what was left out
   */
  public static CostEstimate cost(TimeEstimate time, ClusterSpec cluster, CostSpec prices) {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(prices, "prices");
    List<String> notes = new ArrayList<>();
    double hMid = hours(time.expected());
    double hLow = hours(time.low());
    double hHigh = hours(time.high());
    int n = cluster.nodeCount();
    Optional<CostEstimate.OnPrem> onPrem = Optional.empty();
    Optional<Prices.Power> power = Prices.power(cluster.node());
    if (power.isPresent()) {
      double kw = power.get().watts() / 1000 * n;
      double perHour = kw * prices.usdPerKwh();
      OptionalDouble amortisation = OptionalDouble.empty();
      if (prices.nodePriceUsd().isPresent()) {
        double perNodeHour =
            prices.nodePriceUsd().getAsDouble() / (prices.amortisationYears() * 8766);
        perHour += perNodeHour * n;
        amortisation = OptionalDouble.of(perNodeHour * n * hMid);
      } else {
        notes.add("node amortisation left out: no node price given");
      }
      onPrem =
          Optional.of(
              new CostEstimate.OnPrem(
                  perHour * hMid,
                  perHour * hLow,
                  perHour * hHigh,
                  kw * hMid,
                  amortisation,
                  String.format(
                      Locale.ROOT,
                      "%d x %s at its maximum %.0f W (an upper bound on the draw) x %.3f h x %.3f"
                          + " USD/kWh%s",
                      n,
                      power.get().system(),
                      power.get().watts(),
                      hMid,
                      prices.usdPerKwh(),
                      amortisation.isPresent()
                          ? String.format(
                              Locale.ROOT,
                              " + amortisation over %.1f years",
                              prices.amortisationYears())
                          : ""),
                  power.get().source() + "; electricity: " + Prices.electricitySource()));
    } else {
      notes.add(
          "on-prem cost left out: the node matches no DGX system of data/models/dgx-systems.json,"
              + " so its power draw is unknown");
    }
    List<CostEstimate.Cloud> cloud = new ArrayList<>();
    for (Prices.Instance i : Prices.instances()) {
      if (!Prices.hasGpu(cluster.node(), i.gpuModel())) {
        continue;
      }
      int instances =
          Math.max(1, (cluster.totalGpus() + i.gpusPerInstance() - 1) / i.gpusPerInstance());
      double perHour = instances * i.usdPerHour();
      cloud.add(
          new CostEstimate.Cloud(
              i.provider(),
              i.instanceType(),
              i.pricingModel(),
              instances,
              i.usdPerHour(),
              perHour * hMid,
              perHour * hLow,
              perHour * hHigh,
              i.asOf(),
              i.source()));
    }
    if (cloud.isEmpty()) {
      notes.add(
          "no comparable cloud instance: data/models/cloud-prices.json has no instance with the"
              + " cluster's GPUs");
    }
    return new CostEstimate(onPrem, cloud, notes);
  }

  /**
   * Resources, time and cost together.
   *
   * @param job the job
   * @param cluster the cluster
   * @param prices electricity and node prices
   * @return the report
   */
  public static EstimateReport estimate(JobSpec job, ClusterSpec cluster, CostSpec prices) {
    TimeEstimate t = time(job, cluster);
    return new EstimateReport(job, resources(job, cluster), t, cost(t, cluster, prices));
  }

  /**
   * Resources, time and cost together, the time from the user's own measured runs first: when the
   * user's history file holds runs that match the job (as {@link #time(JobSpec, ClusterSpec,
   * PerformanceHistory)} matches them), the time comes from them and says so; otherwise from the
   * packaged history, as {@link #estimate(JobSpec, ClusterSpec, CostSpec)}.
   *
   * @param job the job
   * @param cluster the cluster
   * @param prices electricity and node prices
   * @param userHistory the user's local history file ({@code history add}); a missing file has no
   *     runs
   * @return the report
   * @throws ModelsException if the file exists but is not a history, or the job asks for GPUs on a
   *     cluster without any
   */
  public static EstimateReport estimate(
      JobSpec job, ClusterSpec cluster, CostSpec prices, Path userHistory) {
    Objects.requireNonNull(userHistory, "userHistory");
    TimeEstimate t = userTime(job, cluster, userHistory).orElseGet(() -> time(job, cluster));
    return new EstimateReport(job, resources(job, cluster), t, cost(t, cluster, prices));
  }

  /**
   * One time answer from the two time models on one history: the per-byte rates ({@link
   * #time(JobSpec, ClusterSpec, PerformanceHistory)}) and the Ernest model ({@link
   * PerformanceModels#predictPerformance(SparkConfig, ClusterSpec, WorkloadSpec,
   * PerformanceHistory)}), each judged against the input sizes, core counts and mode of the runs it
   * rests on; the models in range give the expected time and an interval that contains each of
   * their predictions, a model out of range is not used, and with none in range the answer is the
   * per-byte rates extrapolated, flagged so (see {@link CombinedTimeReport}).
   *
   * @param job the job
   * @param cluster the cluster
   * @param config the Spark config, whose {@code spark.executor.instances} x {@code
   *     spark.executor.cores} place the Ernest prediction (one executor per node with all its cores
   *     when unset)
   * @param history measured runs
   * @return the answer, each model's own answer and validity, and why
   * @throws ModelsException if the job asks for GPUs on a cluster without any, or the config's
   *     executor count or cores are not positive whole numbers
   */
  public static CombinedTimeReport timeAnswer(
      JobSpec job, ClusterSpec cluster, SparkConfig config, PerformanceHistory history) {
    Objects.requireNonNull(config, "config");
    TimeEstimate rates = time(job, cluster, history);
    String label = "the given history of " + history.runs().size() + " measured runs";
    return CombinedTime.report(
        job,
        cores(inputMiddle(job), cluster.node().logicalCores() * cluster.nodeCount()),
        useGpu(job, cluster),
        rates,
        history,
        label,
        PerformanceModels.predictPerformance(config, cluster, workload(job), history),
        history,
        label);
  }

  /**
   * One time answer as {@link #timeAnswer(JobSpec, ClusterSpec, SparkConfig, PerformanceHistory)},
   * from the user's own runs first: each model rests on the user's history file when it holds runs
   * for that model (matching runs for the per-byte rates, as {@link #estimate(JobSpec, ClusterSpec,
   * CostSpec, Path)} takes them; runs of the workload type for Ernest), otherwise on the packaged
   * history, and each model's {@code source} says which.
   *
   * @param job the job
   * @param cluster the cluster
   * @param config the Spark config placing the Ernest prediction
   * @param userHistory the user's local history file ({@code history add}); a missing file has no
   *     runs
   * @return the answer, each model's own answer, validity and source, and why
   * @throws ModelsException if the file exists but is not a history, the job asks for GPUs on a
   *     cluster without any, or the config's executor count or cores are not positive whole numbers
   */
  public static CombinedTimeReport timeAnswer(
      JobSpec job, ClusterSpec cluster, SparkConfig config, Path userHistory) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(userHistory, "userHistory");
    PerformanceHistory builtIn = PerformanceHistory.builtIn();
    PerformanceHistory user =
        Files.exists(userHistory)
            ? PerformanceHistory.load(userHistory)
            : new PerformanceHistory("no file at " + userHistory, List.of());
    String yours = "your runs in " + userHistory + " (used before the built-in ones)";
    String packaged =
        "built-in data/performance-history.json"
            + (Files.exists(userHistory)
                ? " (your history has no run for this model)"
                : " (no history of yours at " + userHistory + ")");
    Optional<TimeEstimate> userRates = userTime(job, cluster, userHistory);
    boolean userErnest = !user.runsOf(job.type().id()).isEmpty();
    PerformanceHistory ernestHistory = userErnest ? user : builtIn;
    return CombinedTime.report(
        job,
        cores(inputMiddle(job), cluster.node().logicalCores() * cluster.nodeCount()),
        useGpu(job, cluster),
        userRates.orElseGet(() -> time(job, cluster, builtIn)),
        userRates.isPresent() ? user : builtIn,
        userRates.isPresent() ? yours : packaged,
        PerformanceModels.predictPerformance(config, cluster, workload(job), ernestHistory),
        ernestHistory,
        userErnest ? yours : packaged);
  }

  /**
   * The time from the user's own runs when the user's history file holds runs matching the job, its
   * reason and source saying so; empty otherwise (and for a job with its own log).
   */
  private static Optional<TimeEstimate> userTime(
      JobSpec job, ClusterSpec cluster, Path userHistory) {
    if (!Files.exists(userHistory) || job.measuredIntensity().isPresent()) {
      return Optional.empty();
    }
    PerformanceHistory user = PerformanceHistory.load(userHistory);
    if (matching(job, useGpu(job, cluster), user).isEmpty()) {
      return Optional.empty();
    }
    TimeEstimate u = time(job, cluster, user);
    return Optional.of(
        new TimeEstimate(
            u.expected(),
            u.low(),
            u.high(),
            u.level(),
            u.fallback(),
            u.vague(),
            u.measuredRuns(),
            "from your own runs in "
                + userHistory
                + " (used before the built-in ones): "
                + u.reason(),
            "your measured runs in " + userHistory + " (history add)"));
  }

  /** The job as core's workload record, for the performance models. */
  private static WorkloadSpec workload(JobSpec job) {
    return new WorkloadSpec(job.type(), job.inputBytes(), List.of(), job.mode(), Language.JVM);
  }

  static boolean useGpu(JobSpec job, ClusterSpec cluster) {
    if (job.mode() == ExecutionMode.GPU && cluster.totalGpus() == 0) {
      throw new ModelsException(
          "the job asks for GPUs but the cluster has none; expected a cluster with GPUs or mode cpu");
    }
    return job.mode() == ExecutionMode.GPU
        || (job.mode() == ExecutionMode.AUTO && cluster.totalGpus() > 0);
  }

  private static long inputMiddle(JobSpec job) {
    return job.inputBytes()
        .orElse((long) Math.sqrt((double) VAGUE_LOW_BYTES * (double) VAGUE_HIGH_BYTES));
  }

  private static int cores(long input, int clusterCores) {
    long partitions = Math.max(1, (input + PARTITION_BYTES - 1) / PARTITION_BYTES);
    return (int) Math.min(partitions, clusterCores);
  }

  /** The generation factor of the cluster's GPU (the first GPU of a node). */
  private static GpuGeneration generation(ClusterSpec cluster) {
    return Qualification.generation(cluster.node().gpus().get(0).name());
  }

  private static double seconds(long input, double nsPerByte, int cores, double speedup) {
    return input * nsPerByte / 1e9 / cores / speedup;
  }

  private static Duration duration(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static double hours(Duration d) {
    return d.toMillis() / 3_600_000.0;
  }
}
