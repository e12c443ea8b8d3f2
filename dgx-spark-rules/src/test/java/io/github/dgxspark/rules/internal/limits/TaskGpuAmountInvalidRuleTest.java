package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code TaskGpuAmountInvalid.json}. */
class TaskGpuAmountInvalidRuleTest extends RuleCaseTest {}
