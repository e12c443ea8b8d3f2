package io.github.dgxspark.benchmarks.harness;

import io.github.dgxspark.core.DgxSparkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.status.api.v1.ExecutorSummary;
import scala.jdk.javaapi.CollectionConverters;

/** Runs one {@link RunSpec} in this JVM: session, executors, the timed workload, the event log. */
final class SparkRun {
  /** Longest wait for executors to register. */
  static final long EXECUTOR_WAIT_MILLIS = 120_000;

  private SparkRun() {}

  /**
   * Runs the spec to completion and stops the session.
   *
   * @param spec the run
   * @return the measurement
   * @throws DgxSparkException if executors do not register in time or the workload fails
   */
  static RunResult execute(RunSpec spec) {
    SparkWorkload workload = Workloads.byId(spec.workload());
    Path workDir = Path.of(spec.workDir());
    Path eventLogDir = Path.of(spec.eventLogDir());
    try {
      Files.createDirectories(workDir);
      Files.createDirectories(eventLogDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + workDir + " or " + eventLogDir, e);
    }
    long t0 = System.nanoTime();
    SparkSession.Builder builder = SparkSession.builder().master(spec.master());
    spec.config().forEach((k, v) -> builder.config(k, v));
    spec.plumbing().forEach((k, v) -> builder.config(k, v));
    builder.config("spark.eventLog.dir", eventLogDir.toUri().toString());
    SparkSession spark = builder.getOrCreate();
    try {
      SparkContext sc = spark.sparkContext();
      awaitExecutors(sc, spec.expectedExecutors());
      long sessionMillis = (System.nanoTime() - t0) / 1_000_000;
      long start = System.nanoTime();
      WorkloadOutcome outcome = workload.run(spark, spec.scale(), workDir);
      long wallMillis = (System.nanoTime() - start) / 1_000_000;
      int executors;
      int cores;
      long memory;
      List<ExecutorSummary> list = executors(sc);
      if (spec.expectedExecutors() == 0) {
        executors = 1;
        cores = list.get(0).totalCores();
        memory = Runtime.getRuntime().maxMemory();
      } else {
        executors = list.size();
        cores = list.get(0).totalCores();
        memory =
            sc.getConf()
                .getSizeAsBytes("spark.executor.memory", Deployment.SPARK_DEFAULT_EXECUTOR_MEMORY);
      }
      String appId = sc.applicationId();
      String version = spark.version();
      spark.stop();
      return new RunResult(
          spec,
          wallMillis,
          sessionMillis,
          executors,
          cores,
          memory,
          outcome.inputRows(),
          outcome.figures(),
          appId,
          eventLog(eventLogDir, appId).toString(),
          version);
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }

  /**
   * Waits until the cluster has granted the executors.
   *
   * @param sc the context
   * @param expected executors to wait for; 0 returns at once
   * @throws DgxSparkException after {@link #EXECUTOR_WAIT_MILLIS} without them
   */
  static void awaitExecutors(SparkContext sc, int expected) {
    long deadline = System.currentTimeMillis() + EXECUTOR_WAIT_MILLIS;
    while (executors(sc).size() < expected) {
      if (System.currentTimeMillis() > deadline) {
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "only %d of %d executors registered within %d s on %s",
                executors(sc).size(),
                expected,
                EXECUTOR_WAIT_MILLIS / 1000,
                sc.master()));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DgxSparkException("interrupted while waiting for executors", e);
      }
    }
  }

  /**
   * The active executors from Spark's status store; in local mode the driver, else the executors
   * without the driver.
   *
   * @param sc the context
   * @return their summaries
   */
  static List<ExecutorSummary> executors(SparkContext sc) {
    List<ExecutorSummary> all = CollectionConverters.asJava(sc.statusStore().executorList(true));
    if (sc.isLocal()) {
      return all;
    }
    return all.stream().filter(e -> !e.id().equals("driver")).collect(Collectors.toList());
  }

  /**
   * The finished event log of an application: a file {@code <appId>[.codec]} or a rolling folder
   * {@code eventlog_v2_<appId>}.
   *
   * @param dir the event log folder
   * @param appId the application id
   * @return its path
   * @throws DgxSparkException if there is none
   */
  static Path eventLog(Path dir, String appId) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().contains(appId))
          .filter(p -> !p.getFileName().toString().endsWith(".inprogress"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .findFirst()
          .orElseThrow(
              () ->
                  new DgxSparkException(
                      "no finished event log for " + appId + " in " + dir.toAbsolutePath()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * The Spark version on the class path.
   *
   * @return e.g. {@code 4.1.3}
   */
  static String sparkVersion() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }

  /**
   * Settings every run gets, whatever is measured: event log on, UI off, loopback addresses, and
   * the executors' class path (the harness's own, as Maven's jars are not in a Spark distribution).
   *
   * @param classPath the class path executors load
   * @return key → value
   */
  static Map<String, String> plumbing(String classPath) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("spark.eventLog.enabled", "true");
    m.put("spark.ui.enabled", "false");
    m.put("spark.driver.host", "127.0.0.1");
    m.put("spark.driver.bindAddress", "127.0.0.1");
    m.put("spark.executor.extraClassPath", classPath);
    return m;
  }
}
