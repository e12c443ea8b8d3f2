package io.github.dgxspark.models.perf;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.models.ModelsException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bottleneck detectors' thresholds, parameters and sources, and the cost scale that limits
 * every finding's severity, read from {@code data/models/bottleneck-detectors.json} (documented in
 * {@code data/README.md}).
 */
final class DetectorCatalog {
  static final String PATH = "models/bottleneck-detectors.json";

  private static final DetectorCatalog BUILT_IN = parse(DataFiles.read(PATH));

  final CostScale costScale;
  final Map<BottleneckKind, DetectorSpec> specs;

  private DetectorCatalog(CostScale costScale, Map<BottleneckKind, DetectorSpec> specs) {
    this.costScale = costScale;
    this.specs = Collections.unmodifiableMap(specs);
  }

  static DetectorCatalog builtIn() {
    return BUILT_IN;
  }

  /** The entry of a kind; every kind has one (the catalog meta-test checks it). */
  DetectorSpec spec(BottleneckKind kind) {
    DetectorSpec s = specs.get(kind);
    if (s == null) {
      throw new ModelsException(
          String.format(
              Locale.ROOT, "data file data/%s has no detector of kind '%s'", PATH, kind.id()));
    }
    return s;
  }

  static DetectorCatalog parse(JsonNode root) {
    JsonNode scale = root.path("costScale");
    JsonNode levels = scale.path("wallTimeFraction");
    CostScale cost =
        new CostScale(
            DataFiles.number(PATH, scale, "lowBelowMillis"),
            DataFiles.number(PATH, scale, "minClaimedSavingMillis"),
            DataFiles.number(PATH, levels, "moderate"),
            DataFiles.number(PATH, levels, "severe"),
            DataFiles.number(PATH, levels, "critical"));
    Map<BottleneckKind, DetectorSpec> specs = new EnumMap<>(BottleneckKind.class);
    for (JsonNode d : root.path("detectors")) {
      BottleneckKind kind = kind(d);
      if (specs.put(kind, spec(kind, d)) != null) {
        throw bad(d, "kind", "a kind listed once");
      }
    }
    return new DetectorCatalog(cost, specs);
  }

  private static BottleneckKind kind(JsonNode d) {
    String id = DataFiles.text(PATH, d, "kind");
    for (BottleneckKind k : BottleneckKind.values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    throw bad(
        d,
        "kind",
        "one of "
            + String.join(
                ", ", Stream.of(BottleneckKind.values()).map(BottleneckKind::id).toList()));
  }

  private static DetectorSpec spec(BottleneckKind kind, JsonNode d) {
    Optional<List<Double>> thresholds = Optional.empty();
    if (d.has("thresholds")) {
      List<Double> t = new ArrayList<>();
      for (String level : List.of("low", "moderate", "severe", "critical")) {
        t.add(DataFiles.number(PATH, d.path("thresholds"), level));
      }
      for (int i = 1; i < t.size(); i++) {
        if (t.get(i) < t.get(i - 1)) {
          throw bad(d, "thresholds", "ascending low, moderate, severe, critical");
        }
      }
      thresholds = Optional.of(t);
    }
    Map<String, Double> parameters = new LinkedHashMap<>();
    // fieldNames(), not properties() (Jackson 2.15): models also runs on older Spark drivers'
    // Jackson
    Iterator<String> names = d.path("parameters").fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      JsonNode v = d.path("parameters").get(name);
      if (v.isNumber()) {
        parameters.put(name, v.asDouble());
      } else if (v.isTextual()) {
        parameters.put(name, (double) ByteSizes.parseBytes(v.asText()));
      } else {
        throw bad(d, "parameters." + name, "a number or a size such as 3t");
      }
    }
    Map<String, String> source = new LinkedHashMap<>();
    Iterator<String> cited = d.path("source").fieldNames();
    while (cited.hasNext()) {
      String name = cited.next();
      source.put(name, DataFiles.text(PATH, d.path("source"), name));
    }
    if (source.isEmpty()) {
      throw bad(d, "source", "an object of citations keyed by what they cite");
    }
    return new DetectorSpec(
        kind, DataFiles.text(PATH, d, "className"), thresholds, parameters, source);
  }

  private static ModelsException bad(JsonNode d, String field, String expected) {
    return new ModelsException(
        String.format(
            Locale.ROOT,
            "data file data/%s detector '%s' has a bad '%s'; expected %s",
            PATH,
            d.path("kind").asText("?"),
            field,
            expected));
  }
}
