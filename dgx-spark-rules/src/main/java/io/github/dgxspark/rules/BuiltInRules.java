package io.github.dgxspark.rules;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.antipattern.AntipatternRules;
import io.github.dgxspark.rules.internal.hardware.HardwareRules;
import io.github.dgxspark.rules.internal.limits.LimitsRules;
import io.github.dgxspark.rules.internal.rapids.RapidsRules;
import io.github.dgxspark.rules.internal.security.SecurityRules;
import io.github.dgxspark.rules.internal.syntax.SyntaxRules;
import java.util.ArrayList;
import java.util.List;

/** The explicit table of every rule class, category by category (no reflection). */
final class BuiltInRules {
  private BuiltInRules() {}

  static List<Rule> classRules() {
    List<Rule> all = new ArrayList<>();
    all.addAll(SyntaxRules.all());
    all.addAll(LimitsRules.all());
    all.addAll(HardwareRules.all());
    all.addAll(RapidsRules.all());
    all.addAll(AntipatternRules.all());
    all.addAll(SecurityRules.all());
    return all;
  }
}
