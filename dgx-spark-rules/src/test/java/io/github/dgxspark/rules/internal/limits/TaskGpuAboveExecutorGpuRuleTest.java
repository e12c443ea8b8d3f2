package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code TaskGpuAboveExecutorGpu.json}. */
class TaskGpuAboveExecutorGpuRuleTest extends RuleCaseTest {}
