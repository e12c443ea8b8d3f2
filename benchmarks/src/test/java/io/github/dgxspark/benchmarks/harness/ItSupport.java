package io.github.dgxspark.benchmarks.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/** What the integration tests share: job timeouts, the class path, reading event logs. */
final class ItSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ItSupport() {}

  /**
   * The class path executors need: Failsafe's real test class path, not its booter jar.
   *
   * @return the class path
   */
  static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /**
   * Runs Spark work with a timeout; on timeout cancels the session's jobs.
   *
   * @param spark the session
   * @param minutes the timeout
   * @param work the work
   * @param <T> its result
   * @return the result
   * @throws AssertionError on timeout or failure
   */
  static <T> T withTimeout(SparkSession spark, long minutes, Supplier<T> work) {
    CompletableFuture<T> f = CompletableFuture.supplyAsync(work);
    try {
      return f.get(minutes, TimeUnit.MINUTES);
    } catch (TimeoutException e) {
      spark.sparkContext().cancelAllJobs();
      throw new AssertionError("Spark job did not finish within " + minutes + " minutes", e);
    } catch (ExecutionException e) {
      throw new AssertionError("Spark job failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * The events of an uncompressed, non-rolling event log.
   *
   * @param file the log
   * @return one JSON object per line
   */
  static List<JsonNode> events(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return events(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The events of an event-log stream.
   *
   * @param in the decompressed stream
   * @return one JSON object per line
   * @throws IOException if reading fails
   */
  static List<JsonNode> events(InputStream in) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (!line.isBlank()) {
        events.add(JSON.readTree(line));
      }
    }
    return events;
  }
}
