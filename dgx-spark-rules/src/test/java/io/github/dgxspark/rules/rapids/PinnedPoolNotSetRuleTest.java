package io.github.dgxspark.rules.rapids;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code PinnedPoolNotSet.json}. */
class PinnedPoolNotSetRuleTest extends RuleCaseTest {}
