package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code DriverMemoryBelowMinimum.json}. */
class DriverMemoryBelowMinimumRuleTest extends RuleCaseTest {}
