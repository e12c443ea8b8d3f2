package io.github.dgxspark.rules.internal;

/**
 * One built-in check over a config (callers add theirs as a {@link
 * io.github.dgxspark.rules.CustomRule}). Implementations live in {@code
 * io.github.dgxspark.rules.internal.<category>}, are named after their catalog entry ({@code
 * <Name>Rule}) and are registered in an explicit table; pure threshold checks are declared in the
 * catalog instead and share one generic class.
 *
 * <p>A rule never throws on any config: it reads values through {@link RuleContext}, whose
 * accessors return empty for unset or malformed values (the syntax rules report those), and reports
 * problems with {@link RuleContext#report}.
 */
public interface Rule {
  /**
   * The catalog name of this rule.
   *
   * @return e.g. {@code TaskCpusExceedExecutorCores}
   */
  String name();

  /**
   * Checks the config and reports what is wrong through the context.
   *
   * @param context the config, the hardware, typed accessors and the finding sink
   */
  void check(RuleContext context);
}
