package io.github.dgxspark.rules.internal.syntax;

import io.github.dgxspark.rules.internal.RuleContext;
import java.util.Optional;

/** What counts as an unknown key and how far a typo may be from the key meant. */
final class Typos {
  private Typos() {}

  static boolean isUnknown(RuleContext c, String key) {
    return Names.wellFormed(key)
        && key.startsWith("spark.")
        && c.keyInfo(key).isEmpty()
        && !c.isOpenNamespace(key);
  }

  /** The nearest known key: within 2 edits, or 3 for keys longer than 24 characters. */
  static Optional<String> suggestion(RuleContext c, String key) {
    return c.nearestKnownKey(key, key.length() > 24 ? 3 : 2);
  }
}
