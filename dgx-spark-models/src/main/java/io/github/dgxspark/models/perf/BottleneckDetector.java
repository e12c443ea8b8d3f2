package io.github.dgxspark.models.perf;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkSemantics;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds what holds an application back, from its event log (or, without one, from a config on a
 * cluster). Each kind of bottleneck has one small detector class, whose thresholds, parameters and
 * public sources are its entry in {@code data/models/bottleneck-detectors.json}: Dr. Elephant's
 * where it has one (GC ratio, task skew, spill, failure rate, out-of-memory tasks), Spark's tuning
 * guide for partition counts, and a time attribution after Sparklens. A finding's severity is the
 * level its measure reaches, limited by the time it costs the application (its evidence {@code
 * costMs}): a sub-second cost is low whatever its ratio, and a saving too small to measure is not
 * claimed.
 *
 * <pre>{@code
 * BottleneckReport r = BottleneckDetector.detect(EventLogs.read(Path.of("app.zstd")));
 * r.bottlenecks().forEach(b -> System.out.println(b.kind().id() + ": " + b.reason()));
 * }</pre>
 */
public final class BottleneckDetector {
  /** Every detector, one per kind, in the order of {@link BottleneckKind}. */
  static final List<Detector> DETECTORS =
      List.of(
          new GcDetector(),
          new TaskSkewDetector(),
          new SpillDetector(),
          new ShuffleBoundDetector(),
          new InputBoundDetector(),
          new DriverBoundDetector(),
          new TooFewPartitionsDetector(),
          new TooManyPartitionsDetector(),
          new IdleExecutorsDetector(),
          new TaskFailuresDetector(),
          new GpuOutOfMemoryDetector(),
          new ExecutorLossDetector(),
          new FetchFailuresDetector(),
          new NetworkSaturationDetector());

  private BottleneckDetector() {}

  /**
   * Detects the bottlenecks of an application from its event log.
   *
   * @param profile the application
   * @return the findings, most severe first
   * @throws ModelsException if the log has no task with a launch and finish time
   */
  public static BottleneckReport detect(ApplicationProfile profile) {
    Objects.requireNonNull(profile, "profile");
    return detect(profile, Optional.empty());
  }

  /**
   * Detects the bottlenecks of an application from its event log, including network saturation
   * against the cluster's interconnect.
   *
   * @param profile the application
   * @param cluster the cluster it ran on
   * @return the findings, most severe first
   * @throws ModelsException if the log has no task with a launch and finish time
   */
  public static BottleneckReport detect(ApplicationProfile profile, ClusterSpec cluster) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(cluster, "cluster");
    return detect(profile, Optional.of(cluster));
  }

  private static BottleneckReport detect(
      ApplicationProfile profile, Optional<ClusterSpec> cluster) {
    Observation o = new Observation(profile, cluster, DetectorCatalog.builtIn().costScale);
    List<Bottleneck> found = new ArrayList<>();
    for (Detector d : DETECTORS) {
      found.addAll(d.detect(o));
    }
    found.sort(
        Comparator.comparing(Bottleneck::severity)
            .thenComparing(b -> -b.estimatedSaving().map(Duration::toMillis).orElse(0L)));
    return new BottleneckReport(
        profile.applicationId(),
        Optional.of(Duration.ofMillis((long) o.wallMillis)),
        found,
        String.format(
            Locale.ROOT,
            "event log: %d tasks in %d stage attempts over %.1f s",
            o.replay.tasks,
            profile.stages().size(),
            o.wallMillis / 1000.0));
  }

  /**
   * Detects likely bottlenecks of a config on a cluster without an event log: too few shuffle
   * partitions for the cores, and executors that leave cores unused.
   *
   * @param config the Spark config
   * @param cluster the cluster
   * @return the findings; no share of wall time or saving can be attributed without a log
   * @throws ModelsException if an executor count, core count or partition count is not a whole
   *     number of 1 or more
   */
  public static BottleneckReport detect(SparkConfig config, ClusterSpec cluster) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(cluster, "cluster");
    boolean local =
        config.get("spark.master").flatMap(SparkSemantics::clusterManager).orElse(null)
            == ClusterManager.LOCAL;
    int clusterCores = cluster.node().logicalCores() * (local ? 1 : cluster.nodeCount());
    int executors =
        local
            ? 1
            : Replayer.positiveSetting(config, "spark.executor.instances", cluster.nodeCount());
    int cores =
        Replayer.positiveSetting(config, "spark.executor.cores", cluster.node().logicalCores());
    int taskCpus =
        Replayer.positiveSetting(
            config, "spark.task.cpus", Replayer.sparkDefault("spark.task.cpus"));
    int partitions =
        Replayer.positiveSetting(
            config,
            "spark.sql.shuffle.partitions",
            Replayer.sparkDefault("spark.sql.shuffle.partitions"));
    ConfigLayout layout =
        new ConfigLayout(
            executors, cores, Math.max(1, executors * cores / taskCpus), partitions, clusterCores);
    List<Bottleneck> found = new ArrayList<>();
    for (Detector d : DETECTORS) {
      found.addAll(d.detect(layout));
    }
    found.sort(Comparator.comparing(Bottleneck::severity));
    return new BottleneckReport(
        Optional.empty(),
        Optional.empty(),
        found,
        "config and cluster only (no event log): partition and core checks, no time attribution");
  }
}
