package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code UnknownKeyTypo.json}. */
class UnknownKeyTypoRuleTest extends RuleCaseTest {}
