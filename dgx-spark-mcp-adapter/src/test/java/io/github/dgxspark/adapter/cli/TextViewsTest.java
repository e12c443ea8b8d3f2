package io.github.dgxspark.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextViewsTest {
  private static final Pattern TWO_UNITS = Pattern.compile("(\\d+) (min|h|d) (\\d+) (s|min|h)");

  @Test
  void readableUsesTheTwoLargestUnits() {
    assertEquals("850 ms", TextViews.readable(850));
    assertEquals("12.3 s", TextViews.readable(12_345));
    assertEquals("1 min 0 s", TextViews.readable(59_990));
    assertEquals("23 min 58 s", TextViews.readable(1_438_017));
    assertEquals("1 h 42 min", TextViews.readable(6_095_163));
    assertEquals("88 d 18 h", TextViews.readable(7_667_375_617L));
  }

  /**
   * The printed time, read back, is within half of its smallest unit of the true one. Times run
   * from 0 to 2^40 ms (35 years) with every power of two as likely as any other, so each unit (ms,
   * s, min, h, d) is printed often; a uniform draw would print days only.
   */
  @Test
  void readableIsWithinHalfItsSmallestUnit() {
    qt().withExamples(200)
        .forAll(integers().between(0, 40).flatMap(b -> longs().between(0, 1L << b)))
        .checkAssert(TextViewsTest::readsBackWithinHalfItsSmallestUnit);
  }

  private static void readsBackWithinHalfItsSmallestUnit(long ms) {
    String text = TextViews.readable(ms);
    double back;
    double unitMs;
    Matcher m = TWO_UNITS.matcher(text);
    if (text.endsWith(" ms")) {
      back = Long.parseLong(text.substring(0, text.length() - 3));
      unitMs = 1;
    } else if (m.matches()) {
      long big = Long.parseLong(m.group(1));
      long small = Long.parseLong(m.group(3));
      double bigMs = unit(m.group(2));
      unitMs = unit(m.group(4));
      assertTrue(small * unitMs < bigMs, text + ": the smaller part overflows its unit");
      back = big * bigMs + small * unitMs;
    } else {
      back = Double.parseDouble(text.substring(0, text.length() - 2)) * 1_000;
      unitMs = 100;
    }
    assertTrue(Math.abs(back - ms) <= unitMs / 2 + 1e-6, ms + " ms printed as " + text);
  }

  private static double unit(String name) {
    switch (name) {
      case "s":
        return 1_000;
      case "min":
        return 60_000;
      case "h":
        return 3_600_000;
      default:
        return 86_400_000;
    }
  }
}
