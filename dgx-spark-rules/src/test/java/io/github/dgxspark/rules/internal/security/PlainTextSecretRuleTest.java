package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code PlainTextSecret.json}. */
class PlainTextSecretRuleTest extends RuleCaseTest {}
