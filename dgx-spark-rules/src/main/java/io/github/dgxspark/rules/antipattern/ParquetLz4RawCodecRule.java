package io.github.dgxspark.rules.antipattern;

import io.github.dgxspark.rules.Rule;
import io.github.dgxspark.rules.RuleContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports {@code spark.sql.parquet.compression.codec=lz4_raw} (or its older spelling {@code
 * lz4raw}): with parquet-java 1.16.0, the version Spark 4.1.3 ships, Spark cannot read back the
 * files it wrote with that codec once a dictionary page is larger than about 8 KiB (apache/parquet-
 * java issue #3478; measured by the harness, see the catalog entry).
 */
final class ParquetLz4RawCodecRule implements Rule {
  private static final String KEY = "spark.sql.parquet.compression.codec";

  @Override
  public String name() {
    return "ParquetLz4RawCodec";
  }

  @Override
  public void check(RuleContext c) {
    if (c.value(KEY)
        .map(v -> v.strip().toLowerCase(Locale.ROOT))
        .map(v -> v.equals("lz4_raw") || v.equals("lz4raw"))
        .orElse(false)) {
      c.report(List.of(KEY), Map.of("key", KEY, "value", c.shown(KEY)), "snappy");
    }
  }
}
