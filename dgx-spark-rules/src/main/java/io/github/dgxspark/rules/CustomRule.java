package io.github.dgxspark.rules;

/**
 * A rule written outside this library, added to a rule book with {@link RuleBook#withRule}. Its
 * catalog entry (name, category, severity, modes, message, rationale, source, parameters) is the
 * {@link RuleEntry} given with it; the rule itself only decides whether the config breaks it and
 * reports with {@link CustomRuleContext#report}.
 *
 * <pre>{@code
 * RuleEntry entry =
 *     new RuleEntry("ExecutorHeapAboveTeamLimit", "antipattern", Severity.WARNING,
 *         Set.of(ExecutionMode.CPU, ExecutionMode.GPU),
 *         "spark.executor.memory is {heap}; our clusters allow at most {maxGib} GiB",
 *         "Team policy: larger heaps starve the shared nodes.", "internal wiki, heap policy",
 *         Map.of("maxGib", 64.0), "1.0.0", true);
 * CustomRule rule =
 *     c -> {
 *       long max = (long) (c.parameter("maxGib") * ByteSizes.GIB);
 *       if (c.bytes("spark.executor.memory").orElse(0) > max) {
 *         c.report(List.of("spark.executor.memory"), Map.of("heap", c.shown("spark.executor.memory")));
 *       }
 *     };
 * RuleBook book = RuleBook.builtIn().withRule(entry, rule);
 * }</pre>
 *
 * <p>A rule must not throw: the typed accessors of the context return empty for unset or malformed
 * values. An exception a custom rule throws reaches the caller of {@link RuleBook#validate} as a
 * {@link RulesException} naming the rule.
 */
@FunctionalInterface
public interface CustomRule {
  /**
   * Checks one config and reports each problem through the context.
   *
   * @param context the config, the hardware, typed accessors, the entry's parameters and the
   *     finding sink; valid only during this call
   */
  void check(CustomRuleContext context);
}
