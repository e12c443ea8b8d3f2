package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code KryoBufferMaxTooLarge.json}. */
class KryoBufferMaxTooLargeRuleTest extends RuleCaseTest {}
