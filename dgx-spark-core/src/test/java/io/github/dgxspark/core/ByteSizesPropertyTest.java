package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.spark.network.util.ByteUnit;
import org.apache.spark.network.util.JavaUtils;

/**
 * Our size and time parsers against Spark's own ({@code org.apache.spark.network.util.JavaUtils} of
 * the pinned Spark 4.1.3): same bytes or milliseconds, or both reject.
 */
class ByteSizesPropertyTest {

  @Property(tries = 3000)
  void parseBytesAgreesWithSpark(@ForAll("sizeStrings") String text) {
    assertSameOutcome(
        text, () -> ByteSizes.parseBytes(text), () -> JavaUtils.byteStringAsBytes(text));
  }

  @Property(tries = 2000)
  void parseMebibytesAgreesWithSpark(@ForAll("sizeStrings") String text) {
    assertSameOutcome(
        text,
        () -> ByteSizes.parse(text, ByteSizes.MIB),
        () -> JavaUtils.byteStringAs(text, ByteUnit.MiB));
  }

  @Property(tries = 3000)
  void parseMillisAgreesWithSpark(@ForAll("timeStrings") String text) {
    assertSameOutcome(
        text, () -> SparkDurations.parseMillis(text), () -> JavaUtils.timeStringAsMs(text));
  }

  @Property(tries = 1000)
  void parseSecondsAgreesWithSpark(@ForAll("timeStrings") String text) {
    assertSameOutcome(
        text,
        () -> SparkDurations.parse(text, TimeUnit.SECONDS),
        () -> JavaUtils.timeStringAs(text, TimeUnit.SECONDS));
  }

  @Property
  void parseOfFormatIsIdentity(@ForAll("nonNegativeSizes") long bytes) {
    String text = ByteSizes.format(bytes);
    assertEquals(bytes, ByteSizes.parseBytes(text));
    assertEquals(bytes, JavaUtils.byteStringAsBytes(text));
  }

  @Property
  void formattedSizesAlwaysCarryAUnit(@ForAll("nonNegativeSizes") long bytes) {
    assertTrue(ByteSizes.format(bytes).matches("[0-9]+[bkmgtp]"), ByteSizes.format(bytes));
  }

  @Provide
  Arbitrary<Long> nonNegativeSizes() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.longs().between(0, 1 << 20).map(n -> n * ByteSizes.MIB),
        Arbitraries.longs().between(0, 4096).map(n -> n * ByteSizes.GIB));
  }

  @Provide
  Arbitrary<String> sizeStrings() {
    return generated(
        Arbitraries.of(
            "", "b", "k", "kb", "m", "mb", "g", "gb", "t", "tb", "p", "pb", "K", "Gb", "MB", "kib",
            "gib", "e", "eb", "bytes", "gg", "i", "mi", "tib"));
  }

  @Provide
  Arbitrary<String> timeStrings() {
    return generated(
        Arbitraries.of(
            "", "us", "ms", "s", "m", "min", "h", "d", "MS", "Min", "H", "sec", "secs", "mins",
            "hour", "w", "ns", "y"));
  }

  private static Arbitrary<String> generated(Arbitrary<String> suffixes) {
    Arbitrary<String> digits =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 100_000).map(String::valueOf),
            Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(22),
            Arbitraries.of(
                "1.5", "0.5", ".5", "-1", "+1", "1,5", "1e3", "0x10", "1_000", "１", "01", "-0"));
    Arbitrary<String> pad = Arbitraries.of("", "", "", " ", "\t", "\n", " 1");
    Arbitrary<String> wellFormed =
        Combinators.combine(pad, digits, Arbitraries.of("", "", " "), suffixes, pad)
            .as((a, d, sp, s, b) -> a + d + sp + s + b);
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(8);
    Arbitrary<String> sizeLike =
        Arbitraries.strings().withChars("0123456789kmgtpbsuhdin .-").ofMaxLength(8);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, wellFormed),
        net.jqwik.api.Tuple.of(2, sizeLike),
        net.jqwik.api.Tuple.of(1, noise));
  }

  private interface LongCall {
    long call();
  }

  private static void assertSameOutcome(String text, LongCall ours, LongCall spark) {
    Long expected;
    try {
      expected = spark.call();
    } catch (IllegalArgumentException e) { // NumberFormatException is one too
      expected = null;
    }
    Long actual;
    try {
      actual = ours.call();
    } catch (DgxSparkException e) {
      actual = null;
    }
    assertEquals(expected, actual, () -> "parse of '" + text + "'");
  }
}
