package io.github.dgxspark.models.eventlog;

import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.SparkConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one Spark application did, read from its event log by {@link EventLogs#read}: identity,
 * settings, executors, jobs, stages with per-task distributions, SQL executions with their physical
 * operators, failures and totals. Memory is bounded whatever the log's size: stages keep
 * aggregates, quantile sketches and a bounded sample, never every task.
 *
 * @param applicationId Spark's application id ({@code App ID}), absent in logs without an
 *     application start event (e.g. a later chunk read alone)
 * @param attemptId the application attempt id, when the cluster manager sets one
 * @param applicationName {@code App Name}
 * @param sparkVersion the Spark version that wrote the log ({@code SparkListenerLogStart})
 * @param javaVersion the Java version the driver ran ({@code SparkListenerEnvironmentUpdate}'s
 *     {@code JVM Information}), e.g. {@code 1.8.0_292 (Private Build)} or {@code 17.0.18 (Ubuntu)}
 * @param user the user that ran the application
 * @param startTime application start
 * @param endTime application end; absent while the application runs or when the log was cut
 * @param duration end − start, when both are known
 * @param master {@code spark.master}
 * @param clusterManager derived from the master URL ({@code local[*]}, {@code yarn}, {@code
 *     spark://}, {@code k8s://}); absent for other masters
 * @param sparkProperties every Spark property of the environment update, secret values redacted
 *     ({@link SparkConfig#redacted()})
 * @param complete true when the log holds the application end event and no file or status marker is
 *     {@code .inprogress} and no rolling part is missing; false means the application had not
 *     ended, the log was cut, or parts of it are missing ({@link ParseStats#missingChunks()})
 * @param resourceProfiles the resource profiles (Spark 3.1+), in id order
 * @param executors every executor that was added, in order of addition (in local mode the driver,
 *     id {@code driver})
 * @param executorTimeline the number of live executors and their cores after each add or remove, in
 *     time order
 * @param jobs the jobs, in order of submission
 * @param stages one entry per stage attempt, in order of first appearance
 * @param sqlExecutions the SQL executions, in order of start
 * @param failures failed tasks, lost executors, fetch failures and GPU out-of-memory errors
 * @param totals sums over all task end events (the public contract printed by the CLI and MCP)
 * @param streaming the Structured Streaming queries' progress, all zero when the log has none
 * @param parseStats what was read: files, bytes, lines, skipped garbage lines, unknown events
 */
public record ApplicationProfile(
    Optional<String> applicationId,
    Optional<String> attemptId,
    Optional<String> applicationName,
    Optional<String> sparkVersion,
    Optional<String> javaVersion,
    Optional<String> user,
    Optional<Instant> startTime,
    Optional<Instant> endTime,
    Optional<Duration> duration,
    Optional<String> master,
    Optional<ClusterManager> clusterManager,
    SparkConfig sparkProperties,
    boolean complete,
    List<ResourceProfile> resourceProfiles,
    List<Executor> executors,
    List<ExecutorCount> executorTimeline,
    List<Job> jobs,
    List<Stage> stages,
    List<SqlExecution> sqlExecutions,
    Failures failures,
    Totals totals,
    Streaming streaming,
    ParseStats parseStats) {

  // Checks for nulls and copies the lists.
  public ApplicationProfile {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(attemptId, "attemptId");
    Objects.requireNonNull(applicationName, "applicationName");
    Objects.requireNonNull(sparkVersion, "sparkVersion");
    Objects.requireNonNull(javaVersion, "javaVersion");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(clusterManager, "clusterManager");
    Objects.requireNonNull(sparkProperties, "sparkProperties");
    resourceProfiles = List.copyOf(resourceProfiles);
    executors = List.copyOf(executors);
    executorTimeline = List.copyOf(executorTimeline);
    jobs = List.copyOf(jobs);
    stages = List.copyOf(stages);
    sqlExecutions = List.copyOf(sqlExecutions);
    Objects.requireNonNull(failures, "failures");
    Objects.requireNonNull(totals, "totals");
    Objects.requireNonNull(streaming, "streaming");
    Objects.requireNonNull(parseStats, "parseStats");
  }

  /**
   * The distinct physical operator names of all SQL executions' final plans, sorted.
   *
   * @return e.g. {@code [BroadcastHashJoin, Exchange, HashAggregate, Project, Scan parquet]}
   */
  public List<String> operatorNames() {
    TreeSet<String> names = new TreeSet<>();
    sqlExecutions.forEach(s -> names.addAll(s.operatorCounts().keySet()));
    return List.copyOf(names);
  }

  /**
   * The distinct physical operators that ran on the GPU (RAPIDS Accelerator names start with {@code
   * Gpu}, e.g. {@code GpuHashAggregate}, {@code GpuProject}), sorted; empty for a CPU run.
   *
   * @return the GPU operator names
   */
  public List<String> gpuOperatorNames() {
    return operatorNames().stream().filter(n -> n.startsWith("Gpu")).toList();
  }

  /**
   * A Spark resource profile ({@code SparkListenerResourceProfileAdded}, Spark 3.1+): what each
   * executor and each task of the profile asks for.
   *
   * @param id the resource profile id (0 is the default profile)
   * @param executorCores cores per executor
   * @param executorMemoryBytes executor heap
   * @param executorMemoryOverheadBytes executor memory overhead, when set
   * @param executorOffHeapBytes executor off-heap memory
   * @param executorGpus GPUs per executor ({@code gpu} resource amount)
   * @param taskCpus CPUs per task
   * @param taskGpus GPUs per task, a fraction when several tasks share a GPU (e.g. 0.0625)
   */
  public record ResourceProfile(
      int id,
      OptionalInt executorCores,
      OptionalLong executorMemoryBytes,
      OptionalLong executorMemoryOverheadBytes,
      OptionalLong executorOffHeapBytes,
      OptionalLong executorGpus,
      OptionalDouble taskCpus,
      OptionalDouble taskGpus) {
    // Checks for nulls.
    public ResourceProfile {
      Objects.requireNonNull(executorCores, "executorCores");
      Objects.requireNonNull(executorMemoryBytes, "executorMemoryBytes");
      Objects.requireNonNull(executorMemoryOverheadBytes, "executorMemoryOverheadBytes");
      Objects.requireNonNull(executorOffHeapBytes, "executorOffHeapBytes");
      Objects.requireNonNull(executorGpus, "executorGpus");
      Objects.requireNonNull(taskCpus, "taskCpus");
      Objects.requireNonNull(taskGpus, "taskGpus");
    }
  }

  /**
   * One executor ({@code SparkListenerExecutorAdded} / {@code Removed}, plus the block manager's
   * memory).
   *
   * @param id the executor id ({@code driver} for the driver in local mode)
   * @param host its host
   * @param totalCores its cores
   * @param added when it was added
   * @param removed when it was removed, if it was
   * @param removedReason Spark's removal reason, e.g. {@code Executor Process Lost}
   * @param resources custom resources by name (e.g. {@code gpu}) → the addresses assigned
   * @param resourceProfileId its resource profile (0 before Spark 3.1)
   * @param maxMemoryBytes the block manager's unified storage + execution memory, when known
   */
  public record Executor(
      String id,
      String host,
      int totalCores,
      Optional<Instant> added,
      Optional<Instant> removed,
      Optional<String> removedReason,
      Map<String, List<String>> resources,
      int resourceProfileId,
      OptionalLong maxMemoryBytes) {
    // Checks for nulls and copies the map.
    public Executor {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(added, "added");
      Objects.requireNonNull(removed, "removed");
      Objects.requireNonNull(removedReason, "removedReason");
      Map<String, List<String>> copy = new LinkedHashMap<>();
      resources.forEach((k, v) -> copy.put(Objects.requireNonNull(k), List.copyOf(v)));
      resources = Collections.unmodifiableMap(copy);
      Objects.requireNonNull(maxMemoryBytes, "maxMemoryBytes");
    }

    /**
     * The GPUs assigned to this executor.
     *
     * @return the number of {@code gpu} resource addresses, 0 when none
     */
    public int gpuCount() {
      return resources.getOrDefault("gpu", List.of()).size();
    }
  }

  /**
   * The executors alive after an executor was added or removed: what a replay simulator needs for
   * the executor count over time.
   *
   * @param time when the change happened
   * @param executors live executors after it
   * @param cores their cores
   */
  public record ExecutorCount(Instant time, int executors, int cores) {
    // Checks for nulls.
    public ExecutorCount {
      Objects.requireNonNull(time, "time");
    }
  }

  /**
   * One job ({@code SparkListenerJobStart} / {@code JobEnd}).
   *
   * @param id the job id
   * @param submitted submission time
   * @param completed completion time
   * @param result {@code JobSucceeded} or {@code JobFailed}; absent while running
   * @param stageIds the stages of the job, including ones that will be skipped
   * @param sqlExecutionId the SQL execution that ran the job ({@code spark.sql.execution.id})
   * @param description {@code spark.job.description}, else the short call site
   */
  public record Job(
      int id,
      Optional<Instant> submitted,
      Optional<Instant> completed,
      Optional<String> result,
      List<Integer> stageIds,
      OptionalLong sqlExecutionId,
      Optional<String> description) {
    // Checks for nulls and copies the list.
    public Job {
      Objects.requireNonNull(submitted, "submitted");
      Objects.requireNonNull(completed, "completed");
      Objects.requireNonNull(result, "result");
      stageIds = List.copyOf(stageIds);
      Objects.requireNonNull(sqlExecutionId, "sqlExecutionId");
      Objects.requireNonNull(description, "description");
    }
  }

  /**
   * One stage attempt with the distributions of its tasks' metrics. The distributions cover every
   * task end event of the attempt that carries metrics (failed attempts included, as in {@link
   * Totals}); medians and p95 come from a sketch within 1% relative error, counts, sums, minima and
   * maxima are exact.
   *
   * @param id the stage id
   * @param attempt the stage attempt id
   * @param name the stage name (e.g. {@code count at Job.scala:42})
   * @param declaredTasks {@code Number of Tasks} of the stage info
   * @param parentIds the parent stage ids (the DAG)
   * @param submitted submission time
   * @param completed completion time; absent if the stage never completed in the log
   * @param duration completed − submitted, when both are known
   * @param failureReason why the stage attempt failed, if it did
   * @param tasks task end events of this attempt
   * @param failedTasks those whose reason is not {@code Success}
   * @param firstTaskLaunch the earliest task launch
   * @param lastTaskFinish the latest task finish
   * @param runTimeMs executor run time per task, ms
   * @param cpuTimeNs executor CPU time per task, ns (0 in Spark 1.x logs)
   * @param gcTimeMs JVM GC time per task, ms
   * @param inputBytes input bytes read per task
   * @param outputBytes output bytes written per task
   * @param shuffleReadBytes remote + local shuffle bytes read per task
   * @param shuffleWriteBytes shuffle bytes written per task
   * @param memoryBytesSpilled memory bytes spilled per task
   * @param diskBytesSpilled disk bytes spilled per task
   * @param skewRatio max ÷ median task run time (1 when the median is 0 ms and so is the max; the
   *     max in ms when only the median is 0)
   * @param runTimeSampleMs a uniform random sample (fixed seed) of at most {@value
   *     #RUN_TIME_SAMPLE_LIMIT} task run times in ms, in task end order; every run time when the
   *     attempt had that many tasks or fewer
   * @param wallTimeMs finish − launch per task with metrics, ms: run time plus scheduler delay,
   *     deserialisation, result serialisation and fetching (read by the replay simulator of {@code
   *     models.perf})
   */
  public record Stage(
      int id,
      int attempt,
      String name,
      int declaredTasks,
      List<Integer> parentIds,
      Optional<Instant> submitted,
      Optional<Instant> completed,
      Optional<Duration> duration,
      Optional<String> failureReason,
      int tasks,
      int failedTasks,
      Optional<Instant> firstTaskLaunch,
      Optional<Instant> lastTaskFinish,
      Distribution runTimeMs,
      Distribution cpuTimeNs,
      Distribution gcTimeMs,
      Distribution inputBytes,
      Distribution outputBytes,
      Distribution shuffleReadBytes,
      Distribution shuffleWriteBytes,
      Distribution memoryBytesSpilled,
      Distribution diskBytesSpilled,
      double skewRatio,
      List<Long> runTimeSampleMs,
      Distribution wallTimeMs) {

    /** The most task run times a stage keeps as a sample. */
    public static final int RUN_TIME_SAMPLE_LIMIT = 256;

    // Checks for nulls and copies the lists.
    public Stage {
      Objects.requireNonNull(name, "name");
      parentIds = List.copyOf(parentIds);
      Objects.requireNonNull(submitted, "submitted");
      Objects.requireNonNull(completed, "completed");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(failureReason, "failureReason");
      Objects.requireNonNull(firstTaskLaunch, "firstTaskLaunch");
      Objects.requireNonNull(lastTaskFinish, "lastTaskFinish");
      Objects.requireNonNull(runTimeMs, "runTimeMs");
      Objects.requireNonNull(cpuTimeNs, "cpuTimeNs");
      Objects.requireNonNull(gcTimeMs, "gcTimeMs");
      Objects.requireNonNull(inputBytes, "inputBytes");
      Objects.requireNonNull(outputBytes, "outputBytes");
      Objects.requireNonNull(shuffleReadBytes, "shuffleReadBytes");
      Objects.requireNonNull(shuffleWriteBytes, "shuffleWriteBytes");
      Objects.requireNonNull(memoryBytesSpilled, "memoryBytesSpilled");
      Objects.requireNonNull(diskBytesSpilled, "diskBytesSpilled");
      runTimeSampleMs = List.copyOf(runTimeSampleMs);
      Objects.requireNonNull(wallTimeMs, "wallTimeMs");
    }
  }

  /**
   * The distribution of one task metric over a stage's tasks. Count, sum, min and max are exact;
   * median and p95 are within 1% relative error (then rounded to a whole number).
   *
   * @param count values seen
   * @param sum their sum
   * @param min the smallest (0 when count is 0)
   * @param median the 50th percentile
   * @param p95 the 95th percentile
   * @param max the largest
   */
  public record Distribution(long count, long sum, long min, long median, long p95, long max) {}

  /**
   * One SQL execution ({@code SparkListenerSQLExecutionStart} / {@code End}, and the adaptive
   * re-plans of {@code SparkListenerSQLAdaptiveExecutionUpdate}).
   *
   * @param id the execution id
   * @param description its description (often the call site or the SQL text)
   * @param start start time
   * @param end end time
   * @param duration end − start, when both are known
   * @param operatorCounts physical operator name → number of nodes in the last plan seen (the final
   *     adaptive plan when AQE re-planned). Names are Spark's node names with a trailing code-gen
   *     id such as {@code " (3)"} removed, e.g. {@code HashAggregate}, {@code GpuProject}, {@code
   *     Scan parquet}
   * @param draftSubqueryOperatorCounts the part of {@code operatorCounts} inside draft subqueries
   *     of a final adaptive plan: a nested {@code AdaptiveSparkPlan isFinalPlan=false}, written
   *     before its query stages were planned, so its operators are not those that ran (on a GPU
   *     application they show as CPU operators although the plugin replaces them)
   * @param planUpdates number of adaptive re-plans
   * @param errorMessage the error of a failed execution (Spark 3.4+ logs an empty one on success)
   * @param jobIds the jobs that ran for it
   */
  public record SqlExecution(
      long id,
      String description,
      Optional<Instant> start,
      Optional<Instant> end,
      Optional<Duration> duration,
      Map<String, Integer> operatorCounts,
      Map<String, Integer> draftSubqueryOperatorCounts,
      int planUpdates,
      Optional<String> errorMessage,
      List<Integer> jobIds) {
    // Checks for nulls and copies the collections.
    public SqlExecution {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      Objects.requireNonNull(duration, "duration");
      operatorCounts = copyOrdered(operatorCounts);
      draftSubqueryOperatorCounts = copyOrdered(draftSubqueryOperatorCounts);
      Objects.requireNonNull(errorMessage, "errorMessage");
      jobIds = List.copyOf(jobIds);
    }
  }

  /**
   * What went wrong.
   *
   * @param failedTasks task end events whose reason is not {@code Success}
   * @param taskFailureReasons reason → count; {@code ExceptionFailure} is split by exception class
   *     ({@code ExceptionFailure: java.lang.OutOfMemoryError}); at most 100 keys, the rest under
   *     {@code other}
   * @param fetchFailures tasks that ended with {@code FetchFailed}
   * @param executorLostTasks tasks that ended with {@code ExecutorLostFailure}
   * @param executorsLost executors removed for a reason other than the driver's own decision
   *     (dynamic allocation's {@code Executor killed by driver.}, decommissioning and a container
   *     that "exited from explicit termination request" after the driver released it are not
   *     losses)
   * @param gpuOutOfMemoryTasks tasks that failed with a GPU out-of-memory error (RAPIDS {@code
   *     GpuRetryOOM}, {@code GpuSplitAndRetryOOM}, RMM or CUDA out of memory)
   * @param failedStages stage attempts that completed with a failure reason
   * @param failedJobs jobs whose result is not {@code JobSucceeded}
   * @param examples the first distinct failure messages (at most 10, each at most 300 characters),
   *     e.g. {@code ExceptionFailure: com.nvidia...GpuSplitAndRetryOOM: GPU OutOfMemory: ...}
   */
  public record Failures(
      int failedTasks,
      Map<String, Integer> taskFailureReasons,
      int fetchFailures,
      int executorLostTasks,
      List<ExecutorLoss> executorsLost,
      int gpuOutOfMemoryTasks,
      int failedStages,
      int failedJobs,
      List<String> examples) {
    // Copies the collections.
    public Failures {
      taskFailureReasons = copyOrdered(taskFailureReasons);
      executorsLost = List.copyOf(executorsLost);
      examples = List.copyOf(examples);
    }
  }

  /**
   * An executor that was lost.
   *
   * @param executorId the executor
   * @param time when it was removed
   * @param reason Spark's removal reason
   */
  public record ExecutorLoss(String executorId, Instant time, String reason) {
    // Checks for nulls.
    public ExecutorLoss {
      Objects.requireNonNull(executorId, "executorId");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Application totals: a public contract, printed by the CLI and MCP with exactly these names.
   * Every sum is over all task end events (every attempt, failed ones included) of the task's
   * metrics; a metric a log lacks (e.g. CPU time before Spark 2.1) adds 0.
   *
   * @param jobs job start events
   * @param stages stage completed events
   * @param tasks task end events
   * @param failedTasks task end events whose reason is not {@code Success}
   * @param executorRunTimeMs {@code Executor Run Time}, ms
   * @param executorCpuTimeNs {@code Executor CPU Time}, ns
   * @param jvmGcTimeMs {@code JVM GC Time}, ms
   * @param inputBytes {@code Input Metrics / Bytes Read}
   * @param outputBytes {@code Output Metrics / Bytes Written}
   * @param shuffleReadBytes {@code Remote Bytes Read} + {@code Local Bytes Read}
   * @param shuffleWriteBytes {@code Shuffle Bytes Written}
   * @param memoryBytesSpilled {@code Memory Bytes Spilled}
   * @param diskBytesSpilled {@code Disk Bytes Spilled}
   */
  public record Totals(
      int jobs,
      int stages,
      int tasks,
      int failedTasks,
      long executorRunTimeMs,
      long executorCpuTimeNs,
      long jvmGcTimeMs,
      long inputBytes,
      long outputBytes,
      long shuffleReadBytes,
      long shuffleWriteBytes,
      long memoryBytesSpilled,
      long diskBytesSpilled) {}

  /**
   * Structured Streaming queries, from the {@code StreamingQueryListener} events Spark writes to
   * the event log (query started, one progress event per micro-batch, terminated). Sums are over
   * every progress event.
   *
   * @param queries distinct query runs started ({@code runId})
   * @param microBatches progress events, one per micro-batch
   * @param inputRows the sources' {@code numInputRows}
   * @param triggerExecutionMs {@code durationMs.triggerExecution}: the micro-batches' own time
   * @param maxTriggerExecutionMs the longest micro-batch
   * @param stateShufflePartitions the most {@code numShufflePartitions} of a stateful operator, 0
   *     for stateless queries; Spark fixes it in the checkpoint at a query's first start
   * @param failedQueries queries that terminated with an exception
   */
  public record Streaming(
      int queries,
      long microBatches,
      long inputRows,
      long triggerExecutionMs,
      long maxTriggerExecutionMs,
      int stateShufflePartitions,
      int failedQueries) {
    /** A log without streaming queries. */
    public static final Streaming NONE = new Streaming(0, 0, 0, 0, 0, 0, 0);
  }

  /**
   * What the reader read and skipped.
   *
   * @param files the files read, in order
   * @param bytes uncompressed bytes read
   * @param lines lines read (blank lines included)
   * @param events lines that were events
   * @param garbageLines non-blank lines skipped because they are not a JSON object with an {@code
   *     Event} field (e.g. a truncated last line)
   * @param garbageExamples where the first skipped lines were (at most 5, {@code file:line: why})
   * @param unknownEvents events of a type this reader does not know, counted and ignored
   * @param unknownEventTypes unknown event type → count (at most 50 types)
   * @param overlongLines lines longer than {@code maxLineBytes}, skipped unread
   * @param maxLineBytes the longest line read ({@link EventLogs#MAX_LINE_BYTES})
   * @param missingChunks indices {@code n} of rolling parts {@code events_<n>_<app>} missing from
   *     the folder (at most {@link EventLogs#MAX_MISSING_CHUNKS_LISTED}); the profile then covers
   *     part of the application and is not complete
   */
  public record ParseStats(
      List<String> files,
      long bytes,
      long lines,
      long events,
      int garbageLines,
      List<String> garbageExamples,
      int unknownEvents,
      Map<String, Integer> unknownEventTypes,
      int overlongLines,
      int maxLineBytes,
      List<Long> missingChunks) {
    // Copies the collections.
    public ParseStats {
      files = List.copyOf(files);
      garbageExamples = List.copyOf(garbageExamples);
      unknownEventTypes = copyOrdered(unknownEventTypes);
      missingChunks = List.copyOf(missingChunks);
    }

    /**
     * What a reader of any result from this log must know: missing rolling parts, skipped over-long
     * and garbage lines; one sentence each, none when the log was read whole.
     *
     * @return the warnings
     */
    public List<String> warnings() {
      List<String> w = new ArrayList<>();
      if (!missingChunks.isEmpty()) {
        w.add(
            String.format(
                Locale.ROOT,
                "rolling event log part(s) %s are missing (events_<n>_ numbering has gaps): every"
                    + " figure covers only the parts present, and the application counts as"
                    + " incomplete",
                missingChunks.stream().map(String::valueOf).collect(Collectors.joining(", "))));
      }
      if (overlongLines > 0) {
        w.add(
            String.format(
                Locale.ROOT,
                "%d line(s) longer than the %d MiB line limit were skipped unread",
                overlongLines,
                maxLineBytes >> 20));
      }
      if (garbageLines > 0) {
        w.add(
            String.format(
                Locale.ROOT,
                "%d line(s) that are not Spark events were skipped (%s)",
                garbageLines,
                String.join("; ", garbageExamples)));
      }
      return w;
    }
  }

  private static <K, V> Map<K, V> copyOrdered(Map<K, V> map) {
    Map<K, V> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
    return Collections.unmodifiableMap(copy);
  }
}
