package io.github.dgxspark.rules.internal.hardware;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code DriverExceedsNode.json}. */
class DriverExceedsNodeRuleTest extends RuleCaseTest {}
