package io.github.dgxspark.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.adapter.Fixtures;
import io.github.dgxspark.models.eventlog.EventLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history add} and {@code history list} on real event logs, in a temporary history. */
class HistoryCommandTest {
  @TempDir Path tmp;

  @Test
  void addThenList_json_listsEachLogsAppIdSourceAndProvenance() {
    Path h = tmp.resolve("history.json");
    Path oom =
        Path.of(System.getProperty("dgxspark.fixtures.dir"), "eventlogs", "gpu_oom_eventlog.zstd");
    Path join = Fixtures.file("rapids_join_eventlog.zstd");
    CliTest.Run add =
        CliTest.run("history", "add", oom.toString(), join.toString(), "--history", h.toString());
    assertEquals(Cli.OK, add.code(), add.err());

    CliTest.Run list =
        CliTest.run("history", "list", "--format", "json", "--history", h.toString());
    assertEquals(Cli.OK, list.code(), list.err());
    JsonNode runs = list.json();
    assertTrue(runs.isArray(), list.out());
    List<String> appIds = new ArrayList<>();
    for (JsonNode r : runs) {
      appIds.add(r.path("appId").asText());
      assertEquals("event log", r.path("source").asText());
    }
    assertEquals(
        List.of(
            EventLogs.read(oom).applicationId().orElseThrow(),
            EventLogs.read(join).applicationId().orElseThrow()),
        appIds);
    assertEquals(oom.toString(), runs.get(0).path("eventLogPath").asText());
    assertEquals("3.3.1", runs.get(0).path("sparkVersion").asText());
    assertEquals(
        EventLogs.read(oom).master().orElseThrow(),
        runs.get(0).path("machine").path("description").asText());
  }

  @Test
  void add_sameLogTwice_keepsOneRun() throws IOException {
    Path h = tmp.resolve("history.json");
    String log = Fixtures.file("rapids_join_eventlog.zstd").toString();
    assertEquals(Cli.OK, CliTest.run("history", "add", log, "--history", h.toString()).code());
    String once = Files.readString(h);
    CliTest.Run again = CliTest.run("history", "add", log, "--history", h.toString());
    assertEquals(Cli.OK, again.code(), again.err());
    assertTrue(again.out().contains("already in the history"), again.out());
    assertEquals(once, Files.readString(h));
  }

  @Test
  void add_oneUnreadableLog_addsTheOthersAndExits1() throws IOException {
    Path h = tmp.resolve("history.json");
    Path junk = Files.writeString(tmp.resolve("not-a-log.txt"), "hello\n");
    String log = Fixtures.file("rapids_join_eventlog.zstd").toString();
    CliTest.Run r =
        CliTest.run(
            "history", "add", junk.toString(), log, "--history", h.toString(), "--format", "json");
    assertEquals(Cli.FINDINGS, r.code(), r.err());
    assertEquals(junk.toString(), r.json().path("skipped").get(0).path("logPath").asText());
    assertEquals(1, r.json().path("added").size());
    assertEquals(
        1,
        CliTest.run("history", "list", "--format", "json", "--history", h.toString())
            .json()
            .size());
  }

  @Test
  void list_noFileYet_saysHowToAddAndExits0() {
    CliTest.Run r =
        CliTest.run("history", "list", "--history", tmp.resolve("none.json").toString());
    assertEquals(Cli.OK, r.code(), r.err());
    assertTrue(r.out().contains("history add"), r.out());
  }

  @Test
  void list_corruptFile_isOneLineNamingTheFile() throws IOException {
    Path h = Files.writeString(tmp.resolve("history.json"), "{not json");
    CliTest.Run r = CliTest.run("history", "list", "--history", h.toString());
    r.badInput();
    assertTrue(r.err().contains(h.toString()), r.err());
  }
}
