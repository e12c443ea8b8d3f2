package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SparkConfigPropertyTest {

  @Property
  void parseDefaultsOfRenderIsIdentity(@ForAll("configs") SparkConfig config) {
    SparkConfig back = SparkConfig.parseDefaults(config.toDefaultsConf(commentsFor(config)));
    assertEquals(config.entries(), back.entries());
    assertEquals(List.copyOf(config.entries().keySet()), List.copyOf(back.entries().keySet()));
  }

  @Property
  void parseConfArgsOfSubmitArgsIsIdentity(@ForAll("configs") SparkConfig config) {
    assertEquals(config.entries(), SparkConfig.parseConfArgs(config.toSubmitArgs()).entries());
  }

  @Property
  void parseDefaultsEitherReadsOrThrowsDgxSparkException(@ForAll String text) {
    try {
      SparkConfig.parseDefaults(text);
    } catch (DgxSparkException expected) {
      // the only accepted failure
    }
  }

  /**
   * Spark reads spark-defaults.conf with java.util.Properties and trims the values
   * (org.apache.spark.util.Utils#getPropertiesFromFile): whatever we accept, Properties reads the
   * same way.
   */
  @Property(tries = 1000)
  void parseDefaultsAgreesWithPropertiesWhereItAccepts(@ForAll("defaultsTexts") String text)
      throws java.io.IOException {
    SparkConfig ours;
    try {
      ours = SparkConfig.parseDefaults(text);
    } catch (DgxSparkException rejected) {
      return;
    }
    java.util.Properties p = new java.util.Properties();
    p.load(new java.io.StringReader(text));
    Map<String, String> spark = new java.util.HashMap<>();
    p.stringPropertyNames().forEach(k -> spark.put(k, p.getProperty(k).trim()));
    assertEquals(spark, new java.util.HashMap<>(ours.entries()));
  }

  @Provide
  Arbitrary<String> defaultsTexts() {
    Arbitrary<String> line = Arbitraries.strings().withChars("ab.=: \\t#!\nx1").ofMaxLength(14);
    return line.list().ofMaxSize(6).map(l -> String.join("\n", l));
  }

  private static Map<String, String> commentsFor(SparkConfig c) {
    Map<String, String> m = new LinkedHashMap<>();
    c.entries().keySet().forEach(k -> m.put(k, "reason for " + k + "\nsecond line"));
    return m;
  }

  @Provide
  Arbitrary<SparkConfig> configs() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars(".")
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(s -> "spark." + s),
            Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(
                    s ->
                        s.strip().equals(s)
                            && s.indexOf('=') < 0
                            && s.chars().noneMatch(Character::isISOControl)));
    Arbitrary<String> values =
        Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings()
                    .withChars("a=:# !\\\tb\u00e9\u4e2d")
                    .ofMinLength(1)
                    .ofMaxLength(10))
            .map(String::trim)
            .filter(s -> !s.isEmpty() && s.strip().equals(s));
    return Arbitraries.maps(keys, values)
        .ofMaxSize(8)
        .map(m -> new SparkConfig(new LinkedHashMap<>(m)));
  }
}
