package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.spark.network.util.ByteUnit;
import org.apache.spark.network.util.JavaUtils;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link SparkSemantics#sameValue} against Spark's own parsers ({@code JavaUtils} of the pinned
 * Spark 4.1.3), and invariants of the overhead rule.
 */
class SparkSemanticsPropertyTest {
  /** Read in MiB: package.scala v4.1.3, REDUCER_MAX_SIZE_IN_FLIGHT bytesConf(ByteUnit.MiB). */
  private static final String MIB_KEY = "spark.reducer.maxSizeInFlight";

  /** Read in seconds: Network.scala v4.1.3, NETWORK_TIMEOUT timeConf(TimeUnit.SECONDS). */
  private static final String SECONDS_KEY = "spark.network.timeout";

  @Test
  void sameSizeAgreesWithSpark() {
    qt().withExamples(3000)
        .forAll(sizes(), sizes())
        .checkAssert(
            (a, b) ->
                assertEquals(
                    sparkSame(
                        a,
                        b,
                        () -> JavaUtils.byteStringAs(a, ByteUnit.MiB),
                        () -> JavaUtils.byteStringAs(b, ByteUnit.MiB)),
                    SparkSemantics.sameValue(MIB_KEY, a, b),
                    a + " vs " + b));
  }

  @Test
  void oneSizeInEveryUnitIsTheSame() {
    qt().withExamples(500)
        .forAll(longs().between(0, 1L << 30))
        .checkAssert(
            mib -> {
              String m = mib + "m";
              for (String other :
                  new String[] {mib + "", mib + "MB", mib * 1024 + "k", mib * 1024 * 1024 + "b"}) {
                assertTrue(SparkSemantics.sameValue(MIB_KEY, m, other), m + " vs " + other);
              }
            });
  }

  @Test
  void sameTimeAgreesWithSpark() {
    qt().withExamples(3000)
        .forAll(times(), times())
        .checkAssert(
            (a, b) ->
                assertEquals(
                    sparkSame(
                        a,
                        b,
                        () -> JavaUtils.timeStringAs(a, TimeUnit.SECONDS),
                        () -> JavaUtils.timeStringAs(b, TimeUnit.SECONDS)),
                    SparkSemantics.sameValue(SECONDS_KEY, a, b),
                    a + " vs " + b));
  }

  @Test
  void sameValueIsReflexiveAndSymmetric() {
    qt().withExamples(2000)
        .forAll(
            arbitrary()
                .pick(
                    MIB_KEY,
                    SECONDS_KEY,
                    "spark.sql.adaptive.enabled",
                    "spark.sql.shuffle.partitions",
                    "spark.memory.fraction",
                    "spark.serializer",
                    "spark.sql.parquet.compression.codec",
                    "not.a.spark.key"),
            Generate.oneOf(sizes(), times(), strings().ascii().ofLengthBetween(0, 6)),
            Generate.oneOf(sizes(), times(), strings().ascii().ofLengthBetween(0, 6)))
        .checkAssert(
            (key, a, b) -> {
              assertTrue(SparkSemantics.sameValue(key, a, a), key + ": " + a);
              assertEquals(
                  SparkSemantics.sameValue(key, a, b),
                  SparkSemantics.sameValue(key, b, a),
                  key + ": " + a + " vs " + b);
            });
  }

  @Test
  void overheadIsAtLeastTheMinimumWholeMibAndGrowsWithTheHeap() {
    SparkVersion v = SparkVersion.parse("3.5.1");
    qt().withExamples(2000)
        .forAll(longs().between(0, 1L << 42), longs().between(0, 1L << 42))
        .checkAssert(
            (h1, h2) -> {
              long o1 = SparkSemantics.memoryOverheadBytes(SparkConfig.empty(), h1, v);
              long o2 = SparkSemantics.memoryOverheadBytes(SparkConfig.empty(), h2, v);
              assertTrue(o1 >= 384 * ByteSizes.MIB, h1 + " -> " + o1);
              assertEquals(0, o1 % ByteSizes.MIB, h1 + " -> " + o1);
              assertTrue(o1 <= Math.max(384 * ByteSizes.MIB, h1 / 10), h1 + " -> " + o1);
              assertTrue(h1 > h2 || o1 <= o2, h1 + " -> " + o1 + ", " + h2 + " -> " + o2);
            });
  }

  @Test
  void explicitOverheadWinsInEveryVersionThatHasTheKey() {
    qt().withExamples(500)
        .forAll(longs().between(1, 1 << 20), longs().between(0, 1L << 40))
        .checkAssert(
            (mib, heap) -> {
              SparkConfig c =
                  new SparkConfig(Map.of("spark.executor.memoryOverhead", Long.toString(mib)));
              assertEquals(
                  mib * ByteSizes.MIB,
                  SparkSemantics.memoryOverheadBytes(c, heap, SparkVersion.parse("2.3.0")));
              assertEquals(
                  mib * ByteSizes.MIB,
                  SparkSemantics.memoryOverheadBytes(c, heap, SparkVersion.NEWEST));
            });
  }

  // Spark's verdict: both parse and agree, or (when Spark rejects one) the texts are the same
  private static boolean sparkSame(
      String a, String b, Supplier<Long> sparkA, Supplier<Long> sparkB) {
    Optional<Long> x = spark(sparkA);
    Optional<Long> y = spark(sparkB);
    if (x.isPresent() && y.isPresent()) {
      return x.get().equals(y.get());
    }
    return a.trim().equals(b.trim());
  }

  private static Optional<Long> spark(Supplier<Long> parse) {
    try {
      return Optional.of(parse.get());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Gen<String> sizes() {
    return longs()
        .between(0, 1L << 34)
        .zip(
            arbitrary().pick("", "b", "k", "kb", "m", "mb", "g", "gb", "t", "MB", "Gb", "x", " m"),
            (n, unit) -> n + unit);
  }

  private static Gen<String> times() {
    return longs()
        .between(0, 1L << 20)
        .zip(
            arbitrary().pick("", "us", "ms", "s", "m", "min", "h", "d", "MS", "Min", "sec", "w"),
            (n, unit) -> n + unit);
  }
}
