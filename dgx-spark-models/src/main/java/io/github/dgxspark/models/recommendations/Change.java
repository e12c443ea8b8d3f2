package io.github.dgxspark.models.recommendations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.dgxspark.models.ModelsException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One exact config change: a Spark property from its current value to the proposed one. In JSON
 * {@code {"key", "current", "proposed"}}, {@code current} being {@code null} when the property is
 * not set.
 *
 * @param key the property, e.g. {@code spark.sql.shuffle.partitions}
 * @param current its value now, or empty when it is not set (Spark's default applies)
 * @param proposed the value to set, exactly as Spark reads it
 */
public record Change(
    String key,
    @JsonInclude(JsonInclude.Include.ALWAYS) Optional<String> current,
    String proposed) {
  // Checks the fields.
  public Change {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(proposed, "proposed");
    if (key.isBlank()) {
      throw new ModelsException("change key is blank; expected a Spark property name");
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
}
