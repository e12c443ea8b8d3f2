package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdInputStream;
import io.github.dgxspark.models.perf.PerformanceRun;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jpountz.lz4.LZ4BlockInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xerial.snappy.SnappyInputStream;

/**
 * The harness end to end at a tiny scale: child JVMs run the default and the recommended config,
 * the runs are appended to a history file with their provenance, the report gives their ratio, and
 * one event log per codec is written that the codec's own library reads back.
 */
class HarnessIT {
  @TempDir static Path tmp;
  static Report report;
  static Path history;
  static Path codecs;
  static String progress;
  static final String TRIAL_KEY = "spark.sql.shuffle.partitions";

  @BeforeAll
  static void runHarness() throws Exception {
    history = tmp.resolve("performance-history.json");
    codecs = tmp.resolve("codec-logs");
    Files.writeString(
        history,
        "{\"description\":\"kept\",\"runs\":[{\"source\":\"earlier\",\"workload\":\"earlier\","
            + "\"executors\":1,\"executorCores\":1,\"wallTimeMillis\":1000}]}");
    HarnessOptions options =
        HarnessOptions.parse(
            new String[] {
              "--workloads",
              "etl",
              "--scales",
              "0.01",
              "--repeats",
              "1",
              "--out",
              tmp.resolve("out").toString(),
              "--history",
              history.toString(),
              "--codec-logs",
              codecs.toString(),
              "--try",
              TRIAL_KEY + "=3",
              "--timeout-minutes",
              "5"
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report = Harness.run(options, "HarnessIT", new PrintStream(out, true, StandardCharsets.UTF_8));
    progress = out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void history_keepsEarlierRunsAndAppendsEveryConfigWithProvenance() throws Exception {
    JsonNode root = new ObjectMapper().readTree(history.toFile());
    assertEquals("kept", root.path("description").asText());
    JsonNode runs = root.path("runs");
    assertEquals(4, runs.size(), progress);
    assertEquals("earlier", runs.get(0).path("workload").asText());
    assertEquals(
        List.of("default", "recommended"),
        List.of(runs.get(1).path("configKind").asText(), runs.get(2).path("configKind").asText()));
    for (JsonNode run : List.of(runs.get(1), runs.get(2))) {
      assertEquals(PerformanceRun.HARNESS, run.path("source").asText());
      assertEquals("etl", run.path("workload").asText());
      assertEquals(SparkRun.sparkVersion(), run.path("sparkVersion").asText());
      assertTrue(run.path("wallTimeMillis").asLong() > 0);
      assertEquals(
          Runtime.getRuntime().availableProcessors(),
          run.path("machine").path("logicalCores").asInt());
      assertTrue(Files.exists(Path.of(run.path("eventLogPath").asText())), run.toString());
      assertEquals(SparkWorkload.rows(EtlWorkload.BASE_ROWS, 0.01), run.path("inputRows").asLong());
    }
    assertEquals(0, runs.get(1).path("config").size());
    JsonNode trial = runs.get(3);
    assertEquals("recommended-with:" + TRIAL_KEY + "=3", trial.path("configKind").asText());
    assertEquals("3", trial.path("config").path(TRIAL_KEY).asText());
    assertNotEquals("3", runs.get(2).path("config").path(TRIAL_KEY).asText());
    ObjectNode trialRest = ((ObjectNode) trial.path("config")).deepCopy();
    ObjectNode recommendedRest = ((ObjectNode) runs.get(2).path("config")).deepCopy();
    trialRest.remove(TRIAL_KEY);
    recommendedRest.remove(TRIAL_KEY);
    assertEquals(recommendedRest, trialRest, "the trial changes only its key");
    assertEquals(
        runs.get(2).path("config").path("spark.master").asText(),
        runs.get(2).path("master").asText());
  }

  @Test
  void report_givesTheRatioOfTheMeasuredTimes() {
    Report.Cell cell = report.cells().get(0);
    assertEquals("recommended", cell.configKind());
    assertEquals(cell.configMillis() / cell.defaultMillis(), cell.ratio(), 1e-9);
    assertEquals(cell.ratio(), report.workloadRatios().get("etl"), 1e-9);
    assertTrue(report.text().contains("| etl |"), report.text());
  }

  @Test
  void codecLogs_eachDecodesWithItsCodecToSparkEvents() throws Exception {
    Map<String, Path> logs;
    try (Stream<Path> s = Files.walk(codecs)) {
      logs =
          s.filter(Files::isRegularFile)
              .filter(
                  p ->
                      p.getFileName().toString().startsWith("local-")
                          || p.getFileName().toString().startsWith("events_"))
              .collect(Collectors.toMap(p -> codecs.relativize(p).getName(0).toString(), p -> p));
    }
    assertEquals(
        List.of("lz4", "plain", "rolling-zstd", "snappy", "zstd"),
        logs.keySet().stream().sorted().collect(Collectors.toList()));
    for (Map.Entry<String, Path> e : logs.entrySet()) {
      Path p = e.getValue();
      InputStream raw = Files.newInputStream(p);
      InputStream in;
      switch (e.getKey()) {
        case "lz4":
          assertTrue(p.toString().endsWith(".lz4"), p.toString());
          in = new LZ4BlockInputStream(raw);
          break;
        case "snappy":
          assertTrue(p.toString().endsWith(".snappy"), p.toString());
          in = new SnappyInputStream(raw);
          break;
        case "zstd":
        case "rolling-zstd":
          assertTrue(p.toString().endsWith(".zstd"), p.toString());
          in = new ZstdInputStream(raw);
          break;
        default:
          in = raw;
      }
      List<JsonNode> events;
      try (InputStream closing = in) {
        events = ItSupport.events(closing);
      }
      assertEquals("SparkListenerLogStart", events.get(0).path("Event").asText(), e.getKey());
      assertEquals(SparkRun.sparkVersion(), events.get(0).path("Spark Version").asText());
      assertEquals(
          "SparkListenerApplicationEnd", events.get(events.size() - 1).path("Event").asText());
    }
    try (Stream<Path> s = Files.walk(codecs)) {
      assertTrue(s.noneMatch(p -> p.toString().endsWith(".crc")));
    }
  }
}
