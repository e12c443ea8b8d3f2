package io.github.dgxspark.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.core.ExecutionMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rule catalog (catalog.json) as entries, plus the declarative threshold checks. */
final class Catalog {
  static final String RESOURCE = "data/rules/catalog.json";

  /** A declarative threshold: the key, the comparison, the parameter and an optional suggestion. */
  record Threshold(String key, String comparison, String parameter, Optional<String> suggest) {}

  private final List<RuleEntry> entries;
  private final Map<String, Threshold> thresholds;

  private Catalog(List<RuleEntry> entries, Map<String, Threshold> thresholds) {
    this.entries = List.copyOf(entries);
    this.thresholds = Map.copyOf(thresholds);
  }

  static Catalog load() {
    JsonNode root = DataFiles.read("rules/catalog.json");
    List<RuleEntry> entries = new ArrayList<>();
    Map<String, Threshold> thresholds = new HashMap<>();
    for (JsonNode n : root.path("rules")) {
      String name = n.path("name").asText("");
      try {
        entries.add(parse(n));
        JsonNode t = n.get("threshold");
        if (t != null) {
          String cmp = t.path("comparison").asText("");
          if (!Set.of("above", "atLeast", "below").contains(cmp)) {
            throw new RulesException(
                "threshold comparison '" + cmp + "' is not above, atLeast or below");
          }
          thresholds.put(
              name,
              new Threshold(
                  t.path("key").asText(),
                  cmp,
                  t.path("parameter").asText(),
                  Optional.ofNullable(t.get("suggest")).map(JsonNode::asText)));
        }
      } catch (RulesException e) {
        throw new RulesException(
            String.format(Locale.ROOT, "%s rule '%s': %s", RESOURCE, name, e.getMessage()), e);
      }
    }
    return new Catalog(entries, thresholds);
  }

  private static RuleEntry parse(JsonNode n) {
    Set<ExecutionMode> applies = EnumSet.noneOf(ExecutionMode.class);
    n.path("appliesTo").forEach(a -> applies.add(ExecutionMode.parse(a.asText())));
    Map<String, Double> params = new LinkedHashMap<>();
    JsonNode parameters = n.path("parameters");
    for (Map.Entry<String, JsonNode> e : parameters.properties()) {
      if (!e.getValue().isNumber()) {
        throw new RulesException("parameter '" + e.getKey() + "' is not a number: " + e.getValue());
      }
      params.put(e.getKey(), e.getValue().asDouble());
    }
    return new RuleEntry(
        n.path("name").asText(""),
        n.path("category").asText(""),
        Severity.parse(n.path("severity").asText()),
        applies,
        n.path("message").asText(""),
        n.path("rationale").asText(""),
        n.path("source").asText(""),
        params,
        n.path("since").asText(""),
        n.path("enabled").asBoolean(true));
  }

  List<RuleEntry> entries() {
    return entries;
  }

  Optional<Threshold> threshold(String name) {
    return Optional.ofNullable(thresholds.get(name));
  }
}
