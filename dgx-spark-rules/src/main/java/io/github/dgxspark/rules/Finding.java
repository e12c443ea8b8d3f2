package io.github.dgxspark.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem or hint found in a Spark config. Secret values never appear in it: values of keys
 * that name a secret are shown redacted.
 *
 * @param ruleId the catalog name of the rule that found it, e.g. {@code KryoBufferMaxTooLarge}
 * @param severity how much it matters
 * @param category the rule's category (its package), e.g. {@code limits}
 * @param keys the config keys involved, at least one
 * @param message a sentence a person can act on: what is wrong, the value, what to do
 * @param suggestedValue the value to set instead (for the first key), when there is one
 * @param source where the rule comes from (a document, a tool's default), when it comes from
 *     outside
 */
public record Finding(
    String ruleId,
    Severity severity,
    String category,
    List<String> keys,
    String message,
    Optional<String> suggestedValue,
    Optional<String> source) {
  // Checks the fields and copies the list.
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    keys = List.copyOf(keys);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(suggestedValue, "suggestedValue");
    Objects.requireNonNull(source, "source");
    if (keys.isEmpty()) {
      throw new RulesException(
          "finding of rule '" + ruleId + "' names no config key; expected at least one key");
    }
  }
}
