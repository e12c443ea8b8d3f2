package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code EncryptionWithoutAuth.json}. */
class EncryptionWithoutAuthRuleTest extends RuleCaseTest {}
