package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code InvalidTime.json}. */
class InvalidTimeRuleTest extends RuleCaseTest {}
