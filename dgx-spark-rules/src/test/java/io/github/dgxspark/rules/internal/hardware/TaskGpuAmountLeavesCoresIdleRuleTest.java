package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code TaskGpuAmountLeavesCoresIdle.json}. */
class TaskGpuAmountLeavesCoresIdleRuleTest extends RuleCaseTest {}
