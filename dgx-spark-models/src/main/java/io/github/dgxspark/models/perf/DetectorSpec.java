package io.github.dgxspark.models.perf;

import io.github.dgxspark.models.ModelsException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One detector's entry in {@code data/models/bottleneck-detectors.json}.
 *
 * @param kind the kind it finds
 * @param className the simple name of the class that finds it
 * @param thresholds low, moderate, severe and critical, ascending; absent for a detector whose
 *     level follows a rule (a failed stage is critical)
 * @param parameters its other numbers, the unit in the name (sizes in bytes)
 * @param source the citation of its thresholds ({@code thresholds}), of each parameter (by name)
 *     and of its rule ({@code rule})
 */
record DetectorSpec(
    BottleneckKind kind,
    String className,
    Optional<List<Double>> thresholds,
    Map<String, Double> parameters,
    Map<String, String> source) {
  // Checks for nulls and copies the collections.
  DetectorSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(className, "className");
    thresholds = thresholds.map(List::copyOf);
    parameters = Map.copyOf(parameters);
    source = Map.copyOf(source);
  }

  /** The level a measured value reaches, empty below the low threshold. */
  Optional<BottleneckSeverity> level(double value) {
    List<Double> t = levels();
    return Optional.ofNullable(
        BottleneckSeverity.ascending(value, t.get(0), t.get(1), t.get(2), t.get(3)));
  }

  /** The threshold of a level. */
  double threshold(BottleneckSeverity level) {
    return levels().get(BottleneckSeverity.values().length - 1 - level.ordinal());
  }

  private List<Double> levels() {
    return thresholds.orElseThrow(
        () ->
            new ModelsException(
                String.format(
                    Locale.ROOT,
                    "data file data/%s detector '%s' has no thresholds; expected low, moderate,"
                        + " severe and critical",
                    DetectorCatalog.PATH,
                    kind.id())));
  }

  /** A parameter's value. */
  double parameter(String name) {
    Double v = parameters.get(name);
    if (v == null) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "data file data/%s detector '%s' lacks the parameter '%s'",
              DetectorCatalog.PATH,
              kind.id(),
              name));
    }
    return v;
  }

  /** Its citations, thresholds first, as one text. */
  String citation() {
    StringBuilder sb = new StringBuilder();
    for (String key : List.of("thresholds", "rule")) {
      if (source.containsKey(key)) {
        sb.append(sb.length() == 0 ? "" : "; ").append(source.get(key));
      }
    }
    source.entrySet().stream()
        .filter(e -> !e.getKey().equals("thresholds") && !e.getKey().equals("rule"))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> sb.append(sb.length() == 0 ? "" : "; ").append(e.getValue()));
    return sb.toString();
  }
}
