package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code SecretInValue.json}. */
class SecretInValueRuleTest extends RuleCaseTest {}
