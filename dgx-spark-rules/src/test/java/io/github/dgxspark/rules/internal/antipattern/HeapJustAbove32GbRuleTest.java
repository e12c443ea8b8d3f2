package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code HeapJustAbove32Gb.json}. */
class HeapJustAbove32GbRuleTest extends RuleCaseTest {}
