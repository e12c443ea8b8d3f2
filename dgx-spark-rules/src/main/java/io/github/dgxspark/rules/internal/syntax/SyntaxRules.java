package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.internal.Rule;
import java.util.List;

/** The explicit table of the syntax rules (no reflection). */
public final class SyntaxRules {
  private SyntaxRules() {}

  /**
   * One instance of every syntax rule class.
   *
   * @return the rules
   */
  public static List<Rule> all() {
    return List.of(
        new BareNumberSizeRule(),
        new DeprecatedKeyRule(),
        new EmptyValueRule(),
        new InvalidBooleanRule(),
        new InvalidClassNameRule(),
        new InvalidEnumValueRule(),
        new InvalidIntegerRule(),
        new InvalidKeyNameRule(),
        new InvalidNumberRule(),
        new InvalidSizeRule(),
        new InvalidTimeRule(),
        new KeyNotInVersionRule(),
        new NonSparkKeyRule(),
        new UnknownKeyRule(),
        new UnknownKeyTypoRule());
  }
}
