package io.github.dgxspark.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.adapter.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
