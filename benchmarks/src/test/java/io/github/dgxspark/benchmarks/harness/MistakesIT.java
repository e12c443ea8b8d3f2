package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.SparkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged mistakes file: every mistake parses, is accepted by Spark's own config entries and
 * SQLConf, changes a Spark default, and together they cover every workload and the mistakes the
 * impact check is meant to start from.
 */
class MistakesIT {
  static final Path FILE =
      Path.of(System.getProperty("dgxspark.data.dir", "../data"))
          .resolve("harness")
          .resolve("mistakes.json");

  @Test
  void everyMistake_isAcceptedBySparksOwnConfigParsers() {
    List<Mistake> mistakes = Mistake.load(FILE);
    for (Mistake m : mistakes) {
      assertEquals(List.of(), SparkConfChecks.problems(new SparkConfig(m.config())), m.name());
    }
  }

  @Test
  void mistakes_coverEveryWorkloadAndTheNamedKindsOfMistake() {
    List<Mistake> mistakes = Mistake.load(FILE);
    Set<String> covered =
        mistakes.stream().flatMap(m -> m.workloads().stream()).collect(Collectors.toSet());
    assertEquals(
        Workloads.all().stream().map(w -> w.type().id()).collect(Collectors.toSet()), covered);
    Set<String> keys =
        mistakes.stream().flatMap(m -> m.config().keySet().stream()).collect(Collectors.toSet());
    for (String key :
        List.of(
            "spark.sql.shuffle.partitions",
            "spark.driver.memory",
            "spark.sql.adaptive.enabled",
            "spark.sql.autoBroadcastJoinThreshold",
            "spark.serializer",
            "spark.executor.cores",
            "spark.sql.files.maxPartitionBytes",
            "spark.dynamicAllocation.enabled")) {
      assertTrue(keys.contains(key), key);
    }
    assertTrue(mistakes.stream().anyMatch(m -> !Deployment.parse(m.deployment()).local()));
  }

  @Test
  void select_picksByNameAndRejectsAnUnknownOne() {
    List<Mistake> all = Mistake.load(FILE);
    Mistake last = all.get(all.size() - 1);
    assertEquals(List.of(last), Mistake.select(all, List.of(last.name())));
    assertEquals(all, Mistake.select(all, List.of()));
    assertEquals(List.of(), Mistake.select(all, List.of(Mistake.NONE)));
    DgxSparkException e =
        assertThrows(DgxSparkException.class, () -> Mistake.select(all, List.of("nope")));
    assertTrue(e.getMessage().contains("'nope' is not known"), e.getMessage());
  }

  @Test
  void load_rejectsARepeatedNameAndAMissingSourceInOneLine(@TempDir Path tmp) throws Exception {
    String one =
        "{\"name\":\"a\",\"description\":\"d\",\"deployment\":\"local\","
            + "\"config\":{\"spark.sql.shuffle.partitions\":\"1\"},\"workloads\":[\"etl\"],"
            + "\"source\":\"%s\"}";
    Path twice = tmp.resolve("twice.json");
    Files.writeString(
        twice,
        "{\"mistakes\":["
            + String.format(one, "https://x")
            + ","
            + String.format(one, "https://x")
            + "]}");
    DgxSparkException e = assertThrows(DgxSparkException.class, () -> Mistake.load(twice));
    assertTrue(e.getMessage().contains("'a' twice"), e.getMessage());
    Path unsourced = tmp.resolve("unsourced.json");
    Files.writeString(unsourced, "{\"mistakes\":[" + String.format(one, "my notes") + "]}");
    e = assertThrows(DgxSparkException.class, () -> Mistake.load(unsourced));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().contains("https:// source"), e.getMessage());
    assertNotEquals(0, Mistake.load(FILE).size());
  }
}
