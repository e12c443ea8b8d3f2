package io.github.dgxspark.rules.internal.syntax;

import java.util.Locale;

/** Renders key names for messages. */
final class Names {
  private Names() {}

  /** The key with control characters escaped as {@code \\uXXXX}, quoted spaces kept visible. */
  static String printable(String key) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char ch = key.charAt(i);
      if (Character.isISOControl(ch)) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  /** Whether a key is well-formed enough to be looked up (see InvalidKeyNameRule). */
  static boolean wellFormed(String key) {
    return io.github.dgxspark.core.SparkConfig.isWellFormedKey(key);
  }
}
