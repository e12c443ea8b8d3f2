package io.github.dgxspark.runtime;

import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.models.eventlog.ApplicationProfile;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import io.github.dgxspark.models.recommendations.Change;
import io.github.dgxspark.models.recommendations.Recommendation;
import io.github.dgxspark.models.recommendations.Recommender;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerApplicationStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spark listener that learns from every run, kept local: at application end it reads the
 * application's own event log, appends the measured run to the user's performance history (the file
 * {@code history add} writes) and logs the advice for the next run in the driver log (INFO, logger
 * {@code io.github.dgxspark.runtime.HistoryListener}).
 *
 * <p>Enable it with the runtime jar on the driver and one setting:
 *
 * <pre>{@code
 * spark-submit --jars dgx-spark-runtime.jar \
 *   --conf spark.extraListeners=io.github.dgxspark.runtime.HistoryListener \
 *   --conf spark.eventLog.enabled=true ...
 * }</pre>
 *
 * <p>It needs the event log ({@code spark.eventLog.enabled=true}) in a local or mounted {@code
 * spark.eventLog.dir}; the history file is {@value #HISTORY_KEY} (default {@code
 * ~/.dgx-spark/history.json} of the driver's user). It never breaks or slows the job: it does
 * nothing until the application ends, every failure is caught and logged as one WARN line, and at
 * most {@link #LOG_WAIT} is spent waiting for Spark to write the application's end to the log
 * (this, and reading the log, add to {@code SparkContext.stop()}, after the last job).
 */
public final class HistoryListener extends SparkListener {
  /** The setting that chooses the history file. */
  public static final String HISTORY_KEY = "spark.dgxspark.history.file";

  /** The longest wait for the event log to hold the application's end. */
  public static final Duration LOG_WAIT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(HistoryListener.class);
  private static final int ADVICE_SHOWN = 3;

  private final Optional<Path> eventLogDir;
  private final Path history;
  private volatile String appId;
  private volatile Optional<String> attemptId = Optional.empty();

  /**
   * Called by Spark with the application's configuration; never throws (a bad setting disables the
   * listener with a WARN line).
   *
   * @param conf the application's Spark configuration
   */
  public HistoryListener(SparkConf conf) {
    Optional<Path> dir = Optional.empty();
    Path file = PerformanceHistory.defaultFile();
    try {
      file = Path.of(conf.get(HISTORY_KEY, file.toString()));
      if (!conf.getBoolean("spark.eventLog.enabled", false)) {
        LOG.warn(
            "dgx-spark: spark.eventLog.enabled is false, so this run cannot be recorded in the"
                + " history; set spark.eventLog.enabled=true");
      } else {
        dir = localDir(conf.get("spark.eventLog.dir", "/tmp/spark-events"));
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("dgx-spark: the history listener is off: {}", String.valueOf(e));
    }
    this.eventLogDir = dir;
    this.history = file;
  }

  private static Optional<Path> localDir(String dir) {
    URI uri = URI.create(dir.strip());
    if (uri.getScheme() == null) {
      return Optional.of(Path.of(dir.strip()));
    }
    if (uri.getScheme().equals("file")) {
      return Optional.of(Path.of(uri));
    }
    LOG.warn(
        "dgx-spark: spark.eventLog.dir {} is not a local folder, so this run cannot be recorded;"
            + " run 'dgx-spark-mcp history add LOG' on a copy of the log",
        dir);
    return Optional.empty();
  }

  @Override
  public void onApplicationStart(SparkListenerApplicationStart start) {
    try {
      appId = start.appId().isDefined() ? start.appId().get() : null;
      attemptId =
          start.appAttemptId().isDefined()
              ? Optional.of(start.appAttemptId().get())
              : Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("dgx-spark: the history listener is off: {}", String.valueOf(e));
    }
  }

  @Override
  public void onApplicationEnd(SparkListenerApplicationEnd end) {
    if (eventLogDir.isEmpty() || appId == null) {
      return;
    }
    try {
      record(eventLogDir.get());
    } catch (RuntimeException | LinkageError e) {
      LOG.warn(
          "dgx-spark: the run of {} was not recorded in {}: {}",
          appId,
          history,
          String.valueOf(e.getMessage() == null ? e : e.getMessage())
              .replaceAll("\\s*[\r\n]+\\s*", "; "));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void record(Path dir) throws InterruptedException {
    Path log = logOf(dir);
    ApplicationProfile profile = completed(log);
    PerformanceRun run = PerformanceRun.fromEventLog(profile, finalName(log), Instant.now());
    PerformanceHistory.append(history, run);
    LOG.info(
        "dgx-spark: recorded {} in {} ({}, {} executor{} x {} cores, {} s)",
        appId,
        history,
        run.workload(),
        run.executors(),
        run.executors() == 1 ? "" : "s",
        run.executorCores(),
        String.format(Locale.ROOT, "%.1f", run.wallTime().toMillis() / 1000.0));
    List<Recommendation> advice = Recommender.generateRecommendations(profile).recommendations();
    if (advice.isEmpty()) {
      LOG.info("dgx-spark: no advice for the next run of {}", appId);
    }
    for (Recommendation r : advice.subList(0, Math.min(ADVICE_SHOWN, advice.size()))) {
      LOG.info(
          "dgx-spark: for the next run: {}: {} ({})", r.title(), flags(r.changes()), r.reason());
    }
  }

  /** The changes as spark-submit flags on one line, quoted where the shell needs it. */
  private static String flags(List<Change> changes) {
    SparkConfig c = SparkConfig.empty();
    for (Change change : changes) {
      c = c.with(change.key(), change.proposed());
    }
    return c.toSubmitCommandLine().replace(" \\\n", " ").strip();
  }

  /**
   * The application's log in the folder: Spark names it after the sanitised application and attempt
   * id ({@code EventLogFileWriter.nameForAppAndAttempt} and {@code Utils.sanitizeDirName},
   * apache/spark v3.5.8 and v4.1.3), one file {@code <name>[.<codec>][.inprogress]} or a rolling
   * folder {@code eventlog_v2_<name>}.
   */
  private Path logOf(Path dir) {
    String name = sanitize(appId) + attemptId.map(a -> "_" + sanitize(a)).orElse("");
    Path rolling = dir.resolve("eventlog_v2_" + name);
    if (Files.isDirectory(rolling)) {
      return rolling;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, name + "*")) {
      for (Path p : entries) {
        String f = p.getFileName().toString();
        if (f.equals(name) || f.startsWith(name + ".")) {
          return p;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("event log folder " + dir + " cannot be read: " + e, e);
    }
    throw new IllegalStateException(
        "no event log named " + name + " or eventlog_v2_" + name + " in " + dir);
  }

  private static String sanitize(String s) {
    return s.replaceAll("[ :/]", "-").replaceAll("[.${}'\"]", "_").toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the log until it holds the application's end, at most {@link #LOG_WAIT}: Spark's event
   * log queue runs on its own thread and may still be writing. It renames {@code x.inprogress} to
   * {@code x} only after every listener, this one included, has finished.
   */
  private static ApplicationProfile completed(Path log) throws InterruptedException {
    long deadline = System.nanoTime() + LOG_WAIT.toNanos();
    while (true) {
      ApplicationProfile p = EventLogs.read(log);
      if (p.endTime().isPresent() || System.nanoTime() > deadline) {
        return p;
      }
      Thread.sleep(200);
    }
  }

  /** The name the log keeps once Spark renamed {@code x.inprogress} to {@code x}. */
  private static String finalName(Path log) {
    String s = log.toString();
    return s.endsWith(".inprogress") ? s.substring(0, s.length() - ".inprogress".length()) : s;
  }
}
