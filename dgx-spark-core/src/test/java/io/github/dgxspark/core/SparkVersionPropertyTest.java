package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Invariants of Spark version parsing and ordering. */
class SparkVersionPropertyTest {

  @Test
  void parseOfToStringIsIdentity() {
    qt().withExamples(1000)
        .forAll(versions())
        .checkAssert(v -> assertEquals(v, SparkVersion.parse(v.toString())));
  }

  @Test
  void vendorSuffixIsDropped() {
    qt().withExamples(1000)
        .forAll(
            versions(),
            arbitrary()
                .pick(
                    "-amzn-1",
                    "-SNAPSHOT",
                    "-preview2",
                    "+databricks",
                    ".3.3.6.0-1",
                    "-cdh7",
                    "_2.12",
                    "-rc1",
                    " (build 7)"))
        .checkAssert(
            (v, suffix) -> assertEquals(v, SparkVersion.parse(v.toString() + suffix), suffix));
  }

  @Test
  void parseOrRejectWithDgxSparkException() {
    qt().withExamples(3000)
        .forAll(
            Generate.oneOf(
                strings().ascii().ofLengthBetween(0, 12),
                strings().betweenCodePoints('-', '9').ofLengthBetween(0, 10)))
        .checkAssert(
            text -> {
              try {
                SparkVersion v = SparkVersion.parse(text);
                String[] parts = text.trim().split("\\.", 3);
                assertEquals(Integer.parseInt(parts[0]), v.major(), text);
                assertEquals(
                    Integer.parseInt(parts[1].replaceAll("[^0-9].*", "")), v.minor(), text);
              } catch (DgxSparkException e) {
                assertTrue(e.getMessage().contains("expected major.minor"), e.getMessage());
              } catch (RuntimeException e) {
                fail("'" + text + "' threw " + e);
              }
            });
  }

  @Test
  void orderIsTotalAndAgreesWithAtLeast() {
    qt().withExamples(2000)
        .forAll(versions(), versions())
        .checkAssert(
            (a, b) -> {
              assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)));
              assertEquals(a.compareTo(b) == 0, a.equals(b));
              // b.major.b.minor.0 <= b, so a >= b implies a is at least b's minor release
              if (a.compareTo(b) >= 0) {
                assertTrue(a.atLeast(b.major(), b.minor()), a + " vs " + b);
              }
              if (a.major() < b.major() || (a.major() == b.major() && a.minor() < b.minor())) {
                assertFalse(a.atLeast(b.major(), b.minor()), a + " vs " + b);
              }
            });
  }

  private static Gen<SparkVersion> versions() {
    return integers()
        .between(0, 9)
        .zip(integers().between(0, 12), integers().between(0, 12), SparkVersion::new);
  }
}
