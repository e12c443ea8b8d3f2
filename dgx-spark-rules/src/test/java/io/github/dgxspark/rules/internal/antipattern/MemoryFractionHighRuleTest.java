package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code MemoryFractionHigh.json}. */
class MemoryFractionHighRuleTest extends RuleCaseTest {}
