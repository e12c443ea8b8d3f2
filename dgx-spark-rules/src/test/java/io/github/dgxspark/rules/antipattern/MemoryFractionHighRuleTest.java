package io.github.dgxspark.rules.antipattern;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code MemoryFractionHigh.json}. */
class MemoryFractionHighRuleTest extends RuleCaseTest {}
