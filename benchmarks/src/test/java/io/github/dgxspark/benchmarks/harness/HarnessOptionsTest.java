package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.DgxSparkException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the harness reads {@code --try}, the candidate keys measured beside the recommendation. */
class HarnessOptionsTest {
  @Test
  void try_keepsEachPairInOrderAndSplitsAtTheFirstEquals() {
    HarnessOptions o =
        HarnessOptions.parse(
            new String[] {
              "--try",
              "spark.sql.autoBroadcastJoinThreshold=64m, spark.driver.extraJavaOptions=-Da=b"
            });
    assertEquals(
        List.of(
            Map.entry("spark.sql.autoBroadcastJoinThreshold", "64m"),
            Map.entry("spark.driver.extraJavaOptions", "-Da=b")),
        List.copyOf(o.trials().entrySet()));
  }

  @Test
  void try_withoutAValue_namesThePairAndTheForm() {
    for (String bad :
        List.of("spark.sql.shuffle.partitions", "=8", "spark.sql.shuffle.partitions=")) {
      DgxSparkException e =
          assertThrows(
              DgxSparkException.class, () -> HarnessOptions.parse(new String[] {"--try", bad}));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("KEY=VALUE"), e.getMessage());
    }
  }

  @Test
  void defaults_tryNothing() {
    assertTrue(HarnessOptions.parse(new String[0]).trials().isEmpty());
  }
}
