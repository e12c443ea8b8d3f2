package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code UiWithoutAcls.json}. */
class UiWithoutAclsRuleTest extends RuleCaseTest {}
