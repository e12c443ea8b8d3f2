package io.github.dgxspark.rules.hardware;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code LocalMasterCoresExceedNode.json}. */
class LocalMasterCoresExceedNodeRuleTest extends RuleCaseTest {}
