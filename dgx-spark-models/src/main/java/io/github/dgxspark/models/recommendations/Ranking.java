package io.github.dgxspark.models.recommendations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders recommendations and numbers their ranks. */
final class Ranking {
  /** Blocking first, then score (descending), severity (most severe first), title, first key. */
  static final Comparator<Recommendation> ORDER =
      Comparator.comparing((Recommendation r) -> !r.priority().blocking())
          .thenComparing(
              Comparator.comparingDouble((Recommendation r) -> r.priority().score()).reversed())
          .thenComparing(r -> r.priority().severity())
          .thenComparing(Recommendation::title)
          .thenComparing(r -> r.changes().get(0).key());

  private Ranking() {}

  static List<Recommendation> rank(List<Recommendation> recommendations) {
    List<Recommendation> sorted = new ArrayList<>(recommendations);
    sorted.sort(ORDER);
    List<Recommendation> ranked = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Recommendation r = sorted.get(i);
      ranked.add(r.withPriority(r.priority().withRank(i + 1)));
    }
    return List.copyOf(ranked);
  }
}
