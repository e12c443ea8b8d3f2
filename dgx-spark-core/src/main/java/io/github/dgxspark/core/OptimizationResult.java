package io.github.dgxspark.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The optimizer's answer: every property with its reason, the layout behind it, and notes for the
 * person applying it.
 *
 * @param values the recommended properties in a stable order, each with its reason
 * @param layout the executor and driver numbers behind them
 * @param mode the mode the config is for (never {@link ExecutionMode#AUTO}: AUTO is resolved)
 * @param notes things the config cannot express (e.g. which RAPIDS jar to install), possibly none
 */
public record OptimizationResult(
    List<ConfigValue> values, ExecutorLayout layout, ExecutionMode mode, List<String> notes) {
  // Checks the fields and copies the lists.
  public OptimizationResult {
    values = List.copyOf(values);
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(mode, "mode");
    notes = List.copyOf(notes);
    if (mode == ExecutionMode.AUTO) {
      throw new DgxSparkException(
          "optimization result mode is auto; expected the resolved mode cpu or gpu");
    }
  }

  /**
   * The properties as a config.
   *
   * @return key → value in order
   */
  public SparkConfig config() {
    Map<String, String> m = new LinkedHashMap<>();
    values.forEach(v -> m.put(v.key(), v.value()));
    return new SparkConfig(m);
  }

  /**
   * The reason for every property, with its source appended where there is one.
   *
   * @return key → reason in order
   */
  public Map<String, String> reasons() {
    Map<String, String> m = new LinkedHashMap<>();
    values.forEach(
        v -> m.put(v.key(), v.reason() + v.source().map(s -> " (source: " + s + ")").orElse("")));
    return m;
  }
}
