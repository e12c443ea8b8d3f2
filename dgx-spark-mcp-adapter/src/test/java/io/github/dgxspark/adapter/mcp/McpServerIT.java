package io.github.dgxspark.adapter.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.adapter.Fixtures;
import io.github.dgxspark.adapter.JarProcess;
import io.github.dgxspark.adapter.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starts the shaded jar's MCP server and speaks raw JSON-RPC lines to it over stdio. */
class McpServerIT {
  static final List<String> TOOLS =
      List.of(
          "analyze_event_log",
          "analyze_io_pattern",
          "classify_workload",
          "detect_bottlenecks",
          "detect_hardware",
          "estimate_resources",
          "generate_recommendations",
          "generate_spark_config",
          "list_profiles",
          "list_rules",
          "predict_performance",
          "predict_scaling",
          "qualify_event_logs",
          "validate_spark_config");

  static Process server;
  static OutputStream stdin;
  static final Map<Long, JsonNode> responses = new ConcurrentHashMap<>();
  static final List<JsonNode> nullIdErrors = new CopyOnWriteArrayList<>();
  static final List<String> notJson = new CopyOnWriteArrayList<>();
  static final AtomicInteger ids = new AtomicInteger(100);
  static JsonNode initialized;

  @BeforeAll
  static void start() throws Exception {
    server =
        JarProcess.builder("serve", "--allow-dir", Fixtures.dir().toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    stdin = server.getOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  try {
                    JsonNode m = Json.MAPPER.readTree(line);
                    if (m.path("id").isNull()) {
                      nullIdErrors.add(m);
                    } else if (m.has("id")) {
                      responses.put(m.path("id").asLong(), m);
                    }
                  } catch (IOException e) {
                    notJson.add(line);
                  }
                }
              } catch (IOException e) {
                // the server ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    ObjectNode params = Json.object();
    params.put("protocolVersion", "2025-11-25");
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "McpServerIT").put("version", "1");
    initialized = request("initialize", params);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @AfterAll
  static void stop() throws Exception {
    stdin.close();
    assertTrue(server.waitFor(20, TimeUnit.SECONDS), "server exits when stdin closes");
    assertEquals(0, server.exitValue());
    assertTrue(notJson.isEmpty(), "stdout carries only JSON-RPC: " + notJson);
  }

  static synchronized void send(String line) throws IOException {
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  static JsonNode request(String method, JsonNode params) throws Exception {
    long id = ids.incrementAndGet();
    ObjectNode m = Json.object();
    m.put("jsonrpc", "2.0");
    m.put("id", id);
    m.put("method", method);
    if (params != null) {
      m.set("params", params);
    }
    send(Json.compact(m));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      JsonNode r = responses.remove(id);
      if (r != null) {
        return r;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no answer to " + method + " within 60 s");
  }

  static JsonNode call(String tool, String argsJson) throws Exception {
    ObjectNode params = Json.object();
    params.put("name", tool);
    params.set("arguments", Json.MAPPER.readTree(argsJson));
    return request("tools/call", params);
  }

  static JsonNode good(String tool, String argsJson) throws Exception {
    JsonNode r = call(tool, argsJson).path("result");
    assertFalse(r.path("isError").asBoolean(), tool + ": " + r);
    JsonNode structured = r.path("structuredContent");
    assertTrue(structured.isObject(), tool + ": " + r);
    assertEquals(structured, Json.MAPPER.readTree(r.path("content").get(0).path("text").asText()));
    return structured;
  }

  static String bad(String tool, String argsJson) throws Exception {
    JsonNode r = call(tool, argsJson).path("result");
    assertTrue(r.path("isError").asBoolean(), tool + " " + argsJson + " should fail: " + r);
    String text = r.path("content").get(0).path("text").asText();
    assertFalse(text.isBlank());
    return text;
  }

  static void stillServing() throws Exception {
    assertTrue(request("ping", null).has("result"));
  }

  @Test
  void initialize_negotiates20251125() {
    JsonNode r = initialized.path("result");
    assertEquals("2025-11-25", r.path("protocolVersion").asText());
    assertEquals("dgx-spark", r.path("serverInfo").path("name").asText());
    assertTrue(r.path("capabilities").has("tools"));
    assertTrue(r.path("capabilities").has("resources"));
  }

  @Test
  void toolsList_everyToolHasInputAndOutputSchemas() throws Exception {
    JsonNode tools = request("tools/list", null).path("result").path("tools");
    TreeSet<String> names = new TreeSet<>();
    for (JsonNode t : tools) {
      names.add(t.path("name").asText());
      assertEquals("object", t.path("inputSchema").path("type").asText(), t.toString());
      assertEquals("object", t.path("outputSchema").path("type").asText(), t.toString());
    }
    assertEquals(new TreeSet<>(TOOLS), names);
  }

  @Test
  void hardwareFile_readsAHardwareJsonUnderTheAllowedDir_andNotBesideHardware() throws Exception {
    JsonNode report = good("detect_hardware", "{\"profile\":\"dgx-b200\",\"nodes\":2}");
    Path file = Fixtures.dir().resolve("written-by-McpServerIT-hardware.json");
    Files.writeString(file, Json.compact(report));
    try {
      JsonNode again = good("detect_hardware", "{\"hardwareFile\":\"" + file.getFileName() + "\"}");
      assertEquals(report.path("node"), again.path("node"));
      assertTrue(
          bad(
                  "detect_hardware",
                  "{\"hardware\":{},\"hardwareFile\":\"" + file.getFileName() + "\"}")
              .contains("at most one"));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void everyTool_goodArguments_structuredResult() throws Exception {
    assertEquals(
        8, good("detect_hardware", "{\"profile\":\"dgx-h100\"}").path("node").path("gpus").size());
    assertEquals(10, good("list_profiles", "{}").path("profiles").size());
    JsonNode config =
        good("generate_spark_config", "{\"profile\":\"dgx-spark\",\"workloadType\":\"etl\"}");
    assertTrue(config.path("config").has("spark.executor.memory"));
    assertTrue(
        good("validate_spark_config", "{\"config\":{\"spark.executor.cores\":\"4\"}}")
            .path("findings")
            .isArray());
    assertTrue(good("list_rules", "{}").path("rules").size() > 0);
    assertEquals(
        "graph",
        good("classify_workload", "{\"description\":\"run pagerank with GraphFrames\"}")
            .path("workloadType")
            .asText());
    assertTrue(
        good(
                "analyze_io_pattern",
                "{\"profile\":\"dgx-h100\",\"path\":\"rapids_join_eventlog.zstd\"}")
            .path("measured")
            .asBoolean());
    String job = "{\"profile\":\"dgx-h100\",\"workloadType\":\"etl\",\"dataSize\":\"2t\"}";
    assertTrue(good("estimate_resources", job).path("resources").path("cores").asInt() > 0);
    assertTrue(good("predict_performance", job).path("answer").path("expectedMs").asLong() > 0);
    assertTrue(
        good("analyze_event_log", "{\"path\":\"customshuffle_eventlog.zstd\"}")
                .path("recommendations")
                .size()
            > 0);
    // a target adds the plan sized from the log; mode without a target is refused
    assertTrue(
        good(
                "analyze_event_log",
                "{\"path\":\"python_udf_eventlog\",\"profile\":\"dgx-h100\"," + "\"mode\":\"gpu\"}")
            .path("target")
            .path("values")
            .isArray());
    assertTrue(
        bad("analyze_event_log", "{\"path\":\"customshuffle_eventlog.zstd\",\"mode\":\"gpu\"}")
            .contains("without a target"));
    assertEquals(
        10,
        good("analyze_event_log", "{\"path\":\"dr-elephant_event_log_1\"}")
            .path("totals")
            .path("tasks")
            .asInt());
  }

  @Test
  void detectBottlenecks_forAConfig_aLogIsAnalyzeEventLogs() throws Exception {
    JsonNode forConfig =
        good(
            "detect_bottlenecks",
            "{\"config\":{\"spark.executor.instances\":\"8\",\"spark.executor.cores\":\"5\","
                + "\"spark.sql.shuffle.partitions\":\"4\"},\"profile\":\"dgx-h100\",\"nodes\":2}");
    assertTrue(
        forConfig.path("bottlenecks").findValuesAsText("kind").contains("too-few-partitions"),
        forConfig.toString());
    assertTrue(bad("detect_bottlenecks", "{}").contains("config"));
    assertTrue(
        good("analyze_event_log", "{\"path\":\"dr-elephant_event_log_1\"}")
                .path("bottlenecks")
                .size()
            > 0);
  }

  @Test
  void predictPerformance_ernestWithAnInterval_badConfigRefused() throws Exception {
    JsonNode r =
        good(
            "predict_performance",
            "{\"profile\":\"dgx-h100\",\"workloadType\":\"sql-analytics\","
                + "\"config\":{\"spark.executor.instances\":\"4\",\"spark.executor.cores\":\"8\"}}");
    JsonNode p = r.path("performance");
    assertEquals(32, p.path("cores").asInt(), p.toString());
    assertTrue(p.path("interval").path("low").asLong() <= p.path("interval").path("high").asLong());
    assertTrue(r.path("time").path("expectedMs").asLong() > 0, r.toString());
    assertTrue(
        bad(
                "predict_performance",
                "{\"profile\":\"dgx-h100\",\"config\":{\"spark.executor.cores\":\"0\"}}")
            .contains("spark.executor.cores"));
  }

  @Test
  void predictScaling_theScaleContract_badArgumentsRefused() throws Exception {
    JsonNode r =
        good("predict_scaling", "{\"path\":\"rapids_join_eventlog.zstd\",\"executors\":4}");
    for (String k :
        List.of("observedExecutors", "observedDurationMs", "predictedDurationMs", "interval")) {
      assertTrue(r.has(k), k + " in " + r);
    }
    for (String k : List.of("low", "high", "level")) {
      assertTrue(r.path("interval").path(k).isNumber(), k + " in " + r);
    }
    assertTrue(
        bad("predict_scaling", "{\"path\":\"dr-elephant_event_log_1\",\"executors\":0}")
            .contains("executors"));
    assertTrue(
        bad("predict_scaling", "{\"path\":\"dr-elephant_event_log_1\"}").contains("executors"));
    assertTrue(
        bad("predict_scaling", "{\"path\":\"dr-elephant_event_log_1\",\"executors\":2,\"gpus\":1}")
            .contains("CPU application"));
    assertTrue(
        bad("predict_scaling", "{\"path\":\"../../../../../../etc/passwd\",\"executors\":2}")
            .contains("outside the allowed directories"));
    stillServing();
  }

  @Test
  void qualifyEventLogs_theQualifyContract_badArgumentsRefused() throws Exception {
    JsonNode r =
        good(
            "qualify_event_logs",
            "{\"paths\":[\"rapids_join_eventlog.zstd\",\"dr-elephant_event_log_1\"]}");
    assertEquals(2, r.path("applications").size(), r.toString());
    assertEquals(0, r.path("skipped").size(), r.toString());
    assertEquals("NVIDIA H100 80GB HBM3", r.path("target").path("gpuName").asText());
    for (JsonNode a : r.path("applications")) {
      for (String k : List.of("appId", "logPath", "speedup", "category", "reasons")) {
        assertTrue(a.has(k), k + " in " + a);
      }
    }
    assertTrue(
        bad("qualify_event_logs", "{\"paths\":[\"../../../../../../etc/passwd\"]}")
            .contains("outside the allowed directories"));
    assertTrue(bad("qualify_event_logs", "{}").contains("paths"));
    stillServing();
  }

  @Test
  void everyTool_wrongTypes_isErrorResult() throws Exception {
    for (String tool : TOOLS) {
      String msg = bad(tool, "{\"nodes\":\"many\",\"description\":7,\"path\":[1],\"config\":3}");
      assertTrue(msg.contains("validation") || msg.contains("expected"), tool + ": " + msg);
    }
    stillServing();
  }

  @Test
  void fileTools_pathsOutsideTheAllowedDirectories_refused() throws Exception {
    for (String path : List.of("/etc/passwd", "../../../../../../../../../../etc/passwd")) {
      String msg = bad("analyze_event_log", "{\"path\":\"" + path + "\"}");
      assertTrue(msg.contains("outside the allowed directories"), msg);
    }
    assertTrue(bad("analyze_event_log", "{\"path\":\"FIXTURES.md\"}").contains("FIXTURES.md"));
  }

  @Test
  void malformedJsonBatchAndOversizedLines_answeredAndServerKeepsServing() throws Exception {
    int before = nullIdErrors.size();
    send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
    send("[{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]");
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"x\":\""
            + "a".repeat(5 << 20)
            + "\"}}");
    stillServing();
    List<Integer> codes = new ArrayList<>();
    nullIdErrors
        .subList(before, nullIdErrors.size())
        .forEach(e -> codes.add(e.path("error").path("code").asInt()));
    assertEquals(List.of(-32700, -32600, -32600), codes);
  }

  @Test
  void unknownToolAndMethod_jsonRpcErrors() throws Exception {
    assertEquals(-32602, call("nope", "{}").path("error").path("code").asInt());
    assertEquals(-32601, request("server/discover", null).path("error").path("code").asInt());
    stillServing();
  }

  @Test
  void oversizedArgument_refusedBySchema() throws Exception {
    String big = "x".repeat(Schemas.MAX_DESCRIPTION + 1);
    assertTrue(
        bad("classify_workload", "{\"description\":\"" + big + "\"}").contains("description"));
  }

  @Test
  void resources_profilesRulesAndLocalHardware() throws Exception {
    JsonNode list = request("resources/list", null).path("result").path("resources");
    TreeSet<String> uris = new TreeSet<>();
    list.forEach(r -> uris.add(r.path("uri").asText()));
    assertTrue(
        uris.containsAll(
            List.of("dgx://hardware/local", "dgx://rules/catalog", "dgx://profiles/dgx-spark")),
        uris.toString());
    ObjectNode p = Json.object().put("uri", "dgx://profiles/dgx-spark");
    JsonNode contents = request("resources/read", p).path("result").path("contents").get(0);
    assertNotNull(contents);
    JsonNode profile = Json.MAPPER.readTree(contents.path("text").asText());
    assertTrue(profile.path("unifiedMemory").asBoolean());
  }

  @Test
  void resources_optimizationStrategies_theCoreReadmeAsMarkdown() throws Exception {
    JsonNode list = request("resources/list", null).path("result").path("resources");
    JsonNode docs = null;
    for (JsonNode r : list) {
      if (r.path("uri").asText().equals("dgx://docs/optimization-strategies")) {
        docs = r;
      }
    }
    assertNotNull(docs, list.toString());
    assertEquals("text/markdown", docs.path("mimeType").asText());
    ObjectNode p = Json.object().put("uri", "dgx://docs/optimization-strategies");
    JsonNode contents = request("resources/read", p).path("result").path("contents").get(0);
    assertEquals("text/markdown", contents.path("mimeType").asText());
    String text = contents.path("text").asText();
    assertTrue(text.contains("## How the optimizer sizes a cluster"), text);
    assertEquals(
        java.nio.file.Files.readString(
            java.nio.file.Path.of(System.getProperty("user.dir"), "../dgx-spark-core/README.md")),
        text);
  }
}
