package io.github.dgxspark.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ConfigKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The validator never throws and never shows a secret, whatever the map of strings. */
class RuleBookPropertyTest {
  private static final List<String> KEYS =
      RuleBook.builtIn().knownKeys().stream()
          .map(ConfigKey::name)
          .filter(k -> !k.contains("*"))
          .toList();

  private static Gen<String> keys() {
    return Generate.oneOf(
        arbitrary().pick(KEYS),
        arbitrary()
            .pick(
                "spark.executor.resource.gpu.amount",
                "spark.task.resource.gpu.amount",
                "spark.master",
                "spark.authenticate.secret",
                "spark.hadoop.fs.s3a.secret.key"),
        strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 30),
        fromAlphabet("spark.exctorymemo ", 0, 25));
  }

  /**
   * Any short string, the values Spark and the rules treat specially (including the ends of {@code
   * long} and of {@code double}), any long or double, and MiB and second counts.
   */
  private static Gen<String> values() {
    return Generate.oneOf(
        strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 20),
        arbitrary()
            .pick(
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
                "",
                "-9223372036854775808",
                "4.9E-324",
                "1.7976931348623157E308",
                "-Infinity"),
        longs().all().map(l -> Long.toString(l)),
        doubles().any().map(d -> Double.toString(d)),
        integers().between(0, 100000).map(i -> i + "m"),
        integers().between(-10, 100000).map(i -> i + "s"));
  }

  private static Gen<Map<String, String>> configs() {
    return maps().of(keys(), values()).ofSizeBetween(0, 25);
  }

  /**
   * A built-in-like cluster of 1 to 8 nodes under a real cluster manager, present 7 times in 10.
   */
  private static Gen<Optional<ClusterSpec>> hardware() {
    Gen<ClusterSpec> clusters =
        arbitrary()
            .pick(List.copyOf(TestHardware.NODES.keySet()))
            .zip(
                integers().between(1, 8),
                arbitrary().pick("standalone", "yarn", "kubernetes"),
                TestHardware::cluster);
    return clusters.toOptionals(30);
  }

  @Test
  void validateNeverThrows() {
    qt().withExamples(1000)
        .forAll(configs(), hardware())
        .checkAssert((config, hardware) -> RuleBook.builtIn().validate(config, hardware));
  }

  @Test
  void secretValuesNeverAppearInFindings() {
    qt().withExamples(500)
        .forAll(configs(), hardware(), secrets())
        .checkAssert(
            (config, hardware, secret) -> {
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
            });
  }

  /** Letters and digits, 8 to 24 of them. */
  private static Gen<String> secrets() {
    return fromAlphabet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8, 24);
  }

  /** Strings of {@code minLength} to {@code maxLength} characters drawn from {@code alphabet}. */
  private static Gen<String> fromAlphabet(String alphabet, int minLength, int maxLength) {
    return lists()
        .of(arbitrary().pick(List.of(alphabet.split(""))))
        .ofSizeBetween(minLength, maxLength)
        .map(l -> String.join("", l));
  }
}
