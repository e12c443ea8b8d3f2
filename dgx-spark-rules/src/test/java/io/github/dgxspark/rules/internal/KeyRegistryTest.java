package io.github.dgxspark.rules.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.core.Redaction;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The key list against the redaction: its widened and mistyped secret words flag no real key. */
class KeyRegistryTest {
  @Test
  void knownKeys_flaggedSecretOnlyWhenTheyNameASecretOrCredential() {
    KeyRegistry keys = KeyRegistry.load();
    List<String> flagged =
        keys.keys().stream().map(ConfigKey::name).filter(Redaction::isSecretKey).toList();
    for (String k : flagged) {
      String lower = k.toLowerCase(Locale.ROOT);
      assertTrue(lower.contains("secret") || lower.contains("credential"), k);
    }
    assertTrue(flagged.contains("spark.authenticate.secret"), flagged.toString());
  }
}
