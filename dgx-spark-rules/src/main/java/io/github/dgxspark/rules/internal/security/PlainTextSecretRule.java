package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports a secret written in the config (a key naming a secret, password, token, credential or
 * access key, with a value): it ends up in spark-defaults.conf, submit command lines and logs. Keys
 * that name a file, path, provider or switch are not secrets themselves.
 */
final class PlainTextSecretRule implements Rule {
  private static final List<String> NOT_SECRET_SUFFIXES =
      List.of("file", "path", "provider", "enabled", "type", "algorithm", "regex", "keylength");

  @Override
  public String name() {
    return "PlainTextSecret";
  }

  @Override
  public void check(RuleContext c) {
    for (Map.Entry<String, String> e : c.entries().entrySet()) {
      String key = e.getKey();
      if (e.getValue().isBlank() || !c.isSecretKey(key) || namesNoSecret(key)) {
        continue;
      }
      c.report(List.of(key), Map.of("key", key));
    }
  }

  private static boolean namesNoSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String s : NOT_SECRET_SUFFIXES) {
      if (lower.endsWith(s)) {
        return true;
      }
    }
    return false;
  }
}
