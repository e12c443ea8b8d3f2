package io.github.dgxspark.rules.internal.limits;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code ExecutorJavaOptionsRefused.json}. */
class ExecutorJavaOptionsRefusedRuleTest extends RuleCaseTest {}
