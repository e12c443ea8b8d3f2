package io.github.dgxspark.adapter;

import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.rules.RuleEntry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@link Operations#rules}: {@code {"rules":[{"name","category","severity",
 * "appliesTo","message","rationale","source","parameters","since","enabled"}]}}.
 *
 * @param rules the catalog's rules
 */
public record RulesResult(List<Rule> rules) {
  // Copies the list.
  public RulesResult {
    rules = List.copyOf(rules);
  }

  /**
   * One rule of the catalog.
   *
   * @param name its name (its id)
   * @param category its category
   * @param severity {@code ERROR}, {@code WARNING} or {@code INFO}
   * @param appliesTo {@code cpu} and/or {@code gpu}
   * @param message the message with placeholders
   * @param rationale why it matters
   * @param source where it comes from
   * @param parameters its thresholds, units in the names
   * @param since the version that added it
   * @param enabled false when switched off
   */
  public record Rule(
      String name,
      String category,
      String severity,
      List<String> appliesTo,
      String message,
      String rationale,
      String source,
      Map<String, Double> parameters,
      String since,
      boolean enabled) {
    // Checks the fields and copies the collections.
    public Rule {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(severity, "severity");
      appliesTo = List.copyOf(appliesTo);
      parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    static Rule of(RuleEntry r) {
      return new Rule(
          r.name(),
          r.category(),
          r.severity().name(),
          r.appliesTo().stream().map(ExecutionMode::id).toList(),
          r.message(),
          r.rationale(),
          r.source(),
          r.parameters(),
          r.since(),
          r.enabled());
    }
  }
}
