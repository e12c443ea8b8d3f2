package io.github.dgxspark.rules.hardware;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code LocalModeOnMultiGpuNode.json}. */
class LocalModeOnMultiGpuNodeRuleTest extends RuleCaseTest {}
