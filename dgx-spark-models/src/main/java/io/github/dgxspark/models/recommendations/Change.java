package io.github.dgxspark.models.recommendations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.dgxspark.core.EffectiveValue;
import io.github.dgxspark.models.ModelsException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One exact config change: a Spark property from the value it has in effect to the proposed one. In
 * JSON {@code {"key", "current", "currentSource", "proposed"}}, {@code current} being {@code null}
 * when the property is neither set nor has a default.
 *
 * @param key the property, e.g. {@code spark.sql.shuffle.partitions}
 * @param current the value in effect now: the config's value, else Spark's default for the
 *     application's Spark version; empty when neither exists
 * @param currentSource where {@code current} comes from: the config ({@code LOG}), Spark's default
 *     ({@code DEFAULT}) or nowhere ({@code UNSET})
 * @param proposed the value to set, exactly as Spark reads it
 */
public record Change(
    String key,
    @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> current,
    EffectiveValue.Source currentSource,
    String proposed) {
  // Checks the fields.
  public Change {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(currentSource, "currentSource");
    Objects.requireNonNull(proposed, "proposed");
    if (key.isBlank()) {
      throw new ModelsException("change key is blank; expected a Spark property name");
    }
    if (current.isPresent() == (currentSource == EffectiveValue.Source.UNSET)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "change of %s has current value %s with source %s; expected a value exactly when the"
                  + " source is LOG or DEFAULT",
              key,
              current.orElse("(none)"),
              currentSource));
    }
    if (current.isPresent() && current.get().equals(proposed)) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "change of %s proposes its current value '%s'; expected a different value",
              key,
              proposed));
    }
  }

  /**
   * A change of a key from the config's own value, or from unset.
   *
   * @param key the property
   * @param current the config's value, or empty when the config does not set it
   * @param proposed the value to set
   */
  public Change(String key, Optional<String> current, String proposed) {
    this(
        key,
        current,
        current.isPresent() ? EffectiveValue.Source.LOG : EffectiveValue.Source.UNSET,
        proposed);
  }
}
