package io.github.dgxspark.core;

import java.util.Arrays;

/**
 * Levenshtein distance within a band: the rules' "did you mean" suggestions and {@link Redaction}'s
 * mistyped secret words.
 */
public final class EditDistance {
  private EditDistance() {}

  /**
   * The edit distance (insertions, deletions, substitutions) between two texts if it is at most
   * {@code limit}, else {@code limit + 1}. Only the diagonal band of width {@code 2 × limit + 1} is
   * computed (Ukkonen), so the cost is O(length × limit).
   *
   * @param a one text
   * @param b the other text
   * @param limit the largest distance of interest, 0 or more
   * @return the distance, or {@code limit + 1} when it is larger than {@code limit}
   */
  public static int between(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > limit) {
      return limit + 1;
    }
    int big = limit + 1;
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j <= limit ? j : big;
    }
    for (int i = 1; i <= n; i++) {
      Arrays.fill(cur, big);
      int from = Math.max(1, i - limit);
      int to = Math.min(m, i + limit);
      cur[0] = i <= limit ? i : big;
      int rowMin = cur[0];
      char ca = a.charAt(i - 1);
      for (int j = from; j <= to; j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        cur[j] = Math.min(v, big);
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > limit) {
        return big;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[m], big);
  }
}
