package io.github.dgxspark.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The value a Spark application runs with for one key: the config's own value, else Spark's default
 * for the application's Spark version, else none.
 *
 * @param key the property name
 * @param value the value in effect; empty when the key is unset and has no default
 * @param source where the value comes from
 */
public record EffectiveValue(String key, Optional<String> value, Source source) {
  /** Where an effective value comes from. */
  public enum Source {
    /**
     * The config (an event log's, or the user's) sets the key, or a key it falls back to in Spark's
     * registry; serialised as {@code log}.
     */
    LOG,
    /** Spark's (or the RAPIDS plugin's) default for the version; serialised as {@code default}. */
    DEFAULT,
    /** Neither set nor defaulted; serialised as {@code unset}. */
    UNSET;

    /**
     * The lower-case name used in JSON.
     *
     * @return {@code log}, {@code default} or {@code unset}
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  // Rejects nulls and a value that contradicts its source.
  public EffectiveValue {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
    if (value.isPresent() == (source == Source.UNSET)) {
      throw new DgxSparkException(
          "an effective value has a value exactly when its source is not UNSET: " + key);
    }
  }
}
