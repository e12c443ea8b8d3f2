package io.github.dgxspark.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.adapter.Fixtures;
import io.github.dgxspark.adapter.JarProcess;
import io.github.dgxspark.adapter.Json;
import org.junit.jupiter.api.Test;

/** The shaded jar as people run it: {@code java -jar dgx-spark-mcp.jar ...}. */
class CliIT {
  @Test
  void readmeCommand_printsAGpuConfigAndExits0() throws Exception {
    JarProcess.Result r =
        JarProcess.run(
            "recommend",
            "--profile",
            "dgx-h100",
            "--workload",
            "etl",
            "--data-size",
            "1t",
            "--mode",
            "gpu");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("spark.executor.instances"), r.out());
    assertTrue(r.out().contains("com.nvidia.spark.SQLPlugin"), r.out());
    assertEquals("", r.err(), "nothing on stderr for a good run");
  }

  @Test
  void badUsage_exit2WithOneLineOnStderr() throws Exception {
    JarProcess.Result r = JarProcess.run("recommend", "--profile", "dgx-9000");
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void analyzeJson_ofAZstdLog_hasThePublicNames() throws Exception {
    JarProcess.Result r =
        JarProcess.run(
            "analyze", Fixtures.file("rapids_join_eventlog.zstd").toString(), "--format", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = Json.MAPPER.readTree(r.out());
    assertEquals("3.0.1", j.path("application").path("sparkVersion").asText());
    assertEquals(213, j.path("totals").path("tasks").asInt());
    assertTrue(j.path("application").path("gpuOperators").size() > 0);
  }

  @Test
  void serve_withStdinClosed_exits0AndPrintsNothing() throws Exception {
    JarProcess.Result r = JarProcess.run("serve");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
  }
}
