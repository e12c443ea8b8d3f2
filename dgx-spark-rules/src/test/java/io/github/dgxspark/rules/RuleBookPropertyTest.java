package io.github.dgxspark.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.dgxspark.core.ClusterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The validator never throws and never shows a secret, whatever the map of strings. */
class RuleBookPropertyTest {
  private static final List<String> KEYS =
      RuleBook.builtIn().knownKeys().stream()
          .map(ConfigKey::name)
          .filter(k -> !k.contains("*"))
          .toList();

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.oneOf(
        Arbitraries.of(KEYS),
        Arbitraries.of(
            "spark.executor.resource.gpu.amount",
            "spark.task.resource.gpu.amount",
            "spark.master",
            "spark.authenticate.secret",
            "spark.hadoop.fs.s3a.secret.key"),
        Arbitraries.strings().ofMaxLength(30),
        Arbitraries.strings().withChars("spark.exctorymemo ").ofMaxLength(25));
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.of(
            "0",
            "-1",
            "1",
            "1.5",
            "NaN",
            "Infinity",
            "-0.0",
            "1e308",
            "99999999999999999999",
            "9223372036854775807",
            "8589934592g",
            "1g",
            "2048m",
            "0.0001",
            "true",
            "FALSE",
            "local[*]",
            "local[99999999999]",
            "local",
            "spark://h:7077",
            "k8s://x",
            "yarn",
            "com.nvidia.spark.SQLPlugin",
            "(?i)(",
            "0.0.0.0",
            " 4g ",
            ""),
        Arbitraries.longs().map(l -> Long.toString(l)),
        Arbitraries.doubles().map(d -> Double.toString(d)),
        Arbitraries.integers().between(0, 100000).map(i -> i + "m"),
        Arbitraries.integers().between(-10, 100000).map(i -> i + "s"));
  }

  @Provide
  Arbitrary<Map<String, String>> configs() {
    return Arbitraries.maps(keys(), values()).ofMaxSize(25);
  }

  @Provide
  Arbitrary<Optional<ClusterSpec>> hardware() {
    Arbitrary<ClusterSpec> clusters =
        Combinators.combine(
                Arbitraries.of(TestHardware.NODES.keySet()),
                Arbitraries.integers().between(1, 8),
                Arbitraries.of("standalone", "yarn", "kubernetes"))
            .as(TestHardware::cluster);
    return clusters.optional(0.7);
  }

  @Property(tries = 1000)
  void validateNeverThrows(
      @ForAll("configs") Map<String, String> config,
      @ForAll("hardware") Optional<ClusterSpec> hardware) {
    RuleBook.builtIn().validate(config, hardware);
  }

  @Property(tries = 500)
  void secretValuesNeverAppearInFindings(
      @ForAll("configs") Map<String, String> config,
      @ForAll("hardware") Optional<ClusterSpec> hardware,
      @ForAll("secrets") String secret) {
    Map<String, String> withSecrets = new LinkedHashMap<>(config);
    withSecrets.put("spark.authenticate.secret", secret);
    withSecrets.put("spark.hadoop.fs.s3a.access.key", secret);
    withSecrets.put("spark.ssl.keyStorePassword", secret);
    withSecrets.put("spark.executor.memory", secret);
    ValidationReport r = RuleBook.builtIn().validate(withSecrets, hardware);
    for (Finding f : r.findings()) {
      assertFalse(f.message().contains(secret), f.message());
      assertFalse(f.suggestedValue().orElse("").contains(secret), f.toString());
    }
  }

  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(8).ofMaxLength(24);
  }
}
