package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code SingleCoreExecutors.json}. */
class SingleCoreExecutorsRuleTest extends RuleCaseTest {}
