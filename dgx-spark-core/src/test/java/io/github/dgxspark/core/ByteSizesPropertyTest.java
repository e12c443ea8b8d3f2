package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.concurrent.TimeUnit;
import org.apache.spark.network.util.ByteUnit;
import org.apache.spark.network.util.JavaUtils;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Our size and time parsers against Spark's own ({@code org.apache.spark.network.util.JavaUtils} of
 * the pinned Spark 4.1.3): same bytes or milliseconds, or both reject.
 */
class ByteSizesPropertyTest {

  @Test
  void parseBytesAgreesWithSpark() {
    qt().withExamples(3000)
        .forAll(sizeStrings())
        .checkAssert(
            text ->
                assertSameOutcome(
                    text,
                    () -> ByteSizes.parseBytes(text),
                    () -> JavaUtils.byteStringAsBytes(text)));
  }

  @Test
  void parseMebibytesAgreesWithSpark() {
    qt().withExamples(2000)
        .forAll(sizeStrings())
        .checkAssert(
            text ->
                assertSameOutcome(
                    text,
                    () -> ByteSizes.parse(text, ByteSizes.MIB),
                    () -> JavaUtils.byteStringAs(text, ByteUnit.MiB)));
  }

  @Test
  void parseMillisAgreesWithSpark() {
    qt().withExamples(3000)
        .forAll(timeStrings())
        .checkAssert(
            text ->
                assertSameOutcome(
                    text,
                    () -> SparkDurations.parseMillis(text),
                    () -> JavaUtils.timeStringAsMs(text)));
  }

  @Test
  void parseSecondsAgreesWithSpark() {
    qt().withExamples(1000)
        .forAll(timeStrings())
        .checkAssert(
            text ->
                assertSameOutcome(
                    text,
                    () -> SparkDurations.parse(text, TimeUnit.SECONDS),
                    () -> JavaUtils.timeStringAs(text, TimeUnit.SECONDS)));
  }

  @Test
  void parseOfFormatIsIdentity() {
    qt().withExamples(500)
        .forAll(nonNegativeSizes())
        .checkAssert(
            bytes -> {
              String text = ByteSizes.format(bytes);
              assertEquals(bytes, ByteSizes.parseBytes(text));
              assertEquals(bytes, JavaUtils.byteStringAsBytes(text));
            });
  }

  @Test
  void formattedSizesAlwaysCarryAUnit() {
    qt().withExamples(500)
        .forAll(nonNegativeSizes())
        .checkAssert(
            bytes ->
                assertTrue(
                    ByteSizes.format(bytes).matches("[0-9]+[bkmgtp]"), ByteSizes.format(bytes)));
  }

  /**
   * Any size up to {@code Long.MAX_VALUE}, whole MiB and whole GiB; a uniform draw would almost
   * never give a small size or an end of the range, so small sizes, whole KiB and the ends are
   * drawn explicitly.
   */
  private static Gen<Long> nonNegativeSizes() {
    return Generate.oneOf(
        longs().between(0, Long.MAX_VALUE),
        longs().between(0, 1 << 20),
        longs().between(0, 1 << 20).map(n -> n * ByteSizes.KIB),
        longs().between(0, 1 << 20).map(n -> n * ByteSizes.MIB),
        longs().between(0, 4096).map(n -> n * ByteSizes.GIB),
        arbitrary().pick(0L, 1L, 1023L, ByteSizes.KIB, Long.MAX_VALUE - 1, Long.MAX_VALUE));
  }

  private static Gen<String> sizeStrings() {
    return generated(
        arbitrary()
            .pick(
                "", "b", "k", "kb", "m", "mb", "g", "gb", "t", "tb", "p", "pb", "K", "Gb", "MB",
                "kib", "gib", "e", "eb", "bytes", "gg", "i", "mi", "tib"));
  }

  private static Gen<String> timeStrings() {
    return generated(
        arbitrary()
            .pick(
                "", "us", "ms", "s", "m", "min", "h", "d", "MS", "Min", "H", "sec", "secs", "mins",
                "hour", "w", "ns", "y"));
  }

  /**
   * Six in nine: padding, digits, an optional space, a suffix, padding; two in nine: short strings
   * of digits, unit letters, space, dot and minus; one in nine: any short string. The digits
   * include the ends of {@code long} and the first number past it.
   */
  private static Gen<String> generated(Gen<String> suffixes) {
    Gen<String> digits =
        Generate.oneOf(
            longs().between(0, 100_000).map(n -> Long.toString(n)),
            longs().between(0, Long.MAX_VALUE).map(n -> Long.toString(n)),
            strings().betweenCodePoints('0', '9').ofLengthBetween(1, 22),
            arbitrary()
                .pick(
                    "1.5",
                    "0.5",
                    ".5",
                    "-1",
                    "+1",
                    "1,5",
                    "1e3",
                    "0x10",
                    "1_000",
                    "１",
                    "01",
                    "-0",
                    "0",
                    "9223372036854775807",
                    "9223372036854775808"));
    Gen<String> pad = arbitrary().pick("", "", "", " ", "\t", "\n", " 1");
    Gen<String> wellFormed =
        pad.zip(
            digits,
            arbitrary().pick("", "", " "),
            suffixes,
            pad,
            (a, d, sp, s, b) -> a + d + sp + s + b);
    Gen<String> noise = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 8);
    Gen<String> sizeLike = AlphabetStrings.of("0123456789kmgtpbsuhdin .-", 0, 8);
    return Generate.frequency(Pair.of(6, wellFormed), Pair.of(2, sizeLike), Pair.of(1, noise));
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
