package io.github.dgxspark.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdInputStream;
import io.github.dgxspark.adapter.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history add} and {@code history list} on the adapter's real fixture logs. */
class HistoryCommandTest {
  @TempDir Path dir;

  @Test
  void addThenList_runsWithAppIdAndSource() {
    Path file = dir.resolve("sub/history.json");
    CliTest.Run add =
        CliTest.run(
            "history",
            "add",
            Fixtures.file("dr-elephant_event_log_1").toString(),
            Fixtures.file("rapids_join_eventlog.zstd").toString(),
            "--history",
            file.toString(),
            "--format",
            "json");
    assertEquals(0, add.code(), add.err());
    assertEquals(2, add.json().path("added").size());
    assertEquals(2, add.json().path("runs").asInt());
    CliTest.Run list =
        CliTest.run("history", "list", "--history", file.toString(), "--format", "json");
    assertEquals(0, list.code(), list.err());
    JsonNode runs = list.json().path("runs");
    assertEquals(2, runs.size());
    Set<String> ids = new TreeSet<>();
    for (JsonNode r : runs) {
      assertEquals("event log", r.path("source").asText());
      ids.add(r.path("appId").asText());
      assertTrue(r.path("wallTimeMs").asLong() > 0);
    }
    assertEquals(Set.of("application_1457600942802_0093", "local-1622814619968"), ids);
    // adding again appends: the history keeps every measured run
    CliTest.Run again =
        CliTest.run(
            "history",
            "add",
            Fixtures.file("rapids_join_eventlog.zstd").toString(),
            "--history",
            file.toString(),
            "--format",
            "json");
    assertEquals(3, again.json().path("runs").asInt());
  }

  @Test
  void add_badLog_skippedExitOneGoodOneKept() throws IOException {
    Path bad = dir.resolve("bad.log");
    Files.writeString(bad, "{\"Event\":\"nothing\"}\n", StandardCharsets.UTF_8);
    Path file = dir.resolve("h.json");
    CliTest.Run add =
        CliTest.run(
            "history",
            "add",
            bad.toString(),
            Fixtures.file("dr-elephant_event_log_1").toString(),
            "--history",
            file.toString(),
            "--format",
            "json");
    assertEquals(1, add.code(), add.err());
    assertEquals(1, add.json().path("skipped").size());
    assertEquals(1, add.json().path("runs").asInt());
  }

  /** The NDS power run of spark-rapids-tools (243 GB read on GPUs) as the user's own run. */
  @Test
  void predict_withUserHistory_usesItsRunBeforeTheBuiltInOnesAndSaysSo() {
    Path file = dir.resolve("h.json");
    Path nds =
        Path.of(
            System.getProperty("dgxspark.fixtures.dir", "../fixtures"),
            "eventlogs",
            "gpu_oom_eventlog.zstd");
    assertEquals(
        0, CliTest.run("history", "add", nds.toString(), "--history", file.toString()).code());
    String[] job = {
      "predict",
      "--profile",
      "dgx-h100",
      "--workload",
      "sql-analytics",
      "--data-size",
      "100g",
      "--mode",
      "gpu",
      "--format",
      "json",
      "--history"
    };
    CliTest.Run mine = CliTest.run(concat(job, file.toString()));
    assertEquals(0, mine.code(), mine.err());
    JsonNode t = mine.json().path("time");
    assertTrue(t.path("reason").asText().startsWith("from your own runs in " + file), t.toString());
    assertEquals(1, t.path("measuredRuns").asInt());
    CliTest.Run builtIn = CliTest.run(concat(job, dir.resolve("none.json").toString()));
    assertEquals(0, builtIn.code(), builtIn.err());
    assertFalse(builtIn.json().path("time").path("reason").asText().contains("your own runs"));
  }

  private static String[] concat(String[] a, String b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + 1);
    r[a.length] = b;
    return r;
  }

  @Test
  void list_missingFile_noRuns() {
    CliTest.Run list =
        CliTest.run(
            "history",
            "list",
            "--history",
            dir.resolve("none.json").toString(),
            "--format",
            "json");
    assertEquals(0, list.code(), list.err());
    assertFalse(list.json().path("exists").asBoolean());
    assertEquals(0, list.json().path("runs").size());
  }

  @Test
  void add_notAHistoryFile_badInput() throws IOException {
    Path file = dir.resolve("other.json");
    Files.writeString(file, "[1,2]", StandardCharsets.UTF_8);
    CliTest.run(
            "history",
            "add",
            Fixtures.file("dr-elephant_event_log_1").toString(),
            "--history",
            file.toString())
        .badInput();
  }

  /**
   * The real customshuffle log (spark-rapids-tools, 31,001 ms) and a rerun of it made by changing
   * only its application id and end time (20 % longer): two repeats of one application.
   */
  @Test
  void analyze_withTwoRepeatsInHistory_abPlansUseTheirCvAndSaySo() throws IOException {
    Path log = Fixtures.file("customshuffle_eventlog.zstd");
    Path rerun = rerun(log, "local-rerun", 1.2);
    Path file = dir.resolve("h.json");
    assertEquals(
        0,
        CliTest.run(
                "history", "add", log.toString(), rerun.toString(), "--history", file.toString())
            .code());
    CliTest.Run r =
        CliTest.run("analyze", log.toString(), "--history", file.toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode recs = r.json().path("recommendations");
    assertTrue(recs.size() > 0, r.out());
    for (JsonNode rec : recs) {
      JsonNode ab = rec.path("abTest");
      String source = ab.path("varianceSource").asText();
      assertTrue(source.startsWith("your history " + file + ": 2 runs of 'Spark shell'"), source);
      // two runs a and 1.2 a: sd = 0.2 a / sqrt(2), mean 1.1 a
      assertEquals(0.2 / Math.sqrt(2) / 1.1, ab.path("runToRunCv").asDouble(), 1e-3, source);
    }
    // the same log added twice is one run: the published figure, and how to replace it
    Path twice = dir.resolve("twice.json");
    CliTest.run("history", "add", log.toString(), log.toString(), "--history", twice.toString());
    CliTest.Run p =
        CliTest.run("analyze", log.toString(), "--history", twice.toString(), "--format", "json");
    for (JsonNode rec : p.json().path("recommendations")) {
      String source = rec.path("abTest").path("varianceSource").asText();
      assertEquals(0.037, rec.path("abTest").path("runToRunCv").asDouble(), 1e-9, source);
      assertTrue(source.contains("1 distinct repeat(s)"), source);
      assertTrue(source.contains("'history add' the 3 event logs"), source);
    }
  }

  /** rapids_join_eventlog (spark-rapids-tools, local[*] on a GPU) as the user's GPU run. */
  @Test
  void qualify_withGpuRunInHistory_reasonsSayItsCostsWereUsed() {
    Path file = dir.resolve("h.json");
    String gpuRun = Fixtures.file("rapids_join_eventlog.zstd").toString();
    assertEquals(0, CliTest.run("history", "add", gpuRun, "--history", file.toString()).code());
    String cpuLog = Fixtures.file("customshuffle_eventlog.zstd").toString();
    String[] local = {
      "qualify", cpuLog, "--quiet", "--cluster-manager", "local", "--format", "json", "--history"
    };
    CliTest.Run mine = CliTest.run(concat(local, file.toString()));
    assertEquals(0, mine.code(), mine.err());
    CliTest.Run packaged = CliTest.run(concat(local, dir.resolve("none.json").toString()));
    JsonNode a = mine.json().path("applications").get(0);
    JsonNode b = packaged.json().path("applications").get(0);
    assertTrue(
        a.path("reasons").toString().contains("GPU fixed costs: from your history " + file),
        a.path("reasons").toString());
    assertTrue(
        b.path("reasons").toString().contains("GPU fixed costs: packaged"),
        b.path("reasons").toString());
    // its 1.7 s warm-up replaces the packaged 12.1 s cluster warm-up: less GPU time
    assertTrue(
        a.path("predictedGpuWallTimeMs").path("expected").asDouble()
            < b.path("predictedGpuWallTimeMs").path("expected").asDouble(),
        a.path("predictedGpuWallTimeMs") + " vs " + b.path("predictedGpuWallTimeMs"));
    for (String field : QualifyCommandTest.APPLICATION_FIELDS) {
      assertTrue(a.has(field), field);
    }
  }

  @Test
  void analyze_notAHistoryFile_badInput() throws IOException {
    Path file = dir.resolve("other.json");
    Files.writeString(file, "[1,2]", StandardCharsets.UTF_8);
    CliTest.run(
            "analyze",
            Fixtures.file("customshuffle_eventlog.zstd").toString(),
            "--history",
            file.toString())
        .badInput();
  }

  /** A log as plain JSON lines with another application id and its wall time scaled. */
  private Path rerun(Path log, String appId, double wallFactor) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    long start = 0;
    try (InputStream in = new ZstdInputStream(Files.newInputStream(log))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.contains("\"SparkListenerApplicationStart\"")) {
          ObjectNode e = (ObjectNode) json.readTree(line);
          e.put("App ID", appId);
          start = e.path("Timestamp").asLong();
          line = json.writeValueAsString(e);
        } else if (line.contains("\"SparkListenerApplicationEnd\"")) {
          ObjectNode e = (ObjectNode) json.readTree(line);
          e.put(
              "Timestamp", start + Math.round(wallFactor * (e.path("Timestamp").asLong() - start)));
          line = json.writeValueAsString(e);
        }
        lines.add(line);
      }
    }
    Path out = dir.resolve(appId);
    Files.write(out, lines, StandardCharsets.UTF_8);
    return out;
  }
}
