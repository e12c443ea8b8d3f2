package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The impact check end to end on real Spark at a tiny scale (one workload, one mistake, the top
 * recommendation and all of them, 1 repeat, the scaling check at 1 core per executor): the output
 * file has exactly the public contract's fields, with finite predictions and measurements. The
 * accuracy figures are for a full run on a quiet machine, not for CI.
 */
class ImpactCheckIT {
  @TempDir static Path tmp;
  static Path output;
  static String progress;

  @BeforeAll
  static void runImpactCheck() {
    output = tmp.resolve("impact-checks.json");
    HarnessOptions options =
        HarnessOptions.parse(
            new String[] {
              "--impact-check",
              "--mistakes-file",
              MistakesIT.FILE.toString(),
              "--mistakes",
              "aqe-off",
              "--workloads",
              "etl",
              "--scale",
              "0.01",
              "--repeats",
              "1",
              "--top",
              "1",
              "--scaling-cores",
              "1",
              "--out",
              tmp.resolve("out").toString(),
              "--impact-out",
              output.toString(),
              "--timeout-minutes",
              "3"
            });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImpactCheck.run(options, "ImpactCheckIT", new PrintStream(out, true, StandardCharsets.UTF_8));
    progress = out.toString(StandardCharsets.UTF_8);
  }

  private static Set<String> fields(JsonNode n) {
    Set<String> s = new TreeSet<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      s.add(it.next());
    }
    return s;
  }

  private static void assertFinite(JsonNode n, String field) {
    assertTrue(n.path(field).isNumber(), field + " in " + n);
    assertTrue(Double.isFinite(n.path(field).asDouble()), field + " in " + n);
  }

  @Test
  void checks_haveTheContractShapeWithFinitePredictionsAndMeasurements() throws Exception {
    JsonNode root = new ObjectMapper().readTree(output.toFile());
    assertEquals(Set.of("checks", "scaling"), fields(root));
    JsonNode checks = root.path("checks");
    assertTrue(checks.size() >= 1, progress);
    List<String> recommendations = new ArrayList<>();
    for (JsonNode c : checks) {
      assertEquals(
          Set.of("workload", "scale", "mistake", "recommendation", "keys", "predicted", "measured"),
          fields(c));
      assertEquals("etl", c.path("workload").asText());
      assertEquals(0.01, c.path("scale").asDouble());
      assertEquals("aqe-off", c.path("mistake").asText());
      assertTrue(c.path("keys").isArray() && c.path("keys").size() >= 1, c.toString());
      JsonNode p = c.path("predicted");
      assertEquals(Set.of("expected", "low", "high"), fields(p));
      for (String f : List.of("expected", "low", "high")) {
        assertFinite(p, f);
      }
      assertTrue(p.path("low").asDouble() <= p.path("expected").asDouble(), p.toString());
      assertTrue(p.path("expected").asDouble() <= p.path("high").asDouble(), p.toString());
      JsonNode m = c.path("measured");
      assertEquals(Set.of("change", "spread", "runs"), fields(m));
      assertFinite(m, "change");
      assertFinite(m, "spread");
      // a change is a fraction of the mistaken run: a run cannot take less than no time
      assertTrue(m.path("change").asDouble() > -1, m.toString());
      assertEquals(1, m.path("runs").asInt());
      recommendations.add(c.path("recommendation").asText());
    }
    assertEquals(recommendations.size(), new TreeSet<>(recommendations).size(), progress);
    assertFalse(recommendations.isEmpty());
  }

  @Test
  void scaling_hasBothDirectionsWithPositiveTimes() throws Exception {
    JsonNode scaling = new ObjectMapper().readTree(output.toFile()).path("scaling");
    assertEquals(2, scaling.size(), progress);
    Set<String> pairs = new TreeSet<>();
    for (JsonNode s : scaling) {
      assertEquals(
          Set.of("workload", "fromExecutors", "toExecutors", "predictedMs", "measuredMs"),
          fields(s));
      assertTrue(s.path("predictedMs").asLong() > 0, s.toString());
      assertTrue(s.path("measuredMs").asLong() > 0, s.toString());
      pairs.add(s.path("fromExecutors").asInt() + "->" + s.path("toExecutors").asInt());
    }
    assertEquals(Set.of("1->2", "2->1"), pairs);
  }
}
