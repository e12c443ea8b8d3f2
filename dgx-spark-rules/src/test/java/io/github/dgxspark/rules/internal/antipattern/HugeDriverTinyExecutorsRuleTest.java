package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code HugeDriverTinyExecutors.json}. */
class HugeDriverTinyExecutorsRuleTest extends RuleCaseTest {}
