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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code qualify} on the adapter's real fixture logs: a Spark 1.5 CPU log (dr-elephant) and a
 * RAPIDS GPU log (spark-rapids-tools' rapids_join_eventlog), copied into a folder of logs.
 */
class QualifyCommandTest {
  /** Every application's fields in {@code qualify --format json}: the public contract. */
  static final List<String> APPLICATION_FIELDS =
      List.of(
          "appId",
          "name",
          "logPath",
          "cpuWallTimeMs",
          "predictedGpuWallTimeMs",
          "speedup",
          "recommended",
          "category",
          "supportedTimeFraction",
          "unsupportedOperators",
          "reasons");

  @TempDir Path dir;

  private Path folder(boolean withGarbage) throws IOException {
    Files.copy(Fixtures.file("dr-elephant_event_log_1"), dir.resolve("dr-elephant_event_log_1"));
    Files.copy(
        Fixtures.file("rapids_join_eventlog.zstd"), dir.resolve("rapids_join_eventlog.zstd"));
    if (withGarbage) {
      Files.writeString(dir.resolve("notes.txt"), "not an event log\n", StandardCharsets.UTF_8);
    }
    return dir;
  }

  @Test
  void qualify_folderOfLogs_jsonContractAndExitZero() throws IOException {
    CliTest.Run r = CliTest.run("qualify", folder(false).toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    assertEquals(Set.of("target", "applications", "skipped"), names(j));
    assertEquals("NVIDIA H100 80GB HBM3", j.path("target").path("gpuName").asText());
    assertEquals(2, j.path("applications").size());
    for (JsonNode a : j.path("applications")) {
      assertTrue(names(a).containsAll(APPLICATION_FIELDS), a.toString());
      for (String range : List.of("predictedGpuWallTimeMs", "speedup")) {
        JsonNode x = a.path(range);
        assertTrue(
            x.path("low").asDouble() <= x.path("expected").asDouble()
                && x.path("expected").asDouble() <= x.path("high").asDouble(),
            range + " " + x);
      }
      assertTrue(a.path("recommended").isBoolean());
      assertTrue(a.path("reasons").size() > 0);
    }
    JsonNode gpu = find(j, "rapids_join_eventlog.zstd");
    assertEquals("Already on GPU", gpu.path("category").asText());
    assertFalse(gpu.path("recommended").asBoolean());
    // the 10-task PythonPi runs no SQL: nothing for the GPU, no speedup, not recommended
    JsonNode cpu = find(j, "dr-elephant_event_log_1");
    assertEquals("Not recommended", cpu.path("category").asText());
    assertEquals(0.0, cpu.path("supportedTimeFraction").asDouble());
    assertTrue(cpu.path("speedup").path("expected").asDouble() <= 1, cpu.toString());
    assertEquals(0, j.path("skipped").size());
  }

  @Test
  void qualify_oneBadLog_skippedRestGoOnExitOne() throws IOException {
    CliTest.Run r = CliTest.run("qualify", folder(true).toString(), "--format", "json");
    assertEquals(1, r.code(), r.err());
    JsonNode j = r.json();
    assertEquals(2, j.path("applications").size());
    assertEquals(1, j.path("skipped").size());
    JsonNode s = j.path("skipped").get(0);
    assertTrue(s.path("logPath").asText().endsWith("notes.txt"), s.toString());
    assertFalse(s.path("error").asText().isBlank());
  }

  @Test
  void qualify_textAndCsv_rankedTableAndOneRowPerApplication() throws IOException {
    Path f = folder(false);
    CliTest.Run text =
        CliTest.run("qualify", f.toString(), "--profile", "dgx-b200", "--nodes", "2");
    assertEquals(0, text.code(), text.err());
    assertTrue(
        text.out().startsWith("Qualification for 2 x profile:dgx-b200 (NVIDIA B200"), text.out());
    assertTrue(text.out().contains("Already on GPU"), text.out());
    CliTest.Run csv = CliTest.run("qualify", f.toString(), "--format", "csv");
    assertEquals(0, csv.code(), csv.err());
    List<String> lines = csv.out().lines().toList();
    assertEquals(3, lines.size(), csv.out());
    assertTrue(lines.get(0).startsWith("appId,name,logPath,cpuWallTimeMs,"), lines.get(0));
  }

  @Test
  void qualify_missingPath_badInput() {
    CliTest.run("qualify", dir.resolve("nope").toString()).badInput();
  }

  @Test
  void qualify_noLog_badInput() {
    CliTest.run("qualify").badInput();
  }

  @Test
  void qualify_cpuOnlyTarget_badInput() throws IOException {
    Path hw = dir.resolve("cpu.json");
    Files.writeString(
        hw,
        "{\"cpuModel\":\"x\",\"logicalCores\":8,\"physicalCores\":4,\"sockets\":1,"
            + "\"numaNodes\":1,\"memoryBytes\":17179869184,\"gpus\":[],\"unifiedMemory\":false,"
            + "\"nvlinkBytesPerSecond\":0,\"nics\":[]}");
    CliTest.Run r =
        CliTest.run(
            "qualify",
            Fixtures.file("dr-elephant_event_log_1").toString(),
            "--hardware",
            hw.toString());
    r.badInput();
    assertTrue(r.err().contains("no GPU"), r.err());
  }

  /**
   * The same GPU job and size on three DGX generations: by the datasheet memory bandwidth (A100
   * 2,039 GB/s, H100 3.35 TB/s, B200 8 TB/s per GPU, data/models/gpu-operators.json) the newer one
   * is faster.
   */
  @Test
  void predictGpu_sameJobAndSize_a100SlowerThanH100SlowerThanB200() {
    long[] ms = new long[3];
    String[] profiles = {"dgx-a100", "dgx-h100", "dgx-b200"};
    for (int i = 0; i < 3; i++) {
      CliTest.Run r =
          CliTest.run(
              "predict",
              "--profile",
              profiles[i],
              "--workload",
              "sql-analytics",
              "--data-size",
              "1t",
              "--mode",
              "gpu",
              "--format",
              "json");
      assertEquals(0, r.code(), r.err());
      ms[i] = r.json().path("time").path("expectedMs").asLong();
      assertTrue(r.json().path("time").path("reason").asText().contains("factor"), r.out());
    }
    assertTrue(ms[0] > ms[1] && ms[1] > ms[2], ms[0] + " " + ms[1] + " " + ms[2]);
  }

  private static JsonNode find(JsonNode j, String file) {
    for (JsonNode a : j.path("applications")) {
      if (a.path("logPath").asText().endsWith(file)) {
        return a;
      }
    }
    throw new AssertionError("no application for " + file + " in " + j);
  }

  private static Set<String> names(JsonNode n) {
    Set<String> s = new TreeSet<>();
    n.fieldNames().forEachRemaining(s::add);
    return s;
  }
}
