package io.github.dgxspark.models.perf;

import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.WorkloadType;
import io.github.dgxspark.models.ModelsException;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.workload.WorkloadAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One measured Spark run of the performance history, with its provenance. Only measured runs belong
 * here: from the project's real-Spark harness ({@value #HARNESS}) or read from a real event log
 * ({@value #EVENT_LOG}).
 *
 * @param source where the numbers come from: {@value #HARNESS}, {@value #EVENT_LOG} or a user's own
 *     label
 * @param workload the workload type id (e.g. {@code sql-analytics}, see {@link WorkloadType#id()})
 * @param scale the harness's data scale factor (1 for a run read from a log)
 * @param inputBytes bytes the job read, 0 or more (0 when unknown)
 * @param executors executors that ran it (the most alive at once for a log), 1 or more
 * @param executorCores cores per executor, 1 or more
 * @param executorMemoryBytes executor heap, 0 when unknown
 * @param gpusPerExecutor GPUs per executor, 0 for a CPU run
 * @param config the Spark settings the run measured (secrets redacted)
 * @param wallTime the run's wall-clock time, positive
 * @param machine the machine or cluster it ran on, in words
 * @param machineCores logical cores of the one machine all its executors shared (the harness's
 *     {@code local} and {@code local-cluster} runs), 0 when unknown or when it ran on a cluster
 * @param sparkVersion the Spark version
 * @param eventLog the event log it was read from or wrote, if any
 * @param applicationId Spark's application id, if known
 * @param recordedAt when it was added to the history, if known
 * @param applicationName Spark's application name ({@code spark.app.name}), if known: with the
 *     cluster, layout, settings and input it tells repeated runs of one application apart from
 *     other applications
 */
public record PerformanceRun(
    String source,
    String workload,
    double scale,
    long inputBytes,
    int executors,
    int executorCores,
    long executorMemoryBytes,
    int gpusPerExecutor,
    SparkConfig config,
    Duration wallTime,
    String machine,
    int machineCores,
    String sparkVersion,
    Optional<String> eventLog,
    Optional<String> applicationId,
    Optional<Instant> recordedAt,
    Optional<String> applicationName) {

  /** The {@code source} of runs measured by the project's real-Spark harness. */
  public static final String HARNESS = "dgx-spark harness";

  /** The {@code source} of runs read from a public or user event log. */
  public static final String EVENT_LOG = "event log";

  // Checks the fields.
  public PerformanceRun {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(wallTime, "wallTime");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(sparkVersion, "sparkVersion");
    Objects.requireNonNull(eventLog, "eventLog");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(applicationName, "applicationName");
    if (source.isBlank()) {
      throw new ModelsException("performance run source is blank; expected where it came from");
    }
    if (workload.isBlank()) {
      throw new ModelsException("performance run workload is blank; expected a workload type id");
    }
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw bad("scale", String.valueOf(scale), "a positive finite scale factor");
    }
    if (inputBytes < 0) {
      throw bad("inputBytes", String.valueOf(inputBytes), "0 or more bytes");
    }
    if (executors < 1) {
      throw bad("executors", String.valueOf(executors), "1 or more executors");
    }
    if (executorCores < 1) {
      throw bad("executorCores", String.valueOf(executorCores), "1 or more cores");
    }
    if (executorMemoryBytes < 0) {
      throw bad("executorMemoryBytes", String.valueOf(executorMemoryBytes), "0 or more bytes");
    }
    if (gpusPerExecutor < 0) {
      throw bad("gpusPerExecutor", String.valueOf(gpusPerExecutor), "0 or more GPUs");
    }
    if (machineCores < 0) {
      throw bad("machineCores", String.valueOf(machineCores), "0 (unknown) or more cores");
    }
    if (wallTime.isNegative() || wallTime.isZero()) {
      throw bad("wallTime", wallTime.toString(), "a positive duration");
    }
  }

  /**
   * The cores its tasks really ran on: its executors × their cores, at most the machine's cores
   * when one machine held them all. A {@code local-cluster} run offers more task slots than the
   * machine has cores (the harness's cluster-2: 4 slots on 2 cores), and counting the slots would
   * halve its measured throughput per core.
   *
   * @return 1 or more cores
   */
  public int coresUsed() {
    int slots = executors * executorCores;
    return machineCores > 0 ? Math.min(slots, machineCores) : slots;
  }

  /** The settings that shape performance, secrets redacted; the rest of a log's 300+ left out. */
  static SparkConfig measuredSettings(SparkConfig all) {
    SparkConfig kept = SparkConfig.empty();
    for (var e : all.redacted().entries().entrySet()) {
      String k = e.getKey();
      for (String prefix : MEASURED_PREFIXES) {
        if (k.startsWith(prefix)) {
          kept = kept.with(k, e.getValue());
          break;
        }
      }
    }
    return kept;
  }

  private static final java.util.List<String> MEASURED_PREFIXES =
      java.util.List.of(
          "spark.master",
          "spark.executor.",
          "spark.driver.memory",
          "spark.driver.cores",
          "spark.task.",
          "spark.dynamicAllocation.enabled",
          "spark.sql.shuffle.partitions",
          "spark.sql.adaptive.enabled",
          "spark.sql.files.maxPartitionBytes",
          "spark.memory.",
          "spark.serializer",
          "spark.plugins",
          "spark.shuffle.manager",
          "spark.rapids.sql.enabled",
          "spark.rapids.sql.concurrentGpuTasks",
          "spark.rapids.memory.pinnedPool.size");

  private static ModelsException bad(String field, String value, String expected) {
    return new ModelsException(
        String.format(
            Locale.ROOT, "performance run %s is %s; expected %s", field, value, expected));
  }

  /**
   * The measured run of a real event log with its provenance, as {@code history add} and the Spark
   * listener record it: the workload type classified from what ran ({@link
   * WorkloadAnalyzer#classify(ApplicationProfile)}), the cluster the log names as the machine
   * ({@code user event log: master } and its master URL, e.g. {@code spark://10.0.0.1:7077}, {@code
   * yarn} or {@code local[2]}), the log's path, application id and Spark version, and when it was
   * recorded.
   *
   * @param profile a complete application's profile
   * @param eventLog the log's path as the user gave it
   * @param recordedAt when the run is recorded
   * @return the run, source {@value #EVENT_LOG}
   * @throws ModelsException if the log has no duration (application start and end) or no task
   */
  public static PerformanceRun fromEventLog(
      ApplicationProfile profile, String eventLog, Instant recordedAt) {
    Objects.requireNonNull(recordedAt, "recordedAt");
    PerformanceRun r =
        fromProfile(
            profile,
            WorkloadAnalyzer.classify(profile).workloadType(),
            "user event log: master " + profile.master().orElse("unknown"),
            eventLog);
    return new PerformanceRun(
        r.source,
        r.workload,
        r.scale,
        r.inputBytes,
        r.executors,
        r.executorCores,
        r.executorMemoryBytes,
        r.gpusPerExecutor,
        r.config,
        r.wallTime,
        r.machine,
        r.machineCores,
        r.sparkVersion,
        r.eventLog,
        r.applicationId,
        Optional.of(recordedAt),
        r.applicationName);
  }

  /**
   * The measured run an event log records: its duration, the most executors alive at once, their
   * cores, GPUs and memory, the input bytes read, the Spark version and settings, the application's
   * id and name.
   *
   * @param profile a complete application's profile
   * @param workload the workload type of the application
   * @param machine the machine or cluster it ran on, in words
   * @param eventLog the log's name or path
   * @return the run, source {@value #EVENT_LOG}
   * @throws ModelsException if the log has no duration (application start and end) or no task
   */
  public static PerformanceRun fromProfile(
      ApplicationProfile profile, WorkloadType workload, String machine, String eventLog) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(machine, "machine");
    Objects.requireNonNull(eventLog, "eventLog");
    Duration wall =
        profile
            .duration()
            .filter(d -> !d.isZero() && !d.isNegative())
            .orElseThrow(
                () ->
                    new ModelsException(
                        "event log "
                            + eventLog
                            + " has no application start and end; a measured run needs the"
                            + " application's duration"));
    Replayer.Layout layout = Replayer.layout(profile);
    long memory =
        profile.resourceProfiles().stream()
            .filter(r -> r.id() == 0)
            .findFirst()
            .flatMap(
                r ->
                    r.executorMemoryBytes().isPresent()
                        ? Optional.of(r.executorMemoryBytes().getAsLong())
                        : Optional.empty())
            .orElse(0L);
    return new PerformanceRun(
        EVENT_LOG,
        workload.id(),
        1,
        profile.totals().inputBytes(),
        layout.executors(),
        layout.executorCores(),
        memory,
        layout.gpusPerExecutor(),
        measuredSettings(profile.sparkProperties()),
        wall,
        machine,
        0, // a log does not say how many cores its hosts had
        profile.sparkVersion().orElse("unknown"),
        Optional.of(eventLog),
        profile.applicationId(),
        Optional.empty(),
        profile.applicationName());
  }
}
