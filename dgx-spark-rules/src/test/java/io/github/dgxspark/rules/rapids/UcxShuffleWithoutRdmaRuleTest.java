package io.github.dgxspark.rules.rapids;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code UcxShuffleWithoutRdma.json}. */
class UcxShuffleWithoutRdmaRuleTest extends RuleCaseTest {}
