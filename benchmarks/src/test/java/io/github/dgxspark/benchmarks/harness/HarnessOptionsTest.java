package io.github.dgxspark.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.DgxSparkException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the harness reads {@code --try}, the candidate keys measured beside the recommendation, and
 * how it splits a config's driver Java options for the child JVM.
 */
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
  void javaOptions_splitAsSparkSubmitDoes() {
    // the first two are cases of Spark's CommandBuilderUtilsSuite for parseOptionString
    assertEquals(List.of("a", "b", "c", "d", "e"), Harness.ChildLauncher.javaOptions("a b c d e"));
    assertEquals(
        List.of("a", "b c", "d", "e"), Harness.ChildLauncher.javaOptions("a 'b c' \"d\" e"));
    assertEquals(
        List.of("a", "b\\c", "\"d\"", "e"),
        Harness.ChildLauncher.javaOptions("a 'b\\c' \"\\\"d\\\"\" e"));
    assertEquals(List.of("ab"), Harness.ChildLauncher.javaOptions("a'b'"));
    assertEquals(List.of(""), Harness.ChildLauncher.javaOptions("''"));
    assertEquals(List.of(), Harness.ChildLauncher.javaOptions("  "));
    assertEquals(
        List.of("-Dname=two words", "-Xss4m"),
        Harness.ChildLauncher.javaOptions("\"-Dname=two words\" \t -Xss4m"));
  }

  @Test
  void javaOptions_unclosedQuoteOrTrailingBackslash_named() {
    for (String bad : List.of("-Da='b", "-Da=\"b", "-Da=b\\")) {
      DgxSparkException e =
          assertThrows(DgxSparkException.class, () -> Harness.ChildLauncher.javaOptions(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void defaults_tryNothing() {
    assertTrue(HarnessOptions.parse(new String[0]).trials().isEmpty());
  }
}
