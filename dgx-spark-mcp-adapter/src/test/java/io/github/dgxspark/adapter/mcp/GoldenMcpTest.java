package io.github.dgxspark.adapter.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.adapter.Fixtures;
import io.github.dgxspark.adapter.Golden;
import io.github.dgxspark.adapter.Json;
import io.github.dgxspark.core.SparkConfig;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every MCP tool called in process on real inputs (the copied event logs and nvidia-smi capture,
 * the built-in profiles, a fixed config): its structured content is the one pinned in {@code
 * src/test/resources/golden/mcp} (names and values), and it validates against the tool's declared
 * output schema with the JSON Schema validator the MCP SDK itself uses. Run with {@code
 * -Ddgxspark.golden.update=true} to rewrite the pinned files after an intended change.
 */
class GoldenMcpTest {
  private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

  private static final Map<String, SyncToolSpecification> TOOLS =
      Tools.all(new AllowedFiles(List.of(Fixtures.dir()))).stream()
          .collect(Collectors.toMap(s -> s.tool().name(), s -> s, (a, b) -> a, LinkedHashMap::new));

  private static final JsonSchemaValidator VALIDATOR = new DefaultJsonSchemaValidator(Json.MAPPER);

  static List<Arguments> cases() {
    Map<String, Object> config = config();
    String shuffle = Fixtures.file("customshuffle_eventlog.zstd").toString();
    String rapids = Fixtures.file("rapids_join_eventlog.zstd").toString();
    String elephant = Fixtures.file("dr-elephant_event_log_1").toString();
    String udf = Fixtures.file("python_udf_eventlog").toString();
    String smi;
    try {
      smi = Files.readString(Fixtures.file("h100-sxm5-x8_nvidia-smi_table_under-load.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Arguments> c = new ArrayList<>();
    c.add(of("detect_hardware", "profile", Map.of("profile", "dgx-h100", "nodes", 2)));
    c.add(of("detect_hardware", "smi", Map.of("nvidiaSmi", smi, "logicalCores", 224)));
    c.add(of("list_profiles", "all", Map.of()));
    c.add(
        of(
            "generate_spark_config",
            "gpu",
            Map.of(
                "profile", "dgx-h100",
                "nodes", 4,
                "workloadType", "etl",
                "dataSize", "1t",
                "mode", "gpu")));
    c.add(of("validate_spark_config", "alone", Map.of("config", config, "sparkVersion", "3.5")));
    c.add(of("validate_spark_config", "hardware", Map.of("config", config, "profile", "dgx-h100")));
    c.add(of("list_rules", "all", Map.of()));
    c.add(
        of(
            "classify_workload",
            "join",
            Map.of("description", "join orders and customers nightly, 2 TB of parquet")));
    c.add(of("analyze_io_pattern", "log", Map.of("path", shuffle, "profile", "dgx-h100")));
    c.add(
        of(
            "analyze_io_pattern",
            "workload",
            Map.of("workloadType", "etl", "dataSize", "1t", "profile", "dgx-h100")));
    Map<String, Object> xgboost =
        Map.of("profile", "dgx-spark", "description", "train XGBoost on 500 GB on the GPU");
    c.add(of("estimate_resources", "xgboost", xgboost));
    c.add(of("analyze_event_log", "shuffle", Map.of("path", shuffle)));
    c.add(of("analyze_event_log", "elephant", Map.of("path", elephant)));
    c.add(
        of(
            "analyze_event_log",
            "target",
            Map.of("path", rapids, "profile", "dgx-h100", "mode", "gpu")));
    c.add(
        of(
            "generate_recommendations",
            "config",
            Map.of("config", config, "profile", "dgx-h100", "workloadType", "etl")));
    c.add(of("detect_bottlenecks", "config", Map.of("config", config, "profile", "dgx-h100")));
    c.add(
        of(
            "predict_performance",
            "config",
            Map.of("profile", "dgx-h100", "workloadType", "sql-analytics", "config", config)));
    c.add(of("predict_scaling", "elephant", Map.of("path", elephant, "executors", 4)));
    c.add(of("predict_scaling", "rapids", Map.of("path", rapids, "executors", 2, "gpus", 1)));
    c.add(of("qualify_event_logs", "logs", Map.of("paths", List.of(shuffle, udf, elephant))));
    return c;
  }

  private static Map<String, Object> config() {
    try {
      return new LinkedHashMap<>(
          SparkConfig.parseDefaults(Files.readString(Golden.input("spark-defaults.conf")))
              .entries());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Arguments of(String tool, String name, Map<String, Object> args) {
    return Arguments.of(tool, tool + "." + name + ".json", args);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void result_isThePinnedOneAndFitsItsOutputSchema(
      String tool, String name, Map<String, Object> args) {
    SyncToolSpecification spec = TOOLS.get(tool);
    CallToolResult r =
        spec.callHandler().apply(null, CallToolRequest.builder(tool).arguments(args).build());
    assertFalse(Boolean.TRUE.equals(r.isError()), name + ": " + r.content());
    String out = Golden.normalize(Json.pretty(Json.tree(r.structuredContent())), TMP);
    assertEquals(Golden.json(Golden.pinned("mcp", name, out)), Golden.json(out), name);
    JsonSchemaValidator.ValidationResponse v =
        VALIDATOR.validate(spec.tool().outputSchema(), r.structuredContent());
    assertTrue(v.valid(), name + " does not fit its output schema: " + v.errorMessage());
  }

  @Test
  void cases_callEveryTool() {
    Set<String> called = new TreeSet<>();
    cases().forEach(a -> called.add((String) a.get()[0]));
    assertEquals(new TreeSet<>(TOOLS.keySet()), called);
  }
}
