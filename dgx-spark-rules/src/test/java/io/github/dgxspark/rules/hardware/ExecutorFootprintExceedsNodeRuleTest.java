package io.github.dgxspark.rules.hardware;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code ExecutorFootprintExceedsNode.json}. */
class ExecutorFootprintExceedsNodeRuleTest extends RuleCaseTest {}
