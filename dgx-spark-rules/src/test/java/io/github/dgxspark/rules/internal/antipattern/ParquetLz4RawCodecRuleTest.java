package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.RuleCaseTest;

/** Runs the cases in {@code ParquetLz4RawCodec.json}. */
class ParquetLz4RawCodecRuleTest extends RuleCaseTest {}
