package io.github.dgxspark.rules.internal.antipattern;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports {@code spark.sql.parquet.compression.codec=lz4_raw}: with parquet-java 1.16.0, the
 * version Spark 4.1.3 ships, Spark can fail to read back files it wrote with that codec, depending
 * on the data (apache/parquet-java issue #3478; measured by the harness, see the catalog entry).
 * Spark 3.5.0's spelling {@code lz4raw} is not checked here: Spark 4 removed it (SPARK-45484; Spark
 * 4.1.3's SQLConf accepts only {@code lz4_raw}), and rule {@code InvalidEnumValue} reports it.
 */
final class ParquetLz4RawCodecRule implements Rule {
  private static final String KEY = "spark.sql.parquet.compression.codec";

  @Override
  public String name() {
    return "ParquetLz4RawCodec";
  }

  @Override
  public void check(RuleContext c) {
    if (c.value(KEY).map(v -> v.strip().toLowerCase(Locale.ROOT).equals("lz4_raw")).orElse(false)) {
      c.report(List.of(KEY), Map.of("key", KEY, "value", c.shown(KEY)), "snappy");
    }
  }
}
