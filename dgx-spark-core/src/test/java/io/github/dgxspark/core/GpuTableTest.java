package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The GPU table ({@code data/dgx-systems.json}, {@code gpus}): every GPU the DGX line and the
 * AutoTuner know, and the RAPIDS setting that follows from its memory, which the optimizer must
 * give.
 */
class GpuTableTest {
  /** The table's entries by name. */
  static Map<String, JsonNode> gpus() {
    Path file = Path.of(System.getProperty("dgxspark.data.dir", "../data"), "dgx-systems.json");
    try {
      Map<String, JsonNode> m = new LinkedHashMap<>();
      for (JsonNode g : new ObjectMapper().readTree(file.toFile()).get("gpus")) {
        m.put(g.get("name").asText(), g);
      }
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  /** The AutoTuner's own memory for a GPU it knows, by its lower-case name (l4, l20, a100, ...). */
  static long autotunerMemoryMib(String name) {
    for (JsonNode g : gpus().values()) {
      if (g.get("name").asText().toLowerCase(Locale.ROOT).equals(name) && g.has("autotuner")) {
        return ByteSizes.parseBytes(g.get("autotuner").get("memory").asText()) / ByteSizes.MIB;
      }
    }
    throw new AssertionError("the GPU table has no AutoTuner entry for " + name);
  }

  @Test
  void table_coversEveryGpuOfTheDgxLineAndTheAutoTuner() {
    List<String> names = new ArrayList<>(gpus().keySet());
    for (String expected :
        List.of(
            "V100 16 GB",
            "V100 32 GB",
            "T4",
            "A10",
            "A10G",
            "L4",
            "L20",
            "A100 40 GB",
            "A100 80 GB",
            "H100",
            "H200",
            "B200",
            "GB200",
            "GB10",
            "P100",
            "K80",
            "P4")) {
      assertTrue(names.contains(expected), expected + " missing from " + names);
    }
  }

  @Test
  void optimizer_givesEachGpuTheTablesConcurrentGpuTasks() {
    List<String> wrong = new ArrayList<>();
    for (JsonNode g : gpus().values()) {
      boolean unified = g.path("unifiedMemory").asBoolean(false);
      long memory = ByteSizes.parseBytes(g.get("memory").asText());
      NodeSpec node =
          new NodeSpec(
              "",
              32,
              32,
              1,
              1,
              unified ? memory : 4 * memory,
              List.of(new GpuSpec("NVIDIA " + g.get("name").asText(), memory, "", 0)),
              unified,
              0,
              List.of());
      OptimizationResult r =
          SparkConfigOptimizer.optimize(
              ClusterSpec.of(node, 2, ClusterManager.YARN),
              new WorkloadSpec(
                  WorkloadType.ETL,
                  OptionalLong.empty(),
                  List.of(),
                  ExecutionMode.GPU,
                  Language.JVM));
      String got = r.config().get("spark.rapids.sql.concurrentGpuTasks").orElseThrow();
      if (!got.equals(g.get("concurrentGpuTasks").asText())) {
        wrong.add(
            g.get("name").asText()
                + ": table "
                + g.get("concurrentGpuTasks")
                + ", optimizer "
                + got);
      }
      assertTrue(!g.path("source").asText().isBlank(), g.get("name") + " has no source");
    }
    assertEquals(List.of(), wrong);
  }
}
