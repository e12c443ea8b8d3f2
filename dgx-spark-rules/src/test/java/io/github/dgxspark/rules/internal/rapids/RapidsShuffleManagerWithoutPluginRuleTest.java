package io.github.dgxspark.rules.internal.rapids;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code RapidsShuffleManagerWithoutPlugin.json}. */
class RapidsShuffleManagerWithoutPluginRuleTest extends RuleCaseTest {}
