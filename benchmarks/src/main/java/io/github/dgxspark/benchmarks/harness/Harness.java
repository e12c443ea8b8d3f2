package io.github.dgxspark.benchmarks.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * The real-Spark harness: runs real workloads on Apache Spark once with Spark's defaults and once
 * with the config {@link SparkConfigOptimizer} recommends for this machine, each run in a fresh JVM
 * with event logs on, appends every run to the performance history and reports the time ratio
 * recommended ÷ default per workload (goal: none above 1.05, the recommendation never meaningfully
 * slower; the median gain is reported without a goal, see benchmarks/README.md). With {@code
 * --impact-check} it runs {@link ImpactCheck} instead.
 *
 * <p>Run (Spark is a {@code provided} dependency, so Maven supplies its class path):
 *
 * <pre>{@code
 * ./mvnw -B -o -q install -DskipTests -pl benchmarks
 * ./mvnw -B -o -q -pl benchmarks exec:exec@harness \
 *     -Dharness.args="--scales 0.5,1 --deployments local,cluster-2 --repeats 3 \
 *     --history data/performance-history.json --codec-logs data/eventlogs/harness"
 * }</pre>
 *
 * <p>Options: {@code --workloads} (etl, sql-analytics, ml-training, streaming, graph; default all),
 * {@code --scales} (data scale factors, default 1), {@code --deployments} ({@code local} and/or
 * {@code cluster-N}, default local), {@code --repeats} (runs of each config, default 2, their
 * median counts), {@code --out} (work folder, default {@code target/harness}), {@code --history}
 * (append the runs to this performance history file), {@code --ablate} (keys: also run the
 * recommended config without each key, to find which key makes a job slower), {@code --try}
 * (KEY=VALUE pairs: also run the recommended config with each, to measure a candidate change before
 * the optimizer makes it), {@code --codec-logs} (also write a small event log in each of Spark's
 * codecs to this folder), {@code --timeout-minutes} (per run, default 15).
 *
 * <p>A run that fails (Spark's 1 GiB default heap running out of memory is the usual case) or runs
 * past the time limit is reported with its cause and not repeated; {@link Report} says how such a
 * cell counts towards the goal.
 */
public final class Harness {
  /** The ratio recommended ÷ default above which a recommendation counts as making a job slower. */
  static final double SLOWER_RATIO = 1.05;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Harness() {}

  /**
   * Runs the harness.
   *
   * @param args the options described in the class comment
   * @throws DgxSparkException if an option is wrong; a run that fails is reported, not thrown
   */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args);
      return;
    }
    HarnessOptions options = HarnessOptions.parse(args);
    if (options.help()) {
      System.out.println(HarnessOptions.USAGE);
      return;
    }
    if (options.impact().isPresent()) {
      ImpactCheck.Outcome outcome = ImpactCheck.run(options, String.join(" ", args), System.out);
      System.out.println(ImpactCheck.report(outcome));
      return;
    }
    Report report = run(options, String.join(" ", args), System.out);
    System.out.println(report.text());
  }

  /**
   * Runs every configured cell, appends the runs to the history and writes the codec logs.
   *
   * @param options what to run
   * @param command the command line, recorded with each run
   * @param log where progress goes
   * @return the report
   */
  static Report run(HarnessOptions options, String command, PrintStream log) {
    Machine machine = Machine.local();
    log.println("machine: " + machine.description() + ", Spark " + SparkRun.sparkVersion());
    ChildLauncher launcher = new ChildLauncher(options.out(), options.timeoutMinutes());
    if (options.codecLogs().isPresent()) {
      writeCodecLogs(options.codecLogs().get(), options.out(), launcher.plumbing(), log);
    }
    List<RunResult> results = new ArrayList<>();
    List<FailedRun> failures = new ArrayList<>();
    int runNo = 0;
    Instant now = Instant.now();
    for (Deployment deployment : options.deployments()) {
      for (SparkWorkload workload : options.workloads()) {
        for (double scale : options.scales()) {
          long bytes = workload.inputBytes(scale);
          OptimizationResult recommended =
              SparkConfigOptimizer.optimize(
                  deployment.cluster(machine.node()),
                  WorkloadSpec.of(workload.type(), bytes, ExecutionMode.CPU));
          Map<String, Map<String, String>> variants = new LinkedHashMap<>();
          variants.put("default", Map.of());
          variants.put("recommended", recommended.config().entries());
          for (String key : options.ablate()) {
            if (recommended.config().entries().containsKey(key)) {
              variants.put(
                  "recommended-without:" + key, recommended.config().without(key).entries());
            }
          }
          options
              .trials()
              .forEach(
                  (key, value) ->
                      variants.put(
                          "recommended-with:" + key + "=" + value,
                          recommended.config().with(key, value).entries()));
          List<String> kinds = new ArrayList<>(variants.keySet());
          List<RunResult> cell = new ArrayList<>();
          Set<String> failedKinds = new HashSet<>();
          for (int rep = 0; rep < options.repeats(); rep++) {
            // rotate the order so that neither config always runs first (warm page cache, JIT)
            for (int k = 0; k < kinds.size(); k++) {
              String kind = kinds.get((k + rep) % kinds.size());
              if (failedKinds.contains(kind)) {
                // one failed run fails the config in the report; repeating it only costs time
                continue;
              }
              Map<String, String> config = variants.get(kind);
              String id =
                  String.format(
                      Locale.ROOT,
                      "%03d-%s-%s-s%s-%s",
                      ++runNo,
                      deployment.id(),
                      workload.type().id(),
                      scaleText(scale),
                      kind.replaceAll("[^A-Za-z0-9._-]", "-"));
              RunSpec spec =
                  new RunSpec(
                      workload.type().id(),
                      scale,
                      deployment.id(),
                      deployment.master(recommended, config),
                      deployment.expectedExecutors(recommended, config),
                      kind,
                      config,
                      launcher.plumbing(),
                      config.getOrDefault(
                          "spark.driver.memory", Deployment.SPARK_DEFAULT_DRIVER_MEMORY),
                      options.out().resolve("work").resolve(id).toString(),
                      options.out().resolve("eventlogs").toString());
              RunAttempt attempt = launcher.run(id, spec);
              // the output is not needed once measured; deleting it also drops its dirty pages,
              // whose writeback (30 s later by default) would otherwise slow the next run
              deleteTree(Path.of(spec.workDir()));
              if (attempt instanceof FailedRun f) {
                log.printf(Locale.ROOT, "%s: FAILED (%s); log %s%n", id, f.reason(), f.logPath());
                failures.add(f);
                failedKinds.add(kind);
                continue;
              }
              RunResult r = (RunResult) attempt;
              log.printf(
                  Locale.ROOT,
                  "%s: %d ms (session %d ms, %d executor(s) x %d core(s), %s heap)%n",
                  id,
                  r.wallTimeMillis(),
                  r.sessionStartMillis(),
                  r.executors(),
                  r.executorCores(),
                  ByteSizes.format(r.executorMemoryBytes()));
              cell.add(r);
            }
          }
          // append cell by cell, so that an interrupted run keeps what it measured
          if (options.history().isPresent() && !cell.isEmpty()) {
            PerformanceHistoryFile.append(
                options.history().get(),
                cell,
                machine,
                cell.stream().map(r -> bytes).toList(),
                Instant.now(),
                command);
            log.println("appended " + cell.size() + " runs to " + options.history().get());
          }
          results.addAll(cell);
        }
      }
    }
    return Report.of(results, failures, machine, now, command);
  }

  /** Event-log settings of each codec variant: name → settings. */
  static Map<String, Map<String, String>> codecVariants() {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    m.put(
        "plain",
        Map.of("spark.eventLog.rolling.enabled", "false", "spark.eventLog.compress", "false"));
    for (String codec : List.of("lz4", "snappy", "zstd")) {
      m.put(
          codec,
          Map.of(
              "spark.eventLog.rolling.enabled", "false",
              "spark.eventLog.compress", "true",
              "spark.eventLog.compression.codec", codec));
    }
    m.put(
        "rolling-zstd",
        Map.of(
            "spark.eventLog.rolling.enabled", "true",
            "spark.eventLog.compress", "true",
            "spark.eventLog.compression.codec", "zstd"));
    return m;
  }

  private static void writeCodecLogs(
      Path dir, Path out, Map<String, String> basePlumbing, PrintStream log) {
    for (Map.Entry<String, Map<String, String>> v : codecVariants().entrySet()) {
      Path target = dir.resolve(v.getKey());
      deleteTree(target);
      Map<String, String> plumbing = new LinkedHashMap<>(basePlumbing);
      plumbing.putAll(v.getValue());
      RunSpec spec =
          new RunSpec(
              "etl",
              0.005,
              "local",
              "local[2]",
              0,
              "default",
              Map.of(),
              plumbing,
              Deployment.SPARK_DEFAULT_DRIVER_MEMORY,
              out.resolve("work").resolve("codec-" + v.getKey()).toString(),
              target.toString());
      // not a measurement: run in this JVM, which saves a JVM and Spark start per codec
      RunResult r = SparkRun.execute(spec);
      deleteChecksums(target);
      log.println("event log (" + v.getKey() + "): " + r.eventLogPath());
    }
  }

  private static void deleteChecksums(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".crc")).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + dir, e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  static String scaleText(double scale) {
    return scale == Math.rint(scale)
        ? Long.toString((long) scale)
        : Double.toString(scale).replace('.', 'p');
  }

  /** Child mode: {@code --child SPEC.json RESULT.json} runs one spec and writes its result. */
  private static void child(String[] args) {
    if (args.length != 3) {
      throw new DgxSparkException(
          "--child takes SPEC.json RESULT.json; got " + Arrays.toString(args));
    }
    try {
      RunSpec spec = JSON.readValue(Path.of(args[1]).toFile(), RunSpec.class);
      RunResult result = SparkRun.execute(spec);
      JSON.writeValue(Path.of(args[2]).toFile(), result);
    } catch (IOException e) {
      throw new UncheckedIOException("child run " + args[1] + " failed", e);
    }
  }

  /** Starts child JVMs, one per run, with Spark's JVM flags and the driver heap as -Xmx. */
  static final class ChildLauncher {
    private final Path out;
    private final long timeoutMinutes;
    // under Surefire/Failsafe java.class.path is only the booter jar; executors need the real one
    private final String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    private final Path sparkHome;

    ChildLauncher(Path out, long timeoutMinutes) {
      this.out = Objects.requireNonNull(out, "out");
      this.timeoutMinutes = timeoutMinutes;
      String env = System.getenv("SPARK_HOME");
      this.sparkHome = env != null ? Path.of(env) : out.resolve("spark-home");
      try {
        // local-cluster's workers need SPARK_HOME/jars to exist (apache/spark launcher
        // CommandBuilderUtils.findJarsDir fails without it); it stays empty
        Files.createDirectories(sparkHome.resolve("jars"));
        Files.createDirectories(out.resolve("logs"));
        Files.createDirectories(out.resolve("specs"));
        Files.writeString(
            out.resolve("log4j2.properties"),
            String.join(
                "\n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.stdout.ref = console",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.target = SYSTEM_ERR",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n",
                "logger.nativecode.name = org.apache.hadoop.util.NativeCodeLoader",
                "logger.nativecode.level = error",
                ""));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare " + out, e);
      }
    }

    Map<String, String> plumbing() {
      return SparkRun.plumbing(classPath);
    }

    /**
     * Runs the spec in a child JVM.
     *
     * @param id the run's id, used for its spec, result and log files
     * @param spec the run
     * @return its result, or a {@link FailedRun} when the child failed or ran out of time
     * @throws UncheckedIOException if the child cannot be started or its files cannot be written
     */
    RunAttempt run(String id, RunSpec spec) {
      Path specFile = out.resolve("specs").resolve(id + ".json");
      Path resultFile = out.resolve("specs").resolve(id + ".result.json");
      Path logFile = out.resolve("logs").resolve(id + ".log");
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx" + ByteSizes.parseBytes(spec.driverMemory()) / ByteSizes.MIB + "m");
      // spark-submit starts a client-mode driver with these options; so does the harness
      cmd.addAll(javaOptions(spec.config().getOrDefault("spark.driver.extraJavaOptions", "")));
      cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
      cmd.add("-Dlog4j2.configurationFile=" + out.resolve("log4j2.properties").toAbsolutePath());
      cmd.add("-cp");
      cmd.add(classPath);
      cmd.add(Harness.class.getName());
      cmd.add("--child");
      cmd.add(specFile.toString());
      cmd.add(resultFile.toString());
      try {
        Files.deleteIfExists(resultFile);
        JSON.writeValue(specFile.toFile(), spec);
        ProcessBuilder pb =
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toAbsolutePath().toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          return new FailedRun(
              spec,
              "did not finish within " + timeoutMinutes + " minutes",
              logFile.toString(),
              TimeUnit.MINUTES.toMillis(timeoutMinutes));
        }
        if (p.exitValue() != 0 || !Files.exists(resultFile)) {
          return new FailedRun(
              spec,
              failureReason(Files.readAllLines(logFile), p.exitValue()),
              logFile.toString(),
              0);
        }
        return JSON.readValue(resultFile.toFile(), RunResult.class);
      } catch (IOException e) {
        throw new UncheckedIOException("run " + id + " could not be started or read", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DgxSparkException("interrupted during run " + id, e);
      }
    }

    /**
     * Splits a Java options string as spark-submit's launcher does ({@code
     * CommandBuilderUtils.parseOptionString}): whitespace separates options; single quotes keep
     * their text as it is; double quotes group text in which a backslash escapes the next
     * character, as it does outside quotes.
     *
     * @param options e.g. {@code -Da=1 "-Dname=two words"}
     * @return the options, in order
     * @throws DgxSparkException if a quote is not closed or the string ends in a backslash
     */
    static List<String> javaOptions(String options) {
      List<String> out = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      boolean inOption = false;
      char quote = 0;
      for (int i = 0; i < options.length(); i++) {
        char ch = options.charAt(i);
        if (ch == '\\' && quote != '\'') {
          if (i + 1 == options.length()) {
            throw new DgxSparkException(
                "spark.driver.extraJavaOptions '"
                    + options
                    + "' ends in a backslash; expected a"
                    + " character after it");
          }
          current.append(options.charAt(++i));
          inOption = true;
        } else if (quote != 0) {
          if (ch == quote) {
            quote = 0;
          } else {
            current.append(ch);
          }
        } else if (ch == '\'' || ch == '"') {
          quote = ch;
          inOption = true;
        } else if (Character.isWhitespace(ch)) {
          if (inOption) {
            out.add(current.toString());
            current.setLength(0);
            inOption = false;
          }
        } else {
          current.append(ch);
          inOption = true;
        }
      }
      if (quote != 0) {
        throw new DgxSparkException(
            "spark.driver.extraJavaOptions '"
                + options
                + "' has an unclosed "
                + quote
                + " quote; expected it closed");
      }
      if (inOption) {
        out.add(current.toString());
      }
      return out;
    }

    /**
     * The cause of a failed run from its log: the JVM's out-of-memory error if there is one (Spark
     * wraps it in several exceptions), else the innermost "Caused by", else the first exception
     * line, else the exit code.
     *
     * @param log the child's log lines
     * @param exitCode the child's exit code
     * @return one line, at most 200 characters
     */
    static String failureReason(List<String> log, int exitCode) {
      String found = null;
      for (String line : log) {
        int oom = line.indexOf("java.lang.OutOfMemoryError");
        if (oom >= 0) {
          found = line.substring(oom);
          break;
        }
      }
      if (found == null) {
        for (String line : log) {
          String t = line.strip();
          if (t.startsWith("Caused by: ")) {
            found = t.substring("Caused by: ".length());
          } else if (found == null && t.startsWith("Exception in thread ")) {
            found = t.substring(t.indexOf('"', t.indexOf('"') + 1) + 1).strip();
          }
        }
      }
      String reason = found == null ? "exit code " + exitCode : found.strip();
      return reason.length() <= 200 ? reason : reason.substring(0, 199) + "…";
    }
  }
}
