package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code UnknownKey.json}. */
class UnknownKeyRuleTest extends RuleCaseTest {}
