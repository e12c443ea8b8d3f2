package io.github.dgxspark.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.models.perf.PerformanceHistory;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HistoryListener} in a real Spark driver of the version under test, enabled as a user
 * would: {@code spark.extraListeners} and the event log on, with that version's default log format
 * (3.5: one plain file; 4.x: a rolling folder of zstd parts).
 */
class HistoryListenerIT {
  static final long ROWS = 300_000;
  static final int KEYS = 13;

  @TempDir Path tmp;

  static SparkSession session(Path events, Path history) throws IOException {
    Files.createDirectories(events);
    return SparkSession.builder()
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.extraListeners", HistoryListener.class.getName())
        .config("spark.eventLog.enabled", "true")
        .config("spark.eventLog.dir", events.toUri().toString())
        .config(HistoryListener.HISTORY_KEY, history.toString())
        .getOrCreate();
  }

  static void stop(SparkSession spark) {
    spark.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  /** Sum of the ids per key: a shuffle job whose answer is known without Spark. */
  static Map<Long, Long> job(SparkSession spark) {
    return spark
        .range(ROWS)
        .selectExpr("id % " + KEYS + " AS k", "id AS v")
        .groupBy("k")
        .sum("v")
        .collectAsList()
        .stream()
        .collect(
            Collectors.toMap(r -> r.getLong(0), (Row r) -> r.getLong(1), Long::sum, TreeMap::new));
  }

  static Map<Long, Long> expected() {
    Map<Long, Long> sums = new TreeMap<>();
    for (long id = 0; id < ROWS; id++) {
      sums.merge(id % KEYS, id, Long::sum);
    }
    return sums;
  }

  @Test
  void listener_recordsTheRunInTheHistoryAtApplicationEnd() throws IOException {
    Path history = tmp.resolve("home/.dgx-spark/history.json");
    SparkSession spark = session(tmp.resolve("events"), history);
    String appId = spark.sparkContext().applicationId();
    assertEquals(expected(), job(spark));
    long stopStart = System.nanoTime();
    stop(spark);
    System.out.printf(
        "Spark %s: stop() with the listener recording took %d ms%n",
        System.getProperty("it.spark.version"), (System.nanoTime() - stopStart) / 1_000_000);

    List<PerformanceRun> runs = PerformanceHistory.load(history).runs();
    assertEquals(1, runs.size(), runs.toString());
    PerformanceRun run = runs.get(0);
    assertEquals(appId, run.applicationId().orElseThrow());
    assertEquals(PerformanceRun.EVENT_LOG, run.source());
    assertEquals(System.getProperty("it.spark.version"), run.sparkVersion());
    assertEquals("user event log: master local[2]", run.machine());
    assertTrue(Files.exists(Path.of(run.eventLog().orElseThrow())), run.eventLog().orElseThrow());
    assertTrue(run.recordedAt().isPresent());
  }

  @Test
  void listener_failingInternally_leavesTheJobAndTheHistoryFileAlone() throws IOException {
    // a history file that is not a history: the listener's append fails at application end
    Path history = Files.writeString(tmp.resolve("history.json"), "{\"runs\": [ broken");
    SparkSession spark = session(tmp.resolve("events-broken"), history);
    long start = System.nanoTime();
    Map<Long, Long> result = job(spark);
    long jobMs = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    stop(spark);
    System.out.printf(
        "Spark %s, listener failing: job %d ms, stop() %d ms%n",
        System.getProperty("it.spark.version"), jobMs, (System.nanoTime() - start) / 1_000_000);
    assertEquals(expected(), result);
    assertEquals("{\"runs\": [ broken", Files.readString(history));
  }
}
