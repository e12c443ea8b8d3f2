package io.github.dgxspark.rules;

import io.github.dgxspark.core.ExecutionMode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One rule as the catalog ({@code data/rules/catalog.json}) describes it.
 *
 * @param name the rule's id, unique and never renamed (only disabled), e.g. {@code
 *     HeartbeatNotBelowNetworkTimeout}
 * @param category the rule's category, which is also its package: {@code syntax}, {@code limits},
 *     {@code hardware}, {@code rapids}, {@code antipattern} or {@code security}
 * @param severity the severity of its findings
 * @param appliesTo the execution modes the rule is about: {@link ExecutionMode#CPU} and/or {@link
 *     ExecutionMode#GPU}
 * @param message the finding's message template with {@code {placeholders}}, filled from the rule's
 *     values and its parameters
 * @param rationale why the rule exists, for people reading the catalog
 * @param source where the rule or its numbers come from
 * @param parameters the rule's thresholds, each named with its unit (e.g. {@code maxHeapGib}),
 *     sorted by name
 * @param since the dgx-spark version that added the rule
 * @param enabled whether {@link RuleBook#validate} runs it
 */
public record RuleEntry(
    String name,
    String category,
    Severity severity,
    Set<ExecutionMode> appliesTo,
    String message,
    String rationale,
    String source,
    Map<String, Double> parameters,
    String since,
    boolean enabled) {
  /** The categories, in catalog order. */
  public static final Set<String> CATEGORIES =
      Collections.unmodifiableSet(
          new LinkedHashSet<>(
              List.of("syntax", "limits", "hardware", "rapids", "antipattern", "security")));

  // Checks the fields and copies the collections.
  public RuleEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(since, "since");
    if (!name.matches("[A-Z][A-Za-z0-9]+")) {
      throw new RulesException(
          String.format(
              Locale.ROOT, "rule name '%s' is not valid; expected UpperCamelCase letters", name));
    }
    if (!CATEGORIES.contains(category)) {
      throw new RulesException(
          String.format(
              Locale.ROOT,
              "rule '%s' has the unknown category '%s'; expected one of %s",
              name,
              category,
              CATEGORIES));
    }
    if (appliesTo.isEmpty() || appliesTo.contains(ExecutionMode.AUTO)) {
      throw new RulesException(
          String.format(
              Locale.ROOT, "rule '%s' appliesTo %s; expected cpu and/or gpu", name, appliesTo));
    }
    appliesTo = Collections.unmodifiableSet(EnumSet.copyOf(appliesTo));
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
  }
}
