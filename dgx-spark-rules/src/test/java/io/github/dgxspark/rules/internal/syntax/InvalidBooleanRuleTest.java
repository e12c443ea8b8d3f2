package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code InvalidBoolean.json}. */
class InvalidBooleanRuleTest extends RuleCaseTest {}
