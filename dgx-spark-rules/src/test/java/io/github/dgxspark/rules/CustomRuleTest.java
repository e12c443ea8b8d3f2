package io.github.dgxspark.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ExecutionMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A caller's rule added with {@link RuleBook#withRule}: the example of {@link CustomRule}. */
class CustomRuleTest {
  private static final String NAME = "ExecutorHeapAboveTeamLimit";

  // the example in CustomRule's javadoc, as written there
  private static RuleBook exampleBook() {
    RuleEntry entry =
        new RuleEntry(
            "ExecutorHeapAboveTeamLimit",
            "antipattern",
            Severity.WARNING,
            Set.of(ExecutionMode.CPU, ExecutionMode.GPU),
            "spark.executor.memory is {heap}; our clusters allow at most {maxGib} GiB",
            "Team policy: larger heaps starve the shared nodes.",
            "internal wiki, heap policy",
            Map.of("maxGib", 64.0),
            "1.0.0",
            true);
    CustomRule rule =
        c -> {
          long max = (long) (c.parameter("maxGib") * ByteSizes.GIB);
          if (c.bytes("spark.executor.memory").orElse(0) > max) {
            c.report(
                List.of("spark.executor.memory"), Map.of("heap", c.shown("spark.executor.memory")));
          }
        };
    return RuleBook.builtIn().withRule(entry, rule);
  }

  private static List<Finding> mine(ValidationReport r) {
    return r.findings().stream().filter(f -> f.ruleId().equals(NAME)).toList();
  }

  private static RuleEntry entry(String name, Set<ExecutionMode> modes, boolean enabled) {
    return new RuleEntry(
        name,
        "security",
        Severity.ERROR,
        modes,
        "{key} is set to {value}",
        "test rule",
        "test",
        Map.of(),
        "1.0.0",
        enabled);
  }

  @Test
  void withRule_heapAboveParameter_reportsTheEntrysMessageSeverityAndSource() {
    List<Finding> found =
        mine(exampleBook().validate(Map.of("spark.executor.memory", "96g"), Optional.empty()));
    assertEquals(1, found.size(), found.toString());
    Finding f = found.get(0);
    assertEquals("spark.executor.memory is 96g; our clusters allow at most 64 GiB", f.message());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("antipattern", f.category());
    assertEquals(List.of("spark.executor.memory"), f.keys());
    assertEquals(Optional.of("internal wiki, heap policy"), f.source());
  }

  @Test
  void withRule_heapWithinParameterOrBareNumberInMib_reportsNothing() {
    RuleBook book = exampleBook();
    assertTrue(
        mine(book.validate(Map.of("spark.executor.memory", "64g"), Optional.empty())).isEmpty());
    // a bare number is MiB for this key, as Spark reads it: 60000 MiB is below 64 GiB
    assertTrue(
        mine(book.validate(Map.of("spark.executor.memory", "60000"), Optional.empty())).isEmpty());
    assertEquals(
        1, mine(book.validate(Map.of("spark.executor.memory", "70000"), Optional.empty())).size());
  }

  @Test
  void withRule_newBook_listsTheEntryInNameOrderAndLeavesBuiltInUnchanged() {
    RuleBook book = exampleBook();
    assertTrue(RuleBook.builtIn().rule(NAME).isEmpty());
    assertEquals(RuleBook.builtIn().listRules().size() + 1, book.listRules().size());
    List<String> names = book.listRules().stream().map(RuleEntry::name).toList();
    assertEquals(names.stream().sorted().toList(), names);
    Map<String, String> config = Map.of("spark.executor.memory", "4g");
    assertEquals(
        RuleBook.builtIn().validate(config, Optional.empty()).rulesChecked() + 1,
        book.validate(config, Optional.empty()).rulesChecked());
  }

  @Test
  void withRule_nameOfABuiltInRule_isRefused() {
    RulesException e =
        assertThrows(
            RulesException.class,
            () ->
                RuleBook.builtIn()
                    .withRule(entry("InvalidSize", Set.of(ExecutionMode.CPU), true), c -> {}));
    assertEquals(
        "rule 'InvalidSize' is already in the rule book; expected a name no rule has",
        e.getMessage());
  }

  @Test
  void withRule_disabledOrOtherMode_doesNotRun() {
    CustomRule always = c -> c.report(List.of("spark.app.name"), Map.of("key", "k", "value", "v"));
    RuleBook book =
        RuleBook.builtIn()
            .withRule(entry("AlwaysDisabled", Set.of(ExecutionMode.CPU), false), always)
            .withRule(entry("AlwaysGpu", Set.of(ExecutionMode.GPU), true), always)
            .withRule(entry("AlwaysCpu", Set.of(ExecutionMode.CPU), true), always);
    List<String> ids =
        book.validate(Map.of("spark.app.name", "x"), Optional.empty()).findings().stream()
            .map(Finding::ruleId)
            .toList();
    assertTrue(ids.contains("AlwaysCpu"), ids.toString());
    assertFalse(ids.contains("AlwaysDisabled"), ids.toString());
    assertFalse(ids.contains("AlwaysGpu"), ids.toString());
  }

  @Test
  void report_secretValue_isRedactedInMessageAndSuggestion() {
    String secret = "hunter2-s3cr3t";
    RuleBook book =
        RuleBook.builtIn()
            .withRule(
                entry("EchoesPassword", Set.of(ExecutionMode.CPU), true),
                c ->
                    c.report(
                        List.of("spark.ssl.keyPassword"),
                        Map.of(
                            "key",
                            "spark.ssl.keyPassword",
                            "value",
                            c.value("spark.ssl.keyPassword").orElseThrow()),
                        c.value("spark.ssl.keyPassword").orElseThrow()));
    Finding f =
        book.validate(Map.of("spark.ssl.keyPassword", secret), Optional.empty()).findings().stream()
            .filter(x -> x.ruleId().equals("EchoesPassword"))
            .findFirst()
            .orElseThrow();
    assertFalse(f.message().contains(secret), f.message());
    assertFalse(f.suggestedValue().orElse("").contains(secret), f.toString());
  }

  @Test
  void validate_ruleThatThrows_failsWithOneLineNamingTheRule() {
    RuleBook book =
        RuleBook.builtIn()
            .withRule(
                entry("ThrowsOnEveryConfig", Set.of(ExecutionMode.CPU), true),
                c -> {
                  throw new IllegalStateException("boom");
                });
    RulesException e =
        assertThrows(
            RulesException.class, () -> book.validate(Map.of("a.b", "1"), Optional.empty()));
    assertEquals(
        "custom rule 'ThrowsOnEveryConfig' failed: boom; expected it to report findings, not"
            + " throw",
        e.getMessage());
  }
}
