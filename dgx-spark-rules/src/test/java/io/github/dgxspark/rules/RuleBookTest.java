package io.github.dgxspark.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.core.KeyType;
import io.github.dgxspark.core.SparkConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleBookTest {
  private final RuleBook book = RuleBook.builtIn();

  @Test
  void listRules_builtIn_coversEveryCategory() {
    for (String category : RuleEntry.CATEGORIES) {
      assertTrue(
          book.listRules().stream().anyMatch(e -> e.category().equals(category)),
          "no rule in " + category);
    }
  }

  @Test
  void knownKeys_builtIn_holdSeveralHundredSparkAndRapidsKeys() {
    assertTrue(book.knownKeys().size() >= 300, "only " + book.knownKeys().size());
    ConfigKey memory = book.key("spark.executor.memory").orElseThrow();
    assertEquals(KeyType.SIZE, memory.type());
    assertEquals(Optional.of("m"), memory.unit());
    assertEquals(KeyType.DOUBLE, book.key("spark.task.resource.gpu.amount").orElseThrow().type());
    assertTrue(book.key("spark.rapids.sql.concurrentGpuTasks").isPresent());
  }

  @Test
  void validate_typo_suggestsTheKnownKey() {
    ValidationReport r =
        book.validate(
            SparkConfig.parseConfArgs(List.of("spark.executor.memry=4g")), Optional.empty());
    Finding f =
        r.findings().stream()
            .filter(x -> x.ruleId().equals("UnknownKeyTypo"))
            .findFirst()
            .orElseThrow();
    assertTrue(f.message().contains("did you mean spark.executor.memory?"), f.message());
    assertEquals(List.of("spark.executor.memry", "spark.executor.memory"), f.keys());
  }

  @Test
  void validate_findings_sortedBySeverity() {
    ValidationReport r =
        book.validate(
            Map.of(
                "spark.executor.cores",
                "1",
                "spark.executor.memory",
                "1.5g",
                "spark.zzqq.frob",
                "1"),
            Optional.empty());
    assertEquals(Severity.ERROR, r.findings().get(0).severity());
    assertEquals(Severity.INFO, r.findings().get(r.findings().size() - 1).severity());
    assertTrue(r.hasErrors());
    assertFalse(r.isClean());
  }

  @Test
  void validate_secretInBadValue_neverShowsIt() {
    String secret = "s3cr3t-Value-42";
    ValidationReport r =
        book.validate(
            Map.of("spark.authenticate.secret", secret, "spark.ssl.keyPassword", secret),
            Optional.empty());
    assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("PlainTextSecret")));
    for (Finding f : r.findings()) {
      assertFalse(f.message().contains(secret), f.message());
      assertFalse(f.suggestedValue().orElse("").contains(secret));
    }
  }

  @Test
  void validate_emptyConfig_isClean() {
    ValidationReport r = book.validate(SparkConfig.empty(), Optional.empty());
    assertTrue(r.isClean(), r.findings().toString());
    assertTrue(r.rulesChecked() > 40);
  }

  @Test
  void validate_heartbeatAboveTimeout_suggestsAShorterHeartbeat() {
    ValidationReport r =
        book.validate(
            Map.of("spark.executor.heartbeatInterval", "200s", "spark.network.timeout", "100s"),
            Optional.empty());
    Finding f =
        r.findings().stream()
            .filter(x -> x.ruleId().equals("HeartbeatNotBelowNetworkTimeout"))
            .findFirst()
            .orElseThrow();
    assertEquals(Optional.of("8333ms"), f.suggestedValue());
    assertTrue(f.message().contains("200s") && f.message().contains("100s"), f.message());
  }
}
