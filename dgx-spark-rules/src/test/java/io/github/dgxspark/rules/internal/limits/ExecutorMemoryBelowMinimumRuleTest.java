package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code ExecutorMemoryBelowMinimum.json}. */
class ExecutorMemoryBelowMinimumRuleTest extends RuleCaseTest {}
