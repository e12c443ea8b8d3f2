package io.github.dgxspark.models.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.doubles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The scanner against a Jackson tree on real task end lines (Spark 1.5, 2.2 and a RAPIDS 3.3 log
 * with GPU out-of-memory failures): what it accepts it reads exactly as the tree does, and it never
 * accepts a cut line.
 */
class TaskEndScannerPropertyTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> LINES = taskEnds();

  private static List<String> taskEnds() {
    List<String> out = new ArrayList<>();
    for (String f :
        List.of("dr-elephant_event_log_1", "spark2-eventlog.zstd", "gpu_oom_eventlog.zstd")) {
      List<String> ends =
          IndependentCount.lines(RealLogs.of(f)).stream()
              .filter(l -> l.startsWith("{\"Event\":\"SparkListenerTaskEnd\""))
              .toList();
      // every failed end, and every 20th end
      for (int k = 0; k < ends.size(); k++) {
        if (k % 20 == 0 || !ends.get(k).contains("{\"Reason\":\"Success\"}")) {
          out.add(ends.get(k));
        }
      }
    }
    return out;
  }

  private static Gen<String> taskEndLine() {
    return arbitrary().pick(LINES);
  }

  @Test
  void acceptedLinesReadAsTheTreeReadsThem() {
    qt().withExamples(400)
        .forAll(taskEndLine())
        .checkAssert(
            line -> {
              try {
                readsAsTheTree(line);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static void readsAsTheTree(String line) throws IOException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    TaskEnd t = new TaskEnd();
    boolean accepted = new TaskEndScanner().taskEnd(bytes, 0, bytes.length, t);
    JsonNode e = MAPPER.readTree(line);
    boolean success = e.path("Task End Reason").path("Reason").asText().equals("Success");

    assertEquals(success, accepted, "the scanner takes exactly the successful ends");
    if (accepted) {
      JsonNode m = e.path("Task Metrics");
      assertEquals(e.path("Stage ID").asInt(), t.stageId);
      assertEquals(e.path("Stage Attempt ID").asInt(), t.stageAttempt);
      assertEquals(e.path("Task Info").path("Launch Time").asLong(), t.launchMillis);
      assertEquals(e.path("Task Info").path("Finish Time").asLong(), t.finishMillis);
      assertEquals(m.path("Executor Run Time").asLong(), t.runTimeMs);
      assertEquals(m.path("Executor CPU Time").asLong(), t.cpuTimeNs);
      assertEquals(m.path("JVM GC Time").asLong(), t.gcTimeMs);
      assertEquals(m.path("Input Metrics").path("Bytes Read").asLong(), t.inputBytes);
      assertEquals(m.path("Output Metrics").path("Bytes Written").asLong(), t.outputBytes);
      assertEquals(
          m.path("Shuffle Read Metrics").path("Remote Bytes Read").asLong(), t.remoteReadBytes);
      assertEquals(
          m.path("Shuffle Read Metrics").path("Local Bytes Read").asLong(), t.localReadBytes);
      assertEquals(
          m.path("Shuffle Write Metrics").path("Shuffle Bytes Written").asLong(),
          t.shuffleWriteBytes);
      assertEquals(m.path("Memory Bytes Spilled").asLong(), t.memoryBytesSpilled);
      assertEquals(m.path("Disk Bytes Spilled").asLong(), t.diskBytesSpilled);
      assertTrue(t.hasMetrics);
    }
  }

  @Test
  void everyCutLineIsDeclined() {
    qt().withExamples(400)
        .forAll(taskEndLine(), doubles().between(0, 1))
        .checkAssert(
            (line, cut) -> {
              byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
              int len = Math.min(bytes.length - 1, (int) (cut * bytes.length));
              TaskEndScanner s = new TaskEndScanner();

              assertFalse(s.taskEnd(bytes, 0, len, new TaskEnd()));
              assertFalse(s.wellFormedObject(bytes, 0, len));
            });
  }
}
