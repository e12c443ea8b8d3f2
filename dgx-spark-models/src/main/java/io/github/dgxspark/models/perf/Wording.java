package io.github.dgxspark.models.perf;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How the detectors write numbers and lists in their sentences. */
final class Wording {
  private Wording() {}

  /** A duration: {@code 350 ms}, {@code 4.2 s}; never {@code 0.0 s}. */
  static String seconds(double millis) {
    if (millis < 0.5) {
      return "under 1 ms";
    }
    return millis < 100
        ? String.format(Locale.ROOT, "%.0f ms", millis)
        : String.format(Locale.ROOT, "%.1f s", millis / 1000);
  }

  /** A share as a percentage: {@code 35 %}, {@code 0.4 %} under 1 %. */
  static String percent(double fraction) {
    double p = 100 * fraction;
    return p > 0 && p < 0.95
        ? String.format(Locale.ROOT, "%.1f %%", p)
        : String.format(Locale.ROOT, "%.0f %%", p);
  }

  /** A count with its noun: {@code 1 stage}, {@code 3 stages}. */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** A count with a regular noun: {@code 1 task}, {@code 2 tasks}. */
  static String count(long n, String noun) {
    return count(n, noun, noun + "s");
  }

  /** Named numbers, in order: name, value, name, value, ... */
  static Map<String, Double> evidence(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return m;
  }
}
